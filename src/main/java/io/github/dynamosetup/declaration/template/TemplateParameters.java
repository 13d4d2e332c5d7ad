package io.github.dynamosetup.declaration.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code Parameters} section of a template with the values the template is resolved with, as
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html">the
 * Parameters section</a> describes it: the value given in the context, else the {@code Default}; a
 * {@code String} or {@code Number} parameter's value is a string (CloudFormation passes numbers as strings), a
 * {@code List<...>} or {@code CommaDelimitedList} parameter's value a list of strings, each trimmed. Every value,
 * given or default, is checked against the parameter's {@code Type}, {@code AllowedValues},
 * {@code AllowedPattern} (the whole value must match), {@code MinLength}/{@code MaxLength} and
 * {@code MinValue}/{@code MaxValue}, the {@code ConstraintDescription} quoted in the problem.
 *
 * <p>A parameter with neither value nor default is not a problem by itself: templates declare parameters for
 * their functions and queues that no table uses, and the user should not have to invent values for them. It is
 * a problem where a table, or a condition a table depends on, refers to it (see {@link IntrinsicResolver}).
 * The same holds for an {@code AWS::SSM::Parameter::Value<...>} parameter, whose {@code Default} is the name of a
 * Systems Manager parameter that only CloudFormation reads: it has a value only when the context gives one.
 */
final class TemplateParameters {

    /** A declared parameter; {@code value} is {@code null} when it has none the plugin can know. */
    record Parameter(String name, String type, JsonNode value) {

        boolean fromSystemsManager() {
            return type.startsWith(SSM_VALUE);
        }
    }

    private static final String SSM_VALUE = "AWS::SSM::Parameter::Value<";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, Parameter> declared = new LinkedHashMap<>();

    TemplateParameters(JsonNode section, Map<String, String> given, Problems problems) {
        if (section != null && !section.isObject()) {
            problems.add(null, "Parameters", "Parameters must be a map of parameter names to declarations.");
        } else if (section != null) {
            section.fields().forEachRemaining(entry -> {
                At at = At.root("Parameters").key(entry.getKey());
                declare(entry.getKey(), entry.getValue(), given.get(entry.getKey()), at, problems);
            });
        }
        List<String> undeclared = given.keySet().stream().filter(name -> !declared.containsKey(name)).sorted()
                .toList();
        for (String name : undeclared) {
            problems.add(null, "Parameters", "The template declares no parameter " + name + ", which is given a "
                    + "value in <parameters>; " + (declared.isEmpty() ? "it declares none"
                            : "it declares " + String.join(", ", declared.keySet()))
                    + ". Remove it or correct its name.");
        }
    }

    Optional<Parameter> get(String name) {
        return Optional.ofNullable(declared.get(name));
    }

    private void declare(String name, JsonNode declaration, String given, At at, Problems problems) {
        // a declaration with a problem still declares the parameter (as a String), so that its references and its
        // given value are not reported as well
        ObjectNode fields = declaration instanceof ObjectNode object ? object : JSON.objectNode();
        if (fields != declaration) {
            problems.add(at, "A parameter is declared as a map with at least its Type.");
        }
        JsonNode typeNode = fields.get("Type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : "String";
        if (typeNode == null || !typeNode.isTextual()) {
            problems.add(at.key("Type"), "Parameter " + name + " has no Type: CloudFormation requires one (String, "
                    + "Number, List<Number>, CommaDelimitedList, or an AWS-specific type).");
        } else if (!knownType(type)) {
            problems.add(at.key("Type"), "Parameter " + name + " has the type " + type + ", which CloudFormation "
                    + "does not know: use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type "
                    + "(AWS::EC2::VPC::Id, ...) or AWS::SSM::Parameter::Value<...>.");
            type = "String";
        }
        String text = given;
        String source = "given in <parameters>";
        if (text == null && !type.startsWith(SSM_VALUE)) {
            JsonNode fallback = fields.get("Default");
            if (fallback != null && fallback.isValueNode() && !fallback.isNull()) {
                text = fallback.asText();
                source = "its Default";
            } else if (fallback != null) {
                problems.add(at.key("Default"), "The Default of parameter " + name + " must be a single value "
                        + "(a list parameter's Default is comma-separated: a,b,c).");
            }
        }
        if (text == null) {
            declared.put(name, new Parameter(name, type, null));
            return;
        }
        List<String> items = isList(type) ? split(text) : List.of(text);
        new Constraints(name, type, fields, text, source, at, problems).check(items);
        JsonNode value;
        if (isList(type)) {
            ArrayNode list = JSON.arrayNode();
            items.forEach(list::add);
            value = list;
        } else {
            value = TextNode.valueOf(text);
        }
        // an invalid value is reported once, here; references to the parameter still resolve, so that the
        // problems of the tables that use it are not hidden behind it
        declared.put(name, new Parameter(name, type, value));
    }

    private static boolean knownType(String type) {
        return switch (type) {
            case "String", "Number", "List<Number>", "CommaDelimitedList" -> true;
            default -> type.startsWith("AWS::") || type.startsWith("List<AWS::");
        };
    }

    static boolean isList(String type) {
        String inner = type.startsWith(SSM_VALUE) ? type.substring(SSM_VALUE.length()) : type;
        return inner.startsWith("List<") || inner.startsWith("CommaDelimitedList");
    }

    private static boolean isNumber(String type) {
        return type.equals("Number") || type.equals("List<Number>");
    }

    /** A list parameter's value: comma-separated, each member trimmed of spaces. */
    private static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            items.add(item.strip());
        }
        return items;
    }

    /** The constraints of one parameter's declaration, checked against its value. */
    private record Constraints(String name, String type, ObjectNode fields, String text, String source, At at,
            Problems problems) {

        void check(List<String> items) {
            for (String item : items) {
                checkOne(item);
            }
        }

        private void checkOne(String item) {
            if (isNumber(type) && !isDecimal(item)) {
                fail("Type", "is not a number, as its type " + type + " requires");
                return;
            }
            JsonNode allowed = fields.get("AllowedValues");
            if (allowed != null) {
                if (!allowed.isArray()) {
                    problems.add(at.key("AllowedValues"), "AllowedValues of parameter " + name + " must be a list.");
                } else {
                    List<String> values = new ArrayList<>();
                    allowed.forEach(v -> values.add(v.asText()));
                    if (!values.contains(item)) {
                        fail("AllowedValues", "is not one of its AllowedValues " + values);
                    }
                }
            }
            JsonNode pattern = fields.get("AllowedPattern");
            if (pattern != null && !isNumber(type)) {
                try {
                    if (!Pattern.compile(pattern.asText()).matcher(item).matches()) {
                        fail("AllowedPattern", "does not match its AllowedPattern " + pattern.asText());
                    }
                } catch (PatternSyntaxException e) {
                    problems.add(at.key("AllowedPattern"), "AllowedPattern of parameter " + name
                            + " is not a regular expression: " + e.getDescription() + ".");
                }
            }
            bound("MinLength", item.length(), false, "characters long, shorter than its MinLength");
            bound("MaxLength", item.length(), true, "characters long, longer than its MaxLength");
            if (isNumber(type)) {
                bound("MinValue", new BigDecimal(item.strip()), false, "less than its MinValue");
                bound("MaxValue", new BigDecimal(item.strip()), true, "more than its MaxValue");
            }
        }

        private void bound(String constraint, Object actual, boolean upper, String what) {
            JsonNode limitNode = fields.get(constraint);
            if (limitNode == null) {
                return;
            }
            if (!isDecimal(limitNode.asText())) {
                problems.add(at.key(constraint), constraint + " of parameter " + name + " must be a number.");
                return;
            }
            BigDecimal limit = new BigDecimal(limitNode.asText().strip());
            BigDecimal value = actual instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf((Integer) actual);
            if (upper ? value.compareTo(limit) > 0 : value.compareTo(limit) < 0) {
                String shown = actual instanceof Integer ? actual + " " + what : what;
                fail(constraint, "is " + shown + " " + limitNode.asText());
            }
        }

        private void fail(String constraint, String what) {
            JsonNode description = fields.get("ConstraintDescription");
            problems.add(at, "Parameter " + name + " is '" + text + "' (" + source + "), which " + what
                    + (description != null && description.isTextual() ? " (" + description.asText() + ")" : "")
                    + ": give a value that satisfies its " + constraint + " in <parameters>.");
        }

        private static boolean isDecimal(String text) {
            try {
                new BigDecimal(text.strip());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
