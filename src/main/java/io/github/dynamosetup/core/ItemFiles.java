package io.github.dynamosetup.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.KeyAttribute;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the seed's item files and checks every item against its table's declaration, before any write. A file
 * is either the AWS CLI's {@code batch-write-item --request-items} JSON ({@code {"orders": [{"PutRequest":
 * {"Item": {"id": {"S": "1"}}}}]}}, DynamoDB JSON, one or several tables) or plain JSON ({@code {"tableName":
 * "orders", "items": [{"id": "1"}]}}, or an array of such objects), told apart by its {@code tableName} field.
 * Every problem is collected, naming the file, the JSON path and the item (its index and key values).
 */
public final class ItemFiles {

    /**
     * DynamoDB's item size limit, 400 KB, names and values counted as "Item sizes and formats" of the Developer
     * Guide says (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html).
     */
    static final int MAX_ITEM_BYTES = 400 * 1024;

    /** A number has up to 38 significant digits (Developer Guide, "Supported data types", Number). */
    private static final int MAX_NUMBER_DIGITS = 38;

    private static final Set<String> DESCRIPTORS = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

    /** Exact decimals: a plain JSON number keeps its text ({@code 12.50} stays {@code 12.50}). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /**
     * The items of the seed, by table (its full name, in declaration order), in the order the files hold them.
     *
     * @param items for each table with items, its items
     */
    public record Items(Map<DeclaredTable, List<Map<String, AttributeValue>>> items) {

        public Items {
            items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        }

        public int count() {
            return items.values().stream().mapToInt(List::size).sum();
        }
    }

    private final Map<String, DeclaredTable> tables = new LinkedHashMap<>();
    private final Map<DeclaredTable, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
    /** For each table, the key of each item read so far and where it was, to find the same key twice. */
    private final Map<DeclaredTable, Map<Map<String, AttributeValue>, String>> keys = new HashMap<>();
    private final List<ConfigurationProblem> problems;
    private String file;

    private ItemFiles(Declaration declaration, List<ConfigurationProblem> problems) {
        for (DeclaredTable table : declaration.tables()) {
            tables.put(table.declaredName(), table);
        }
        this.problems = problems;
    }

    /**
     * Reads the files; what is wrong goes to {@code problems}.
     *
     * @param displayName how messages name a file (relative to the project)
     */
    public static Items read(List<Path> files, Function<Path, String> displayName, Declaration declaration,
            List<ConfigurationProblem> problems) {
        ItemFiles reader = new ItemFiles(declaration, problems);
        for (Path path : files) {
            reader.file = displayName.apply(path);
            reader.read(path);
        }
        Map<DeclaredTable, List<Map<String, AttributeValue>>> ordered = new LinkedHashMap<>();
        for (DeclaredTable table : declaration.tables()) {
            if (reader.items.containsKey(table)) {
                ordered.put(table, reader.items.get(table));
            }
        }
        return new Items(ordered);
    }

    private void read(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problem(at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
            return;
        } catch (IOException e) {
            problem("$", "cannot be read: " + e.getMessage());
            return;
        }
        if (root != null && root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                plain(root.get(i), "$[" + i + "]");
            }
        } else if (root != null && root.isObject() && root.has("tableName")) {
            plain(root, "$");
        } else if (root != null && root.isObject()) {
            requestItems(root);
        } else {
            problem("$", "must hold a JSON object: the AWS CLI's batch-write-item --request-items JSON ({\"orders\":"
                    + " [{\"PutRequest\": {\"Item\": {...}}}]}) or {\"tableName\": \"orders\", \"items\": [...]}");
        }
    }

    /** {@code {"orders": [{"PutRequest": {"Item": {...}}}], ...}}: DynamoDB JSON. */
    private void requestItems(JsonNode root) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "$." + entry.getKey();
            DeclaredTable table = table(entry.getKey(), path);
            if (!entry.getValue().isArray()) {
                problem(path, "must be an array of {\"PutRequest\": {\"Item\": {...}}}");
                continue;
            }
            for (int i = 0; i < entry.getValue().size(); i++) {
                JsonNode request = entry.getValue().get(i);
                String at = path + "[" + i + "]";
                if (request.has("DeleteRequest")) {
                    problem(at, "is a DeleteRequest: seed only puts items; remove it (to empty a table, delete and"
                            + " create it again)");
                    continue;
                }
                JsonNode item = request.path("PutRequest").path("Item");
                if (!item.isObject() || request.size() != 1 || request.path("PutRequest").size() != 1) {
                    problem(at, "must be {\"PutRequest\": {\"Item\": {\"name\": {\"S\": \"value\"}, ...}}}");
                    continue;
                }
                Map<String, AttributeValue> values = new LinkedHashMap<>();
                boolean valid = true;
                for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    AttributeValue value = dynamoDbJson(field.getValue(), at + ".PutRequest.Item." + field.getKey());
                    valid &= value != null;
                    values.put(field.getKey(), value);
                }
                if (valid && table != null) {
                    add(table, values, i, at + ".PutRequest.Item");
                }
            }
        }
    }

    /** {@code {"tableName": "orders", "items": [{...}]}}: plain JSON, types mapped. */
    private void plain(JsonNode root, String path) {
        if (!root.isObject() || !root.path("tableName").isTextual() || !root.path("items").isArray()) {
            problem(path, "must be {\"tableName\": \"orders\", \"items\": [{...}, ...]}");
            return;
        }
        DeclaredTable table = table(root.get("tableName").asText(), path + ".tableName");
        JsonNode list = root.get("items");
        for (int i = 0; i < list.size(); i++) {
            String at = path + ".items[" + i + "]";
            if (!list.get(i).isObject()) {
                problem(at, "must be a JSON object, the item's attributes");
                continue;
            }
            Map<String, AttributeValue> values = plainMap(list.get(i));
            if (table != null) {
                add(table, values, i, at);
            }
        }
    }

    private DeclaredTable table(String name, String path) {
        DeclaredTable table = tables.get(name);
        if (table == null) {
            problem(path, "names table '" + name + "', which is not declared; the declared tables are "
                    + String.join(", ", tables.keySet()) + " (names as declared: the prefix and suffix are applied)");
        }
        return table;
    }

    /** Checks an item against its table, then keeps it. */
    private void add(DeclaredTable table, Map<String, AttributeValue> item, int index, String path) {
        String label = " (item " + index + " of " + table.declaredName() + keyText(table, item) + ")";
        boolean valid = true;
        for (KeyAttribute key : tableKeys(table)) {
            valid &= checkKey(key, item.get(key.attributeName()), true, path, label);
        }
        // an index's key attribute is optional in an item, but AWS refuses it with another type or empty
        for (Map.Entry<String, AttributeType> attribute : table.attributeDefinitions().entrySet()) {
            if (tableKeys(table).stream().noneMatch(k -> k.attributeName().equals(attribute.getKey()))) {
                valid &= checkKey(new KeyAttribute(attribute.getKey(), attribute.getValue()),
                        item.get(attribute.getKey()), false, path, label);
            }
        }
        long size = size(item);
        if (size > MAX_ITEM_BYTES) {
            problem(path + label, "is " + size + " bytes, over DynamoDB's item size limit of 400 KB (" + MAX_ITEM_BYTES
                    + " bytes, attribute names and values counted); make it smaller");
            valid = false;
        }
        if (!valid) {
            return;
        }
        Map<String, AttributeValue> key = new HashMap<>();
        tableKeys(table).forEach(k -> key.put(k.attributeName(), item.get(k.attributeName())));
        String earlier = keys.computeIfAbsent(table, t -> new HashMap<>()).putIfAbsent(key, file + " " + path);
        if (earlier != null) {
            problem(path + label, "has the same key as " + earlier + "; each key once per table (BatchWriteItem"
                    + " refuses the same key twice, and which item would win is not clear): remove one");
            return;
        }
        items.computeIfAbsent(table, t -> new ArrayList<>()).add(item);
    }

    private static List<KeyAttribute> tableKeys(DeclaredTable table) {
        return table.sortKey() == null ? List.of(table.partitionKey()) : List.of(table.partitionKey(), table.sortKey());
    }

    private boolean checkKey(KeyAttribute key, AttributeValue value, boolean required, String path, String label) {
        String where = path + "." + key.attributeName() + label;
        if (value == null) {
            if (required) {
                problem(path + label, "lacks the key attribute " + key.attributeName() + " (" + key.type()
                        + "); every item needs its table's partition key" + " and sort key");
            }
            return !required;
        }
        String type = type(value);
        if (!type.equals(key.type().name())) {
            problem(where, "is " + type + ", but the key attribute " + key.attributeName() + " is declared "
                    + key.type() + "; give it a " + describe(key.type()));
            return false;
        }
        boolean empty = key.type() == AttributeType.S ? value.s().isEmpty()
                : key.type() == AttributeType.B && value.b().asByteArray().length == 0;
        if (empty) {
            // "the key attribute values cannot be empty" (Developer Guide, Supported data types: String, Binary)
            problem(where, "is empty; DynamoDB refuses an empty " + (key.type() == AttributeType.S ? "string" : "binary")
                    + " as a key attribute value");
            return false;
        }
        return true;
    }

    private static String describe(AttributeType type) {
        return switch (type) {
            case S -> "string (S)";
            case N -> "number (N)";
            case B -> "binary (B, base64 in DynamoDB JSON)";
        };
    }

    /** {@code , id=1, sk=a}: the item's key values, for messages, as far as they are there. */
    private static String keyText(DeclaredTable table, Map<String, AttributeValue> item) {
        StringBuilder text = new StringBuilder();
        for (KeyAttribute key : tableKeys(table)) {
            AttributeValue value = item.get(key.attributeName());
            if (value != null && (value.s() != null || value.n() != null)) {
                text.append(", ").append(key.attributeName()).append('=').append(value.s() != null ? value.s()
                        : value.n());
            }
        }
        return text.toString();
    }

    /** A DynamoDB JSON value ({@code {"S": "x"}}); null, with a problem, when it is not one. */
    private AttributeValue dynamoDbJson(JsonNode node, String path) {
        if (!node.isObject() || node.size() != 1 || !DESCRIPTORS.contains(node.fieldNames().next())) {
            problem(path, "must be one type descriptor and its value, e.g. {\"S\": \"text\"} or {\"N\": \"12.5\"};"
                    + " the descriptors are " + DESCRIPTORS.stream().sorted().collect(Collectors.joining(", ")));
            return null;
        }
        String descriptor = node.fieldNames().next();
        JsonNode value = node.get(descriptor);
        String at = path + "." + descriptor;
        switch (descriptor) {
            case "S":
                return value.isTextual() ? AttributeValue.fromS(value.asText()) : wrong(at, "a JSON string");
            case "N":
                return value.isTextual() && number(value.asText(), at) ? AttributeValue.fromN(value.asText())
                        : value.isTextual() ? null : wrong(at, "a number in a JSON string, e.g. \"12.5\"");
            case "B":
                SdkBytes bytes = value.isTextual() ? base64(value.asText(), at) : null;
                return bytes != null ? AttributeValue.fromB(bytes)
                        : value.isTextual() ? null : wrong(at, "base64 text in a JSON string");
            case "BOOL":
                return value.isBoolean() ? AttributeValue.fromBool(value.asBoolean()) : wrong(at, "true or false");
            case "NULL":
                return value.isBoolean() && value.asBoolean() ? AttributeValue.fromNul(true) : wrong(at, "true");
            case "M": {
                if (!value.isObject()) {
                    return wrong(at, "a JSON object of attribute values");
                }
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                boolean valid = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    AttributeValue inner = dynamoDbJson(entry.getValue(), at + "." + entry.getKey());
                    valid &= inner != null;
                    map.put(entry.getKey(), inner);
                }
                return valid ? AttributeValue.fromM(map) : null;
            }
            case "L": {
                if (!value.isArray()) {
                    return wrong(at, "a JSON array of attribute values");
                }
                List<AttributeValue> list = new ArrayList<>();
                boolean valid = true;
                for (int i = 0; i < value.size(); i++) {
                    AttributeValue inner = dynamoDbJson(value.get(i), at + "[" + i + "]");
                    valid &= inner != null;
                    list.add(inner);
                }
                return valid ? AttributeValue.fromL(list) : null;
            }
            default:
                return set(descriptor, value, at);
        }
    }

    /** SS, NS, BS: non-empty, each element once (Developer Guide, "Supported data types", Sets). */
    private AttributeValue set(String descriptor, JsonNode value, String at) {
        if (!value.isArray() || value.isEmpty()) {
            return wrong(at, "a non-empty JSON array of strings (DynamoDB refuses empty sets)");
        }
        List<String> elements = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementAt = at + "[" + i + "]";
            if (!element.isTextual()) {
                wrong(elementAt, "a JSON string");
                valid = false;
            } else if (descriptor.equals("NS") && !number(element.asText(), elementAt)
                    || descriptor.equals("BS") && base64(element.asText(), elementAt) == null) {
                valid = false;
            } else if (elements.contains(element.asText())) {
                problem(elementAt, "repeats " + element.asText() + "; a set holds each value once");
                valid = false;
            } else {
                elements.add(element.asText());
            }
        }
        if (!valid) {
            return null;
        }
        return switch (descriptor) {
            case "SS" -> AttributeValue.fromSs(elements);
            case "NS" -> AttributeValue.fromNs(elements);
            default -> AttributeValue.fromBs(elements.stream().map(e -> SdkBytes.fromByteArray(
                    Base64.getDecoder().decode(e))).toList());
        };
    }

    private boolean number(String text, String at) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            problem(at, "'" + text + "' is not a number; write digits, a point and an exponent, e.g. \"12.5\" or"
                    + " \"1E3\"");
            return false;
        }
        if (number.stripTrailingZeros().precision() > MAX_NUMBER_DIGITS) {
            problem(at, "'" + text + "' has more than 38 significant digits, more than DynamoDB keeps");
            return false;
        }
        return true;
    }

    private SdkBytes base64(String text, String at) {
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            problem(at, "is not base64 (" + e.getMessage() + "); a B value is its bytes in base64");
            return null;
        }
    }

    private AttributeValue wrong(String at, String expected) {
        problem(at, "must be " + expected);
        return null;
    }

    /** Plain JSON: string S, number N (its exact text), boolean BOOL, null NULL, array L, object M. */
    private Map<String, AttributeValue> plainMap(JsonNode object) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), plainValue(e.getValue())));
        return map;
    }

    private AttributeValue plainValue(JsonNode node) {
        if (node.isTextual()) {
            return AttributeValue.fromS(node.asText());
        } else if (node.isNumber()) {
            return AttributeValue.fromN(node.isBigDecimal() ? node.decimalValue().toPlainString()
                    : node.isFloatingPointNumber() ? new BigDecimal(node.asText()).toPlainString()
                    : node.bigIntegerValue().toString());
        } else if (node.isBoolean()) {
            return AttributeValue.fromBool(node.asBoolean());
        } else if (node.isNull()) {
            return AttributeValue.fromNul(true);
        } else if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(element -> list.add(plainValue(element)));
            return AttributeValue.fromL(list);
        }
        return AttributeValue.fromM(plainMap(node));
    }

    /** The value's type descriptor. */
    static String type(AttributeValue value) {
        return value.type().name().equals("NUL") ? "NULL" : value.type().name();
    }

    /**
     * The item's size as AWS counts it (Developer Guide, "Item sizes and formats"): each attribute name's UTF-8
     * bytes plus its value's size.
     */
    static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        return size;
    }

    /**
     * A value's size: strings their UTF-8 bytes; numbers 1 byte per two significant digits plus 1; binary its
     * bytes; BOOL and NULL 1 byte; lists and maps 3 bytes plus 1 byte per element plus their elements (a map's
     * names counted); sets the sum of their elements.
     */
    private static long size(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> numberSize(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case L -> 3 + value.l().stream().mapToLong(v -> 1 + size(v)).sum();
            case M -> 3 + value.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
            case SS -> value.ss().stream().mapToLong(ItemFiles::utf8).sum();
            case NS -> value.ns().stream().mapToLong(ItemFiles::numberSize).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            default -> 0;
        };
    }

    private static long numberSize(String number) {
        int digits = new BigDecimal(number.trim()).stripTrailingZeros().precision();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private void problem(String path, String message) {
        problems.add(new ConfigurationProblem("item file " + file, path, message));
    }
}
