package io.github.dynamosetup.declaration.json;

import static io.github.dynamosetup.declaration.json.JsonFields.isAbsent;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.json.JsonFields.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of a table file: its {@code AttributeDefinitions}, and the {@code KeySchema} of the table and
 * of each secondary index, typed by those definitions. Reports what CreateTable refuses in them: an order
 * other than HASH then RANGE, a key attribute without a definition, a definition of no key attribute.
 */
public final class KeySchemaReader {

    private static final Shape ATTRIBUTE_DEFINITION = new Shape("an attribute definition", "AttributeName",
            "AttributeType");
    private static final String FIRST_NOT_HASH = "the first element of a key schema must be the HASH key (DynamoDB:"
            + " \"The first KeySchemaElement is not a HASH key type\"); put the HASH element first and the RANGE"
            + " element after it";
    private static final Shape KEY_SCHEMA_ELEMENT = new Shape("a key schema element", "AttributeName", "KeyType");

    /** Where a key schema belongs: its rules differ a little. */
    public enum KeySchemaOf { TABLE, GLOBAL_INDEX, LOCAL_INDEX }

    private final JsonFields json;
    private boolean definitionsGiven;
    private final Map<String, AttributeType> definitions = new LinkedHashMap<>();
    private final Set<String> usedDefinitions = new HashSet<>();
    private final Set<String> badlyDefined = new HashSet<>();

    public KeySchemaReader(JsonFields json) {
        this.json = json;
    }

    /** Reads {@code $.AttributeDefinitions}; call it before the key schemas that it types. */
    public void readAttributeDefinitions(JsonNode node) {
        definitionsGiven = !isAbsent(node);
        if (!definitionsGiven) {
            // CreateTable: AttributeDefinitions is required; DynamoDB answers "Value null at
            // 'attributeDefinitions' failed to satisfy constraint: Member must not be null"
            json.problem("$.AttributeDefinitions", "missing; list each key attribute of the table and its indexes"
                    + " with its type, e.g. [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}] (S, N or B)");
            return;
        }
        List<JsonNode> entries = json.array(node, "$.AttributeDefinitions");
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.AttributeDefinitions[" + i + "]";
            json.checkFields(entries.get(i), path, ATTRIBUTE_DEFINITION);
            String name = json.text(entries.get(i), "AttributeName", path + ".AttributeName");
            AttributeType type = json.enumValue(AttributeType.class, entries.get(i), "AttributeType",
                    path + ".AttributeType");
            if (name != null && type == null) {
                badlyDefined.add(name); // reported already; not again as a key without definition
            } else if (name != null && definitions.put(name, type) != null) {
                json.problem(path, "defines '" + name + "' a second time; define each attribute once");
            }
        }
    }

    /**
     * Reports the definitions that no key schema read so far uses; call it after all of them. CreateTable
     * takes exactly the key attributes: DynamoDB answers "Number of attributes in KeySchema does not exactly
     * match number of attributes defined in AttributeDefinitions" (no indexes) or "Some AttributeDefinitions
     * are not used" (with indexes) to one more.
     */
    public void reportUnusedDefinitions(JsonNode node) {
        if (node == null || !node.isArray()) {
            return; // reported while reading the definitions
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i).get("AttributeName");
            if (name != null && name.isTextual() && !usedDefinitions.contains(name.asText())) {
                json.problem("$.AttributeDefinitions[" + i + "]", "defines '" + name.asText() + "', which is no key"
                        + " of the table or an index; DynamoDB accepts only key attributes here, so remove it");
            }
        }
    }

    /**
     * The attributes of a key schema: its HASH elements in order, then its RANGE elements in order.
     *
     * @param partitionKeys the partition key attributes, empty when not declared
     * @param sortKeys the sort key attributes, empty when there are none
     */
    public record Keys(List<KeyAttribute> partitionKeys, List<KeyAttribute> sortKeys) {

        /** The first partition key attribute, or null. */
        public KeyAttribute partitionKey() {
            return partitionKeys.isEmpty() ? null : partitionKeys.get(0);
        }

        /** The first sort key attribute, or null. */
        public KeyAttribute sortKey() {
            return sortKeys.isEmpty() ? null : sortKeys.get(0);
        }
    }

    /**
     * Reads a key schema. CreateTable takes the HASH element first and at most one RANGE element after it for
     * a table and a local secondary index; DynamoDB answers "Invalid KeySchema: The first KeySchemaElement is
     * not a HASH key type" or "... The second KeySchemaElement is not a RANGE key type" otherwise. A global
     * secondary index takes up to 4 HASH and up to 4 RANGE elements
     * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html">
     * API_GlobalSecondaryIndex</a>, KeySchema; the counts are checked with the other rules), all HASH elements
     * first. At most one problem of order is reported per key schema.
     */
    public Keys keySchema(JsonNode node, String path, KeySchemaOf of) {
        List<JsonNode> entries = json.array(node, path);
        String[] names = new String[entries.size()];
        String[] keyTypes = new String[entries.size()];
        int hashes = 0;
        int ranges = 0;
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = path + "[" + i + "]";
            json.checkFields(entries.get(i), entryPath, KEY_SCHEMA_ELEMENT);
            names[i] = json.text(entries.get(i), "AttributeName", entryPath + ".AttributeName");
            keyTypes[i] = json.text(entries.get(i), "KeyType", entryPath + ".KeyType");
            if (names[i] != null) {
                usedDefinitions.add(names[i]);
            }
            if ("HASH".equals(keyTypes[i])) {
                hashes++;
            } else if ("RANGE".equals(keyTypes[i])) {
                ranges++;
            } else if (keyTypes[i] != null) {
                json.problem(entryPath + ".KeyType", "'" + keyTypes[i] + "' is not a key type; use HASH (partition"
                        + " key) or RANGE (sort key)");
            }
        }
        return of == KeySchemaOf.GLOBAL_INDEX ? globalIndexKeys(path, names, keyTypes)
                : singleKeys(path, names, keyTypes, hashes > 1 || ranges > 1);
    }

    /** A global secondary index's key schema: HASH elements first, then RANGE elements. */
    private Keys globalIndexKeys(String path, String[] names, String[] keyTypes) {
        List<KeyAttribute> partition = new ArrayList<>();
        List<KeyAttribute> sort = new ArrayList<>();
        boolean orderReported = false;
        for (int i = 0; i < names.length; i++) {
            String entryPath = path + "[" + i + "]";
            if (names[i] == null || keyTypes[i] == null) {
                continue;
            }
            // an unknown key type (reported) is read as what its position would make it
            boolean hash = "HASH".equals(keyTypes[i]) || !"RANGE".equals(keyTypes[i]) && i == 0;
            if (!orderReported && i == 0 && !hash) {
                json.problem(entryPath, FIRST_NOT_HASH);
                orderReported = true;
            } else if (!orderReported && hash && !sort.isEmpty()) {
                json.problem(entryPath, "a HASH element after a RANGE element; a key of several attributes lists all"
                        + " its HASH elements first, then its RANGE elements");
                orderReported = true;
            }
            (hash ? partition : sort).add(new KeyAttribute(names[i], definedType(names[i], entryPath)));
        }
        return new Keys(partition, sort);
    }

    /**
     * The key schema of a table or a local secondary index: one HASH element and at most one RANGE element
     * (API_CreateTable, KeySchema; API_LocalSecondaryIndex, KeySchema: "Maximum number of 2 items").
     */
    private Keys singleKeys(String path, String[] names, String[] keyTypes, boolean several) {
        KeyAttribute[] keys = new KeyAttribute[2];
        String onlyGlobal = several ? "; only global secondary indexes take several HASH or RANGE elements" : "";
        boolean orderReported = false;
        if (names.length > 2) {
            // CreateTable: KeySchema has 1 or 2 elements
            json.problem(path, "has " + names.length + " elements; a key schema has one HASH element and at most"
                    + " one RANGE element, in that order" + onlyGlobal);
            orderReported = true;
        }
        for (int i = 0; i < Math.min(names.length, 2); i++) {
            String entryPath = path + "[" + i + "]";
            if (names[i] == null || keyTypes[i] == null) {
                continue;
            }
            // an unknown key type (reported) is read as what its position would make it
            int slot = "HASH".equals(keyTypes[i]) ? 0 : "RANGE".equals(keyTypes[i]) ? 1 : i;
            if (!orderReported && i == 0 && "RANGE".equals(keyTypes[i])) {
                json.problem(entryPath, FIRST_NOT_HASH + onlyGlobal);
                orderReported = true;
            } else if (!orderReported && i == 1 && "HASH".equals(keyTypes[i])) {
                json.problem(entryPath, "a second HASH key; a key schema has one HASH key and at most one RANGE key,"
                        + " which comes second (DynamoDB: \"The second KeySchemaElement is not a RANGE key type\")"
                        + onlyGlobal);
                orderReported = true;
            }
            if (keys[slot] == null) {
                keys[slot] = new KeyAttribute(names[i], definedType(names[i], entryPath));
            }
        }
        return new Keys(keys[0] == null ? List.of() : List.of(keys[0]), keys[1] == null ? List.of() : List.of(keys[1]));
    }

    /**
     * The type the attribute definitions give a key attribute. Without one, the problem is reported here and
     * the key is kept (typed S, which nothing reads while a problem stands) so that the rules applied later
     * do not also report the key as missing.
     */
    private AttributeType definedType(String name, String entryPath) {
        AttributeType type = definitions.get(name);
        if (type != null) {
            return type;
        }
        if (definitionsGiven && !badlyDefined.contains(name)) {
            // DynamoDB: "Some index key attributes are not defined in AttributeDefinitions"
            json.problem(entryPath + ".AttributeName", "'" + name + "' has no entry in " + json.at("$.AttributeDefinitions") + ";"
                    + " add {\"AttributeName\": \"" + name + "\", \"AttributeType\": \"S\"} (or N or B)");
        }
        return AttributeType.S;
    }
}
