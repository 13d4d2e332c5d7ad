package io.github.dynamosetup.declaration.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Typed access to the fields of one table file, collecting its problems: a field that is missing (where a file
 * must give it), of the wrong type, or unknown to the object it is in is reported at its JSON path and read as
 * absent.
 */
final class JsonFields {

    /** The fields of one kind of JSON object, and those of its fields that dynamo-setup does not support yet. */
    record Shape(String what, Set<String> fields, Set<String> notSupported) {
        Shape(String what, String... fields) {
            this(what, Set.of(fields), Set.of());
        }

        Shape notSupported(String... names) {
            return new Shape(what, fields, Set.of(names));
        }
    }

    /** Fields that a table file must give where their parent is given; DynamoDB's rules say the rest. */
    private static final Set<String> REQUIRED = Set.of("AttributeName", "AttributeType", "KeyType", "Key");

    private static final Shape CONTRIBUTOR_INSIGHTS = new Shape("ContributorInsightsSpecification", "Enabled")
            .notSupported("Mode");

    private final JsonOrigin origin;
    private final List<ConfigurationProblem> problems = new ArrayList<>();
    private String subject;

    JsonFields(JsonOrigin origin) {
        this.origin = origin;
        this.subject = origin.subject(null);
    }

    /** Names the table in the problems reported from now on. */
    void nameTable(String fullName) {
        subject = origin.subject(fullName);
    }

    /** The problems reported so far, in the order found. */
    List<ConfigurationProblem> problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(new ConfigurationProblem(subject, path, message, origin.placeOf(path)));
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    /** Reports each field of {@code object} that {@code shape} does not have or dynamo-setup does not support. */
    void checkFields(JsonNode object, String path, Shape shape) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            String fieldPath = path + "." + field;
            if (shape.notSupported().contains(field)) {
                problem(fieldPath, "is not supported by dynamo-setup yet; remove it");
            } else if (!shape.fields().contains(field)) {
                problem(fieldPath, "unknown field; " + shape.what() + " has the fields of aws dynamodb create-table"
                        + " --cli-input-json (" + String.join(", ", shape.fields().stream().sorted().toList()) + ")");
            }
        }
    }

    String text(JsonNode parent, String field, String path) {
        return scalar(parent, field, path, JsonNode::isTextual, "must be a string", JsonNode::asText);
    }

    Long number(JsonNode parent, String field, String path) {
        return scalar(parent, field, path, value -> value.isIntegralNumber() && value.canConvertToLong(),
                "must be a whole number", JsonNode::asLong);
    }

    Double decimal(JsonNode parent, String field, String path) {
        return scalar(parent, field, path, JsonNode::isNumber, "must be a number", JsonNode::asDouble);
    }

    Boolean bool(JsonNode parent, String field, String path) {
        return scalar(parent, field, path, JsonNode::isBoolean, "must be true or false", JsonNode::asBoolean);
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

    <E extends Enum<E>> E enumValue(Class<E> type, JsonNode parent, String field, String path) {
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
    Boolean contributorInsights(JsonNode node, String path) {
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

    JsonNode object(JsonNode node, String path) {
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
    List<JsonNode> array(JsonNode node, String path) {
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
