package io.github.dynamosetup.declaration.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource-based policy document, in IAM's JSON policy language, read as JSON: what makes it one DynamoDB would
 * refuse, and whether two documents are the same policy. Wherever a policy is declared (the POM, a file, a table
 * file) its reader checks it here, so that the problem names the place and the line and column in the document.
 *
 * <p>Two documents are the same policy when they are equal as JSON once each is read the way IAM reads it: white
 * space and the order of an object's fields never matter; a list of one value is that value (IAM's grammar allows
 * either for {@code Statement}, {@code Action}, {@code Resource}, {@code Principal} and condition values:
 * <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar of the IAM
 * JSON policy language</a>, and "The Statement element can contain a single statement or an array of individual
 * statements", <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html">
 * IAM JSON policy elements: Statement</a>); and the order of a list's values does not matter (IAM evaluates every
 * statement, and a list of actions, resources, principals or condition values matches when any of them does). Text,
 * numbers and booleans compare exactly, so {@code "10"} and {@code 10} differ, and so do two lists with the same
 * value once and twice. Whether AWS hands a document back reformatted is not documented; these rules make any such
 * reformatting compare equal, and nothing that reads differently.
 */
public final class PolicyDocument {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final String SHAPE = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": ..., \"Principal\":"
            + " ..., \"Action\": ..., \"Resource\": ...}]}";

    private PolicyDocument() {}

    /**
     * What makes {@code document} no policy, said of it ({@code is not valid JSON at line 2, column 5: ...}), or
     * {@code null}: not JSON (with the line and column in the document), not a JSON object, or no {@code Statement}
     * holding a statement or a list of them.
     */
    public static String problem(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Trailing token")) {
                message = "more text after the policy's closing brace";
            }
            return "is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + message;
        }
        if (root == null || root.isMissingNode()) {
            return "is empty; a policy is a JSON object: " + SHAPE;
        }
        if (!root.isObject()) {
            return "is not a JSON object; a policy is " + SHAPE;
        }
        JsonNode statement = root.get("Statement");
        if (statement == null) {
            return "has no \"Statement\"; a policy lists what it allows or denies there: " + SHAPE;
        }
        boolean statements = statement.isObject() || statement.isArray() && !statement.isEmpty()
                && statements(statement).stream().allMatch(JsonNode::isObject);
        return statements ? null : "has a \"Statement\" that is neither a statement (a JSON object) nor a list of"
                + " them: " + statement;
    }

    /**
     * Whether the two documents are the same policy (see the class's comment); a document that is not JSON only
     * equals itself.
     */
    public static boolean equivalent(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        JsonNode first = canonical(a);
        return first != null && first.equals(canonical(b));
    }

    /** The document in a few words for a drift line: {@code policy of 2 statements}. */
    public static String describe(String document) {
        JsonNode root = read(document);
        if (root == null || !root.isObject() || !root.has("Statement")) {
            return "policy that is not valid (" + document.length() + " characters)";
        }
        int count = statements(root.get("Statement")).size();
        return "policy of " + count + (count == 1 ? " statement" : " statements");
    }

    private static List<JsonNode> statements(JsonNode statement) {
        List<JsonNode> all = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(all::add);
        } else {
            all.add(statement);
        }
        return all;
    }

    private static JsonNode read(String document) {
        try {
            JsonNode root = JSON.readTree(document);
            return root == null || root.isMissingNode() ? null : root;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode canonical(String document) {
        JsonNode root = read(document);
        return root == null ? null : canonical(root);
    }

    /** Objects with their fields sorted, lists of one value as the value, other lists sorted. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isArray()) {
            if (node.size() == 1) {
                return canonical(node.get(0));
            }
            List<JsonNode> values = new ArrayList<>();
            node.forEach(value -> values.add(canonical(value)));
            values.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode array = JSON.createArrayNode();
            values.forEach(array::add);
            return array;
        }
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), canonical(field.getValue())));
            ObjectNode object = JSON.createObjectNode();
            object.setAll(fields);
            return object;
        }
        return node;
    }
}
