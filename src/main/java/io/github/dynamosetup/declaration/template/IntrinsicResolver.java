package io.github.dynamosetup.declaration.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions of a value as CloudFormation resolves them when it deploys the stack
 * (<a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">intrinsic
 * function reference</a>), nested anywhere: {@code Ref}, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select},
 * {@code Fn::Split}, {@code Fn::If} and {@code Fn::FindInMap}. What only exists once the stack is deployed, or
 * only in AWS ({@code Fn::GetAtt}, {@code Fn::ImportValue}, {@code Fn::GetAZs}, {@code AWS::StackId}, ...), and
 * the functions the plugin does not evaluate ({@code Fn::Base64}, {@code Fn::Cidr}, {@code Fn::Transform},
 * {@code Fn::Length}, {@code Fn::ToJsonString}, any other {@code Fn::}) are problems at the property where they
 * stand, saying what to write instead.
 *
 * <p>{@code Ref} to a table resource ({@code AWS::DynamoDB::Table}, {@code AWS::DynamoDB::GlobalTable},
 * {@code AWS::Serverless::SimpleTable}) gives its name, as CloudFormation's {@code Ref} of those types does
 * (<a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-table.html#aws-resource-dynamodb-table-return-values">return
 * values</a>): its resolved {@code TableName}, or, when it has none, the name the plugin gives such a table, its
 * logical ID (CloudFormation would generate one; the POM's prefix and suffix are applied later, to every table).
 * {@code Ref} to any other resource is a problem: its physical ID exists only once deployed.
 */
final class IntrinsicResolver {

    /** What {@code AWS::NoValue} resolves to: the property or list element is left out. Compared by identity. */
    static final JsonNode NO_VALUE = new TextNode("AWS::NoValue");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String WRITE_INSTEAD = "write the value literally, or pass it as a parameter of the "
            + "template (a Parameter given in <parameters>)";

    private final TemplateContext context;
    private final TemplateParameters parameters;
    private final TemplateConditions conditions;
    private final JsonNode mappings;
    private final ObjectNode resources;
    private final Problems problems;
    private final Map<String, Optional<String>> tableNames = new HashMap<>();
    private final Set<String> naming = new LinkedHashSet<>();
    private final Set<String> missingReported = new HashSet<>();
    private int failures;

    IntrinsicResolver(TemplateContext context, TemplateParameters parameters, TemplateConditions conditions,
            JsonNode mappings, ObjectNode resources, Problems problems) {
        this.context = context;
        this.parameters = parameters;
        this.conditions = conditions;
        this.mappings = mappings;
        this.resources = resources;
        this.problems = problems;
        conditions.resolveWith(this);
    }

    /**
     * The value with every function resolved: plain JSON, or {@link #NO_VALUE}, or {@code null} when it cannot be
     * resolved at all. Inside maps and lists, what cannot be resolved is left out (and reported).
     */
    JsonNode resolve(JsonNode node, At at) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1) {
                String key = object.fieldNames().next();
                if (key.equals("Ref")) {
                    return ref(object.get(key), at);
                }
                if (key.startsWith("Fn::")) {
                    return function(key, object.get(key), at);
                }
            }
            ObjectNode resolved = JSON.objectNode();
            object.fields().forEachRemaining(field -> {
                JsonNode value = resolve(field.getValue(), at.key(field.getKey()));
                if (value != null && value != NO_VALUE) {
                    resolved.set(field.getKey(), value);
                }
            });
            return resolved;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode resolved = JSON.arrayNode();
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = resolve(array.get(i), at.index(i));
                if (value != null && value != NO_VALUE) {
                    resolved.add(value);
                }
            }
            return resolved;
        }
        if (node == null || node.isNull()) {
            // "[/Resources/...] 'null' values are not allowed in templates", CloudFormation says
            return fail(at, "The value is null: CloudFormation does not allow null values in templates; give a value"
                    + " or leave the property out.");
        }
        return node;
    }

    /**
     * The value of a function's argument: {@code null} when anything in it cannot be resolved, so that a function
     * never works on half a value.
     */
    JsonNode argument(JsonNode node, At at) {
        int before = failures;
        JsonNode value = resolve(node, at);
        return failures == before ? value : null;
    }

    /** {@code Fn::Equals}: scalars compare by their text ({@code 5} equals {@code "5"}), the rest as JSON. */
    static boolean sameValue(JsonNode left, JsonNode right) {
        if (left.isValueNode() && right.isValueNode()) {
            return left.asText().equals(right.asText());
        }
        return left.equals(right);
    }

    private JsonNode fail(At at, String message) {
        failures++;
        problems.add(at, message);
        return null;
    }

    private JsonNode unknown(At at, String message) {
        failures++;
        problems.unknownValue(at, message);
        return null;
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html
    private JsonNode ref(JsonNode argument, At at) {
        if (!argument.isTextual()) {
            return fail(at, "Ref takes the name of a parameter, a pseudo parameter or a resource, as a string.");
        }
        String name = argument.asText();
        if (name.startsWith("AWS::")) {
            return pseudoParameter(name, at);
        }
        Optional<TemplateParameters.Parameter> parameter = parameters.get(name);
        if (parameter.isPresent()) {
            return parameterValue(parameter.get(), at);
        }
        JsonNode resource = resources.get(name);
        if (resource != null) {
            if (at.inConditions()) {
                return fail(at, "A condition cannot refer to the resource " + name + ": conditions are evaluated "
                        + "before any resource exists; refer to a parameter instead.");
            }
            String type = resource.path("Type").asText();
            if (!CloudFormationTemplate.TABLE_TYPES.contains(type)) {
                return fail(at, "Ref " + name + " gives the physical ID of a " + type + ", which exists only once "
                        + "the stack is deployed: " + WRITE_INSTEAD + ".");
            }
            Optional<String> tableName = tableName(name, at);
            if (tableName.isEmpty()) {
                failures++;
                return null;
            }
            return TextNode.valueOf(tableName.get());
        }
        return fail(at, "Ref " + name + " names no parameter, pseudo parameter or resource of the template.");
    }

    private JsonNode parameterValue(TemplateParameters.Parameter parameter, At at) {
        if (parameter.value() != null) {
            return parameter.value().deepCopy();
        }
        failures++;
        if (missingReported.contains(parameter.name())) {
            return null;
        }
        String give = "<parameters><" + parameter.name() + ">value</" + parameter.name() + "></parameters>";
        String message = parameter.fromSystemsManager()
                ? "Parameter " + parameter.name() + " is of type " + parameter.type() + ": its value is read from "
                        + "Systems Manager, which the plugin does not read. Give its value in the template's " + give
                        + "."
                : "Parameter " + parameter.name() + " has no value: the template gives it no Default. Give it in "
                        + "the template's " + give + ".";
        if (problems.unknownValue(at, message)) {
            missingReported.add(parameter.name());
        }
        return null;
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
    private JsonNode pseudoParameter(String name, At at) {
        String region = context.region();
        switch (name) {
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::StackName":
                return known(context.stackName(), name, at, "the stack name is not known");
            case "AWS::Region":
                return known(region, name, at, "the region is not known");
            case "AWS::AccountId":
                return known(context.accountId(), name, at, "the account is not known: set the template's "
                        + "<accountId>");
            case "AWS::Partition":
                if (region == null) {
                    return known(null, name, at, "the region is not known");
                }
                return TextNode.valueOf(region.startsWith("cn-") ? "aws-cn"
                        : region.startsWith("us-gov-") ? "aws-us-gov" : "aws");
            case "AWS::URLSuffix":
                if (region == null) {
                    return known(null, name, at, "the region is not known");
                }
                return TextNode.valueOf(region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");
            case "AWS::NotificationARNs":
                return JSON.arrayNode();
            case "AWS::StackId":
                return unknown(at, "AWS::StackId exists only once CloudFormation creates the stack, so the plugin "
                        + "cannot resolve it: " + WRITE_INSTEAD + ".");
            default:
                return fail(at, name + " is not a pseudo parameter: use AWS::AccountId, AWS::NotificationARNs, "
                        + "AWS::NoValue, AWS::Partition, AWS::Region, AWS::StackId, AWS::StackName or "
                        + "AWS::URLSuffix.");
        }
    }

    private JsonNode known(String value, String name, At at, String why) {
        return value != null ? TextNode.valueOf(value) : unknown(at, name + " cannot be resolved: " + why + ".");
    }

    private Optional<String> tableName(String logicalId, At at) {
        Optional<String> known = tableNames.get(logicalId);
        if (known != null) {
            return known;
        }
        if (!naming.add(logicalId)) {
            fail(at, "The TableName of " + logicalId + " depends on itself through Ref: CloudFormation refuses "
                    + "circular dependencies.");
            return Optional.empty();
        }
        Optional<String> name = nameOf(logicalId, at);
        naming.remove(logicalId);
        tableNames.put(logicalId, name);
        return name;
    }

    private Optional<String> nameOf(String logicalId, At at) {
        JsonNode resource = resources.get(logicalId);
        JsonNode condition = resource.get("Condition");
        if (condition != null && condition.isTextual()) {
            Optional<Boolean> holds = conditions.holds(condition.asText(),
                    At.resource(logicalId).key("Condition"));
            if (holds.isEmpty()) {
                return Optional.empty();
            }
            if (!holds.get()) {
                problems.add(at, "Ref " + logicalId + " names a table whose condition " + condition.asText()
                        + " is false, so CloudFormation does not create it and refuses the reference.");
                return Optional.empty();
            }
        }
        JsonNode tableName = resource.path("Properties").get("TableName");
        if (tableName == null) {
            return Optional.of(logicalId);
        }
        At nameAt = At.resource(logicalId).key("Properties").key("TableName");
        JsonNode value = argument(tableName, nameAt);
        if (value == null) {
            return Optional.empty();
        }
        if (value == NO_VALUE) {
            return Optional.of(logicalId);
        }
        if (!value.isValueNode()) {
            problems.add(nameAt, "TableName must be a string.");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private JsonNode function(String name, JsonNode argument, At at) {
        return switch (name) {
            case "Fn::Sub" -> sub(argument, at);
            case "Fn::Join" -> join(argument, at);
            case "Fn::Select" -> select(argument, at);
            case "Fn::Split" -> split(argument, at);
            case "Fn::If" -> choose(argument, at);
            case "Fn::FindInMap" -> findInMap(argument, at);
            case "Fn::GetAtt" -> fail(at, "Fn::GetAtt " + attributeName(argument) + " gives an attribute that "
                    + "exists only once the stack is deployed, so the plugin cannot resolve it: " + WRITE_INSTEAD
                    + ".");
            case "Fn::ImportValue" -> fail(at, "Fn::ImportValue reads an output exported by another stack, which "
                    + "the plugin cannot read: " + WRITE_INSTEAD + ".");
            case "Fn::GetAZs" -> fail(at, "Fn::GetAZs asks AWS for the region's Availability Zones, which the "
                    + "plugin does not: " + WRITE_INSTEAD + ".");
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" -> fail(at, name + " belongs in the template's "
                    + "Conditions: declare a condition there and choose a value with Fn::If.");
            default -> fail(at, name + " is not resolved by the plugin before deployment: " + WRITE_INSTEAD + ".");
        };
    }

    private static String attributeName(JsonNode argument) {
        if (argument.isArray()) {
            StringBuilder name = new StringBuilder();
            argument.forEach(part -> name.append(name.length() == 0 ? "" : ".").append(part.asText()));
            return name.toString();
        }
        return argument.asText();
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
    private JsonNode sub(JsonNode argument, At at) {
        String template;
        JsonNode variables;
        if (argument.isTextual()) {
            template = argument.asText();
            variables = JSON.objectNode();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()
                && argument.get(1).isObject()) {
            template = argument.get(0).asText();
            variables = argument.get(1);
        } else {
            return fail(at, "Fn::Sub takes a string, or a list of a string and a map of variables.");
        }
        StringBuilder result = new StringBuilder();
        int from = 0;
        boolean whole = true;
        while (true) {
            int start = template.indexOf("${", from);
            if (start < 0) {
                result.append(template, from, template.length());
                break;
            }
            result.append(template, from, start);
            if (template.startsWith("${!", start)) {
                // ${!Literal} is the text ${Literal}
                result.append("${");
                from = start + 3;
                continue;
            }
            int end = template.indexOf('}', start);
            if (end < 0) {
                result.append(template, start, template.length());
                break;
            }
            String name = template.substring(start + 2, end);
            String value = subVariable(name, variables, at);
            whole &= value != null;
            result.append(value == null ? "" : value);
            from = end + 1;
        }
        return whole ? TextNode.valueOf(result.toString()) : null;
    }

    private String subVariable(String name, JsonNode variables, At at) {
        JsonNode value;
        if (variables.has(name)) {
            value = argument(variables.get(name), at);
        } else if (name.contains(".") && !name.startsWith("AWS::")) {
            fail(at, "Fn::Sub ${" + name + "} is Fn::GetAtt " + name + ", an attribute that exists only once the "
                    + "stack is deployed, so the plugin cannot resolve it: " + WRITE_INSTEAD + ".");
            return null;
        } else {
            int before = failures;
            value = ref(TextNode.valueOf(name), at);
            if (failures != before) {
                return null;
            }
        }
        if (value == null) {
            return null;
        }
        if (!isScalar(value)) {
            fail(at, "Fn::Sub ${" + name + "} is " + kind(value) + ", not a string: Fn::Sub can only put strings "
                    + "into its text (join a list with Fn::Join).");
            return null;
        }
        return value.asText();
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-join.html
    private JsonNode join(JsonNode argument, At at) {
        JsonNode[] arguments = arguments("Fn::Join", argument, 2, "the delimiter and the list of values to join",
                at);
        if (arguments == null) {
            return null;
        }
        JsonNode delimiter = arguments[0];
        JsonNode values = arguments[1];
        if (!isScalar(delimiter)) {
            return fail(at, "Fn::Join's delimiter must be a string.");
        }
        if (!values.isArray()) {
            return fail(at, "Fn::Join joins a list of values, not " + kind(values) + ".");
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isValueNode()) {
                return fail(at, "Fn::Join joins strings; element " + i + " is " + kind(values.get(i)) + ".");
            }
            joined.append(i == 0 ? "" : delimiter.asText()).append(values.get(i).asText());
        }
        return TextNode.valueOf(joined.toString());
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-select.html
    private JsonNode select(JsonNode argument, At at) {
        JsonNode[] arguments = arguments("Fn::Select", argument, 2, "the index and the list to pick from", at);
        if (arguments == null) {
            return null;
        }
        JsonNode index = arguments[0];
        JsonNode values = arguments[1];
        if (!values.isArray()) {
            return fail(at, "Fn::Select picks from a list, not " + kind(values) + ".");
        }
        int position;
        try {
            position = Integer.parseInt(index.asText().strip());
        } catch (NumberFormatException e) {
            return fail(at, "Fn::Select's index must be a whole number, not '" + index.asText() + "'.");
        }
        if (position < 0 || position >= values.size()) {
            return fail(at, "Fn::Select's index " + position + " is out of range: the list has " + values.size()
                    + " element" + (values.size() == 1 ? "" : "s") + ".");
        }
        return values.get(position);
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-split.html
    private JsonNode split(JsonNode argument, At at) {
        JsonNode[] arguments = arguments("Fn::Split", argument, 2, "the delimiter and the string to split", at);
        if (arguments == null) {
            return null;
        }
        JsonNode delimiter = arguments[0];
        JsonNode source = arguments[1];
        if (!isScalar(delimiter) || !isScalar(source) || delimiter.asText().isEmpty()) {
            return fail(at, "Fn::Split takes a non-empty delimiter and a string.");
        }
        ArrayNode parts = JSON.arrayNode();
        for (String part : source.asText().split(Pattern.quote(delimiter.asText()), -1)) {
            parts.add(part);
        }
        return parts;
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html#intrinsic-function-reference-conditions-if
    private JsonNode choose(JsonNode argument, At at) {
        if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
            return fail(at, "Fn::If takes a list of three: a condition's name, the value if it holds, the value if"
                    + " not.");
        }
        Optional<Boolean> holds = conditions.holds(argument.get(0).asText(), at);
        if (holds.isEmpty()) {
            failures++;
            return null;
        }
        return resolve(argument.get(holds.get() ? 1 : 2), at);
    }

    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-findinmap.html
    private JsonNode findInMap(JsonNode argument, At at) {
        JsonNode[] arguments = arguments("Fn::FindInMap", argument, 3, "the map's name, the top-level key and "
                + "the second-level key", at);
        if (arguments == null) {
            return null;
        }
        String[] keys = new String[arguments.length];
        for (int i = 0; i < keys.length; i++) {
            if (!isScalar(arguments[i])) {
                return fail(at, "Fn::FindInMap's names and keys are strings, not " + kind(arguments[i]) + ".");
            }
            keys[i] = arguments[i].asText();
        }
        JsonNode map = mappings == null ? null : mappings.get(keys[0]);
        if (map == null) {
            return fail(at, "Fn::FindInMap: the template's Mappings have no map " + keys[0] + ".");
        }
        JsonNode top = map.get(keys[1]);
        if (top == null) {
            return fail(at, "Fn::FindInMap: map " + keys[0] + " has no key " + keys[1] + " (it has "
                    + String.join(", ", names(map)) + ").");
        }
        JsonNode value = top.get(keys[2]);
        if (value == null) {
            return fail(at, "Fn::FindInMap: map " + keys[0] + " has no key " + keys[2] + " under " + keys[1]
                    + " (it has " + String.join(", ", names(top)) + ").");
        }
        if (containsFunction(value)) {
            // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/mappings-section-structure.html
            return fail(at, "Fn::FindInMap: map " + keys[0] + " holds a function under " + keys[1] + "."
                    + keys[2] + ", but the values of Mappings are literal strings and lists: write the value "
                    + "itself.");
        }
        return value.deepCopy();
    }

    /**
     * The arguments of a function that takes a list of {@code count}, each resolved; {@code null} when the list is
     * not that (a problem saying what the function takes) or one of them cannot be resolved.
     */
    private JsonNode[] arguments(String function, JsonNode argument, int count, String what, At at) {
        if (!argument.isArray() || argument.size() != count) {
            fail(at, function + " takes a list of " + (count == 2 ? "two" : "three") + ": " + what + ".");
            return null;
        }
        JsonNode[] resolved = new JsonNode[count];
        boolean whole = true;
        for (int i = 0; i < count; i++) {
            resolved[i] = argument(argument.get(i), at);
            whole &= resolved[i] != null;
        }
        return whole ? resolved : null;
    }

    /** A string, number or boolean: what functions take as text. */
    private static boolean isScalar(JsonNode value) {
        return value != NO_VALUE && value.isValueNode();
    }

    private static boolean containsFunction(JsonNode value) {
        if (value instanceof ObjectNode object && object.size() == 1) {
            String key = object.fieldNames().next();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return true;
            }
        }
        for (JsonNode child : value) {
            if (containsFunction(child)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(JsonNode map) {
        List<String> names = new ArrayList<>();
        map.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String kind(JsonNode value) {
        if (value == NO_VALUE) {
            return "AWS::NoValue";
        }
        return value.isArray() ? "a list" : value.isObject() ? "a map" : "'" + value.asText() + "'";
    }
}
