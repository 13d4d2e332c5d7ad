package io.github.dynamosetup.declaration.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Origin;
import io.github.dynamosetup.declaration.Place;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed access to the fields of one table file, or of one table resource of a CloudFormation template, collecting
 * its problems: a field that is missing (where the format must give it), of the wrong type, or unknown to the object
 * it is in is reported at its path and read as absent. Readers name paths from {@code $}, the object that holds the
 * table's properties; {@link Notation#root()} is what messages show in its place.
 */
public final class JsonFields {

    /** The fields of one kind of JSON object, and those of its fields that dynamo-setup does not support yet. */
    public record Shape(String what, Set<String> fields, Set<String> notSupported) {
        public Shape(String what, String... fields) {
            this(what, Set.of(fields), Set.of());
        }

        public Shape notSupported(String... names) {
            return new Shape(what, fields, Set.of(names));
        }
    }

    /**
     * How a format writes a table's properties, where it differs from a table file.
     *
     * @param root what messages show for {@code $}: {@code $} in a table file,
     *     {@code Resources.Orders.Properties} in a template
     * @param fieldsOf whose fields an object has, for the message of an unknown field
     * @param provisionedByDefault why a table without BillingMode is PROVISIONED, for the message of missing capacity
     * @param textScalars whether a number or a boolean may be written as a string ({@code "5"}, {@code "true"}), as
     *     CloudFormation takes them
     * @param notInFormat fields of the table file's shapes that this format does not have (dynamo-setup's own
     *     {@code AutoScaling}), reported as unknown
     */
    public record Notation(String root, String fieldsOf, String provisionedByDefault, boolean textScalars,
            Set<String> notInFormat) {

        /** The table file's: the JSON of {@code aws dynamodb create-table --cli-input-json}. */
        public static final Notation TABLE_FILE = new Notation("$", "aws dynamodb create-table --cli-input-json",
                "a table file without BillingMode is PROVISIONED (DynamoDB's default, as in aws dynamodb create-table)",
                false, Set.of());
    }

    /** Fields that a table file must give where their parent is given; DynamoDB's rules say the rest. */
    private static final Set<String> REQUIRED = Set.of("AttributeName", "AttributeType", "KeyType", "Key");

    private static final Shape CONTRIBUTOR_INSIGHTS = new Shape("ContributorInsightsSpecification", "Enabled")
            .notSupported("Mode");

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

    private final Origin origin;
    private final Function<String, Place> placeOf;
    private final Notation notation;
    private final List<ConfigurationProblem> problems = new ArrayList<>();
    private String subject;

    JsonFields(JsonOrigin origin) {
        this(origin, origin::placeOf, Notation.TABLE_FILE);
    }

    /**
     * @param origin names the table in messages
     * @param placeOf the place of a path from {@code $}
     * @param notation how the format writes what it shares with table files
     */
    public JsonFields(Origin origin, Function<String, Place> placeOf, Notation notation) {
        this.origin = origin;
        this.placeOf = placeOf;
        this.notation = notation;
        this.subject = origin.subject(null);
    }

    /** Names the table in the problems reported from now on. */
    public void nameTable(String fullName) {
        subject = origin.subject(fullName);
    }

    /** The problems reported so far, in the order found. */
    public List<ConfigurationProblem> problems() {
        return problems;
    }

    Notation notation() {
        return notation;
    }

    /** A path from {@code $} as messages show it: {@code Resources.Orders.Properties.KeySchema[0]}. */
    public String at(String path) {
        return path.equals("$") || path.startsWith("$.") || path.startsWith("$[")
                ? notation.root() + path.substring(1) : path;
    }

    /** Reports a problem at a path from {@code $} (or at a line and column, for syntax). */
    public void problem(String path, String message) {
        problems.add(new ConfigurationProblem(subject, at(path), message, placeOf.apply(path)));
    }

    public static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    /** Reports each field of {@code object} that {@code shape} does not have or dynamo-setup does not support. */
    public void checkFields(JsonNode object, String path, Shape shape) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            String fieldPath = path + "." + field;
            if (shape.notSupported().contains(field)) {
                problem(fieldPath, "is not supported by dynamo-setup yet; remove it");
            } else if (!shape.fields().contains(field) || notation.notInFormat().contains(field)) {
                problem(fieldPath, "unknown field; " + shape.what() + " has the fields of " + notation.fieldsOf()
                        + " (" + String.join(", ", shape.fields().stream()
                                .filter(f -> !notation.notInFormat().contains(f)).sorted().toList()) + ")");
            }
        }
    }

    public String text(JsonNode parent, String field, String path) {
        return scalar(parent, field, path, JsonNode::isTextual, "must be a string", JsonNode::asText);
    }

    /**
     * A whole number; in a template also a string of digits, as CloudFormation takes it (a parameter's value is
     * a string: {@code ReadCapacityUnits: !Ref ReadCapacity}).
     */
    public Long number(JsonNode parent, String field, String path) {
        return scalar(parent, field, path, value -> value.isIntegralNumber() && value.canConvertToLong()
                || notation.textScalars() && value.isTextual() && WHOLE_NUMBER.matcher(value.asText().trim()).matches(),
                "must be a whole number", value -> value.isTextual() ? Long.parseLong(value.asText().trim())
                        : value.asLong());
    }

    public Double decimal(JsonNode parent, String field, String path) {
        return scalar(parent, field, path, value -> value.isNumber()
                || notation.textScalars() && value.isTextual() && isDecimal(value.asText()),
                "must be a number", value -> value.isTextual() ? Double.parseDouble(value.asText().trim())
                        : value.asDouble());
    }

    private static boolean isDecimal(String text) {
        try {
            Double.parseDouble(text.trim());
            return !text.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** true or false; in a template also the strings "true" and "false", as CloudFormation takes them. */
    public Boolean bool(JsonNode parent, String field, String path) {
        return scalar(parent, field, path, value -> value.isBoolean() || notation.textScalars() && value.isTextual()
                && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false")),
                "must be true or false", value -> value.isTextual() ? Boolean.parseBoolean(value.asText())
                        : value.asBoolean());
    }

    /**
     * A field's value as {@code as} reads it; {@code null} when it is absent (reported for a field a table
     * file must give) or not {@code ofType} (reported).
     */
    private <T> T scalar(JsonNode parent, String field, String path, Predicate<JsonNode> ofType, String mustBe,
            Function<JsonNode, T> as) {
        JsonNode value = parent.get(field);
        if (isAbsent(value)) {
            if (REQUIRED.contains(field)) {
                problem(path, "missing");
            }
            return null;
        }
        if (!ofType.test(value)) {
            problem(path, mustBe);
            return null;
        }
        return as.apply(value);
    }

    public <E extends Enum<E>> E enumValue(Class<E> type, JsonNode parent, String field, String path) {
        String text = text(parent, field, path);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problem(path, "'" + text + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }

    /**
     * A {@code ContributorInsightsSpecification} of the table or of a global secondary index, whether contributor
     * insights is on; null when absent. The create-table JSON has no such field (contributor insights is set with
     * UpdateContributorInsights): the name and shape are CloudFormation's (AWS::DynamoDB::Table
     * ContributorInsightsSpecification, whose Enabled is required). Its Mode is not supported yet.
     */
    public Boolean contributorInsights(JsonNode node, String path) {
        JsonNode insights = object(node, path);
        if (insights == null) {
            return null;
        }
        checkFields(insights, path, CONTRIBUTOR_INSIGHTS);
        Boolean enabled = bool(insights, "Enabled", path + ".Enabled");
        if (enabled == null && isAbsent(insights.get("Enabled"))) {
            problem(path + ".Enabled", "missing; say true or false");
        }
        return enabled;
    }

    public JsonNode object(JsonNode node, String path) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be a JSON object");
            return null;
        }
        return node;
    }

    /** The objects of an array; anything else in it is reported. */
    public List<JsonNode> array(JsonNode node, String path) {
        if (isAbsent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be a JSON array");
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isObject()) {
                entries.add(node.get(i));
            } else {
                problem(path + "[" + i + "]", "must be a JSON object");
            }
        }
        return entries;
    }
}
