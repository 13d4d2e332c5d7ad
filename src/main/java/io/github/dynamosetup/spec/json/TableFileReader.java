package io.github.dynamosetup.spec.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dynamosetup.spec.AttributeType;
import io.github.dynamosetup.spec.BillingMode;
import io.github.dynamosetup.spec.Capacity;
import io.github.dynamosetup.spec.ConfigurationProblem;
import io.github.dynamosetup.spec.Encryption;
import io.github.dynamosetup.spec.GlobalSecondaryIndexSpec;
import io.github.dynamosetup.spec.KeySpec;
import io.github.dynamosetup.spec.LocalSecondaryIndexSpec;
import io.github.dynamosetup.spec.Projection;
import io.github.dynamosetup.spec.RequestUnits;
import io.github.dynamosetup.spec.Stream;
import io.github.dynamosetup.spec.StreamViewType;
import io.github.dynamosetup.spec.TableClass;
import io.github.dynamosetup.spec.TableSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads a table spec file: the JSON that {@code aws dynamodb create-table --cli-input-json} takes, plus
 * {@code TimeToLiveSpecification} (as in {@code update-time-to-live}) and
 * {@code PointInTimeRecoverySpecification} (as in {@code update-continuous-backups}). Every problem names
 * the file and a JSON path.
 */
public final class TableFileReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Set<String> FIELDS = Set.of("TableName", "AttributeDefinitions", "KeySchema",
            "LocalSecondaryIndexes", "GlobalSecondaryIndexes", "BillingMode", "ProvisionedThroughput",
            "OnDemandThroughput", "StreamSpecification", "SSESpecification", "Tags", "TableClass",
            "DeletionProtectionEnabled", "TimeToLiveSpecification", "PointInTimeRecoverySpecification");
    private static final Set<String> NOT_SUPPORTED = Set.of("WarmThroughput", "ResourcePolicy");

    /**
     * What a file holds: the table (when the file could be read at all) and the problems that only the
     * file format can have (syntax, unknown fields, attribute definitions). DynamoDB's rules are checked
     * later, with the rest of the declaration.
     */
    public record Result(TableSpec table, List<ConfigurationProblem> problems) {}

    private final JsonOrigin origin;
    private final List<ConfigurationProblem> problems = new ArrayList<>();
    private String subject;
    private Map<String, AttributeType> definitions = new LinkedHashMap<>();
    private final Set<String> usedDefinitions = new HashSet<>();
    private final Set<String> badlyDefined = new HashSet<>();
    private KeySpec tablePartitionKey;

    private TableFileReader(String displayName) {
        this.origin = new JsonOrigin(displayName);
        this.subject = origin.subject(null);
    }

    /**
     * @param file the file to read
     * @param displayName how messages name it (relative to the project)
     * @param tableName turns the file's TableName into the full name (prefix and suffix)
     * @param globalTags tags every table gets; the file's own Tags add to and override them
     */
    public static Result read(Path file, String displayName, UnaryOperator<String> tableName,
            Map<String, String> globalTags) {
        return new TableFileReader(displayName).read(file, tableName, globalTags);
    }

    private Result read(Path file, UnaryOperator<String> tableName, Map<String, String> globalTags) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problem(at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
            return new Result(null, problems);
        } catch (IOException e) {
            problem("$", "cannot be read: " + e.getMessage());
            return new Result(null, problems);
        }
        if (root == null || !root.isObject()) {
            problem("$", "must hold one JSON object, the input of aws dynamodb create-table --cli-input-json");
            return new Result(null, problems);
        }
        String name = text(root, "TableName", "$.TableName");
        String fullName = name == null ? null : tableName.apply(name);
        subject = origin.subject(fullName);
        checkFields(root);
        readAttributeDefinitions(root.get("AttributeDefinitions"));

        TableSpec.Builder table = TableSpec.builder(origin, fullName).declaredName(name);
        List<KeySpec> keys = keySchema(root.get("KeySchema"), "$.KeySchema");
        tablePartitionKey = keys.get(0);
        table.partitionKey(keys.get(0)).sortKey(keys.get(1));
        readGlobalIndexes(root.get("GlobalSecondaryIndexes"), table);
        readLocalIndexes(root.get("LocalSecondaryIndexes"), table);
        reportUnusedDefinitions(root.get("AttributeDefinitions"));

        BillingMode billingMode = enumValue(BillingMode.class, root, "BillingMode", "$.BillingMode");
        table.billingMode(billingMode == null ? BillingMode.PAY_PER_REQUEST : billingMode)
                .capacity(capacity(root.get("ProvisionedThroughput"), "$.ProvisionedThroughput"))
                .onDemandThroughput(requestUnits(root.get("OnDemandThroughput"), "$.OnDemandThroughput"))
                .tableClass(enumValue(TableClass.class, root, "TableClass", "$.TableClass"))
                .deletionProtection(Boolean.TRUE.equals(bool(root, "DeletionProtectionEnabled",
                        "$.DeletionProtectionEnabled")));
        readStream(root.get("StreamSpecification"), table);
        readEncryption(root.get("SSESpecification"), table);
        readTimeToLive(root.get("TimeToLiveSpecification"), table);
        JsonNode recovery = object(root.get("PointInTimeRecoverySpecification"), "$.PointInTimeRecoverySpecification");
        if (recovery != null) {
            table.pointInTimeRecovery(Boolean.TRUE.equals(bool(recovery, "PointInTimeRecoveryEnabled",
                    "$.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled")));
        }
        table.tags(globalTags).tags(tags(root.get("Tags")));
        return new Result(table.build(), problems);
    }

    private void checkFields(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (NOT_SUPPORTED.contains(field)) {
                problem("$." + field, "is not supported by dynamo-setup yet; remove it");
            } else if (!FIELDS.contains(field)) {
                problem("$." + field, "unknown field; a table spec file has the fields of aws dynamodb create-table"
                        + " --cli-input-json (" + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
    }

    private void readAttributeDefinitions(JsonNode node) {
        List<JsonNode> entries = array(node, "$.AttributeDefinitions");
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.AttributeDefinitions[" + i + "]";
            String name = text(entries.get(i), "AttributeName", path + ".AttributeName");
            AttributeType type = enumValue(AttributeType.class, entries.get(i), "AttributeType",
                    path + ".AttributeType");
            if (name != null && type == null) {
                badlyDefined.add(name); // reported already; not again as a key without definition
            } else if (name != null && definitions.put(name, type) != null) {
                problem(path, "defines '" + name + "' a second time; define each attribute once");
            }
        }
    }

    private void reportUnusedDefinitions(JsonNode node) {
        List<JsonNode> entries = array(node, "$.AttributeDefinitions");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode name = entries.get(i).get("AttributeName");
            if (name != null && name.isTextual() && !usedDefinitions.contains(name.asText())) {
                problem("$.AttributeDefinitions[" + i + "]", "defines '" + name.asText() + "', which is no key of"
                        + " the table or an index; DynamoDB accepts only key attributes here, so remove it");
            }
        }
    }

    /** Reads a key schema: [partition key, sort key or null]. */
    private List<KeySpec> keySchema(JsonNode node, String path) {
        KeySpec[] keys = new KeySpec[2];
        List<JsonNode> entries = array(node, path);
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = path + "[" + i + "]";
            String name = text(entries.get(i), "AttributeName", entryPath + ".AttributeName");
            String keyType = text(entries.get(i), "KeyType", entryPath + ".KeyType");
            if (name == null || keyType == null) {
                continue;
            }
            usedDefinitions.add(name);
            int slot = "HASH".equals(keyType) ? 0 : "RANGE".equals(keyType) ? 1 : -1;
            if (slot < 0) {
                problem(entryPath + ".KeyType", "'" + keyType + "' is not a key type; use HASH (partition key) or"
                        + " RANGE (sort key)");
            } else if (keys[slot] != null) {
                problem(entryPath, "a second " + keyType + " key; a key schema has one HASH key and at most one"
                        + " RANGE key");
            } else {
                AttributeType type = definitions.get(name);
                if (type == null && !badlyDefined.contains(name)) {
                    problem(entryPath + ".AttributeName", "'" + name + "' has no entry in $.AttributeDefinitions;"
                            + " add {\"AttributeName\": \"" + name + "\", \"AttributeType\": \"S\"} (or N or B)");
                } else if (type != null) {
                    keys[slot] = new KeySpec(name, type);
                }
            }
        }
        if (!entries.isEmpty() && keys[0] == null && keys[1] != null) {
            problem(path, "has no HASH key; every key schema needs one");
        }
        return Arrays.asList(keys);
    }

    private void readGlobalIndexes(JsonNode node, TableSpec.Builder table) {
        List<JsonNode> entries = array(node, "$.GlobalSecondaryIndexes");
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.GlobalSecondaryIndexes[" + i + "]";
            JsonNode index = entries.get(i);
            List<KeySpec> keys = keySchema(index.get("KeySchema"), path + ".KeySchema");
            JsonNode projection = object(index.get("Projection"), path + ".Projection");
            table.globalSecondaryIndex(new GlobalSecondaryIndexSpec(
                    text(index, "IndexName", path + ".IndexName"),
                    keys.get(0),
                    keys.get(1),
                    projectionType(projection, path),
                    nonKeyAttributes(projection, path),
                    capacity(index.get("ProvisionedThroughput"), path + ".ProvisionedThroughput"),
                    requestUnits(index.get("OnDemandThroughput"), path + ".OnDemandThroughput")));
        }
    }

    private void readLocalIndexes(JsonNode node, TableSpec.Builder table) {
        List<JsonNode> entries = array(node, "$.LocalSecondaryIndexes");
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.LocalSecondaryIndexes[" + i + "]";
            JsonNode index = entries.get(i);
            List<KeySpec> keys = keySchema(index.get("KeySchema"), path + ".KeySchema");
            JsonNode projection = object(index.get("Projection"), path + ".Projection");
            table.localSecondaryIndex(new LocalSecondaryIndexSpec(
                    text(index, "IndexName", path + ".IndexName"),
                    keys.get(1),
                    projectionType(projection, path),
                    nonKeyAttributes(projection, path)));
            if (keys.get(0) != null && tablePartitionKey != null
                    && !tablePartitionKey.attributeName().equals(keys.get(0).attributeName())) {
                problem(path + ".KeySchema", "the HASH key of a local secondary index is the table's partition key,"
                        + " '" + tablePartitionKey.attributeName() + "', not '" + keys.get(0).attributeName() + "'");
            }
        }
    }

    private Projection projectionType(JsonNode projection, String indexPath) {
        if (projection == null) {
            problem(indexPath + ".Projection", "missing; give {\"ProjectionType\": \"ALL\"} (or KEYS_ONLY, or"
                    + " INCLUDE with NonKeyAttributes)");
            return Projection.ALL;
        }
        Projection type = enumValue(Projection.class, projection, "ProjectionType",
                indexPath + ".Projection.ProjectionType");
        return type == null ? Projection.ALL : type;
    }

    private List<String> nonKeyAttributes(JsonNode projection, String indexPath) {
        if (projection == null) {
            return List.of();
        }
        String path = indexPath + ".Projection.NonKeyAttributes";
        List<String> names = new ArrayList<>();
        List<JsonNode> entries = array(projection.get("NonKeyAttributes"), path);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).isTextual()) {
                names.add(entries.get(i).asText());
            } else {
                problem(path + "[" + i + "]", "must be an attribute name (a string)");
            }
        }
        return names;
    }

    private Capacity capacity(JsonNode node, String path) {
        JsonNode throughput = object(node, path);
        if (throughput == null) {
            return Capacity.NONE;
        }
        return new Capacity(number(throughput, "ReadCapacityUnits", path + ".ReadCapacityUnits"),
                number(throughput, "WriteCapacityUnits", path + ".WriteCapacityUnits"));
    }

    private RequestUnits requestUnits(JsonNode node, String path) {
        JsonNode throughput = object(node, path);
        if (throughput == null) {
            return RequestUnits.NONE;
        }
        return new RequestUnits(number(throughput, "MaxReadRequestUnits", path + ".MaxReadRequestUnits"),
                number(throughput, "MaxWriteRequestUnits", path + ".MaxWriteRequestUnits"));
    }

    private void readStream(JsonNode node, TableSpec.Builder table) {
        JsonNode stream = object(node, "$.StreamSpecification");
        if (stream == null) {
            return;
        }
        Boolean enabled = bool(stream, "StreamEnabled", "$.StreamSpecification.StreamEnabled");
        if (enabled == null) {
            problem("$.StreamSpecification.StreamEnabled", "missing; say true or false");
        }
        table.stream(new Stream(Boolean.TRUE.equals(enabled), enumValue(StreamViewType.class, stream, "StreamViewType",
                "$.StreamSpecification.StreamViewType")));
    }

    private void readEncryption(JsonNode node, TableSpec.Builder table) {
        JsonNode sse = object(node, "$.SSESpecification");
        if (sse == null) {
            return;
        }
        boolean enabled = Boolean.TRUE.equals(bool(sse, "Enabled", "$.SSESpecification.Enabled"));
        String type = text(sse, "SSEType", "$.SSESpecification.SSEType");
        if (type != null && !type.equals("KMS")) {
            problem("$.SSESpecification.SSEType", "'" + type + "' is not supported; DynamoDB encrypts with KMS");
        }
        String key = text(sse, "KMSMasterKeyId", "$.SSESpecification.KMSMasterKeyId");
        Encryption encryption = !enabled ? Encryption.AWS_OWNED
                : key == null ? Encryption.AWS_MANAGED : Encryption.CUSTOMER_MANAGED;
        table.encryption(encryption, key);
    }

    private void readTimeToLive(JsonNode node, TableSpec.Builder table) {
        JsonNode ttl = object(node, "$.TimeToLiveSpecification");
        if (ttl == null) {
            return;
        }
        String attribute = text(ttl, "AttributeName", "$.TimeToLiveSpecification.AttributeName");
        Boolean enabled = bool(ttl, "Enabled", "$.TimeToLiveSpecification.Enabled");
        if (attribute == null) {
            problem("$.TimeToLiveSpecification.AttributeName", "missing; name the attribute that holds each item's"
                    + " expiry time");
        } else if (!Boolean.FALSE.equals(enabled)) {
            table.timeToLiveAttribute(attribute);
        }
    }

    private Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<JsonNode> entries = array(node, "$.Tags");
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.Tags[" + i + "]";
            String key = text(entries.get(i), "Key", path + ".Key");
            JsonNode value = entries.get(i).get("Value");
            if (value != null && !value.isTextual()) {
                problem(path + ".Value", "must be a string");
            } else if (key != null && tags.put(key, value == null ? "" : value.asText()) != null) {
                problem(path, "the tag '" + key + "' is given twice; give each key once");
            }
        }
        return tags;
    }

    // ---- typed access, reporting the JSON path of what is missing or of the wrong type ----

    /** Fields that a spec file must give where their parent is given; DynamoDB's rules say the rest. */
    private static final Set<String> REQUIRED = Set.of("AttributeName", "AttributeType", "KeyType", "Key");

    private String text(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (REQUIRED.contains(field)) {
                problem(path, "missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        return value.asText();
    }

    private Long number(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            problem(path, "must be a whole number");
            return null;
        }
        return value.asLong();
    }

    private Boolean bool(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(path, "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, JsonNode parent, String field, String path) {
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

    private JsonNode object(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be a JSON object");
            return null;
        }
        return node;
    }

    private List<JsonNode> array(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be a JSON array");
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isObject() || path.endsWith("NonKeyAttributes")) {
                entries.add(node.get(i));
            } else {
                problem(path + "[" + i + "]", "must be a JSON object");
            }
        }
        return entries;
    }

    private void problem(String path, String message) {
        problems.add(new ConfigurationProblem(subject, path, message));
    }
}
