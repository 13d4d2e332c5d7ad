package io.github.dynamosetup.declaration.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.DeclaredLocalIndex;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.declaration.DeclaredTable;
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
 * Reads a table file: the JSON that {@code aws dynamodb create-table --cli-input-json} takes, plus
 * {@code TimeToLiveSpecification} (as in {@code update-time-to-live}) and
 * {@code PointInTimeRecoverySpecification} (as in {@code update-continuous-backups}).
 *
 * <p>A file means what it means to {@code create-table}: what it leaves out gets the default that DynamoDB's
 * CreateTable gives it
 * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">API_CreateTable</a>):
 * <ul>
 *   <li>no {@code BillingMode}: PROVISIONED, so {@code ProvisionedThroughput} is required on the table and on
 *       every global secondary index (the POM's {@code <billingMode>} keeps its own default, PAY_PER_REQUEST);</li>
 *   <li>no {@code SSESpecification}, {@code {}} or {@code "Enabled": false}: encryption with an AWS owned key;
 *       {@code "Enabled": true} or {@code "SSEType": "KMS"}: KMS, with the AWS managed key unless
 *       {@code KMSMasterKeyId} names another;</li>
 *   <li>no {@code StreamSpecification}, or {@code "StreamEnabled": false}: no stream;</li>
 *   <li>no {@code TableClass}: STANDARD; no {@code DeletionProtectionEnabled}: false; no {@code Tags}: none;
 *       no {@code OnDemandThroughput}: no request unit limit.</li>
 * </ul>
 * A projection has no default: {@code ProjectionType} must be given.
 *
 * <p>A file that CreateTable refuses is refused before any AWS call, for the reason DynamoDB gives. Every
 * problem names the file and a JSON path and says how to fix it, and all of a file's problems come at once.
 * The reader reports those of the file's format (syntax, unknown fields, attribute definitions, key schema
 * order); DynamoDB's rules for the table it reads are applied with those of every other table, once, by
 * {@link io.github.dynamosetup.declaration.Declaration#of(List, List)}, which leaves out a rule's problem at
 * a place where the file has one already.
 */
public final class TableFileReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The fields of one kind of JSON object, and those of its fields that dynamo-setup does not support yet. */
    private record Shape(String what, Set<String> fields, Set<String> notSupported) {
        Shape(String what, String... fields) {
            this(what, Set.of(fields), Set.of());
        }

        Shape notSupported(String... names) {
            return new Shape(what, fields, Set.of(names));
        }
    }

    private static final Shape ROOT = new Shape("a table file", "TableName", "AttributeDefinitions",
            "KeySchema", "LocalSecondaryIndexes", "GlobalSecondaryIndexes", "BillingMode", "ProvisionedThroughput",
            "OnDemandThroughput", "StreamSpecification", "SSESpecification", "Tags", "TableClass",
            "DeletionProtectionEnabled", "TimeToLiveSpecification", "PointInTimeRecoverySpecification")
            .notSupported("WarmThroughput", "ResourcePolicy", "GlobalTableSourceArn",
                    "GlobalTableSettingsReplicationMode");
    private static final Shape ATTRIBUTE_DEFINITION = new Shape("an attribute definition", "AttributeName",
            "AttributeType");
    private static final Shape KEY_SCHEMA_ELEMENT = new Shape("a key schema element", "AttributeName", "KeyType");
    private static final Shape GLOBAL_INDEX = new Shape("a global secondary index", "IndexName", "KeySchema",
            "Projection", "ProvisionedThroughput", "OnDemandThroughput").notSupported("WarmThroughput");
    private static final Shape LOCAL_INDEX = new Shape("a local secondary index", "IndexName", "KeySchema",
            "Projection");
    private static final Shape PROJECTION = new Shape("a projection", "ProjectionType", "NonKeyAttributes");
    private static final Shape PROVISIONED_THROUGHPUT = new Shape("ProvisionedThroughput", "ReadCapacityUnits",
            "WriteCapacityUnits");
    private static final Shape ON_DEMAND_THROUGHPUT = new Shape("OnDemandThroughput", "MaxReadRequestUnits",
            "MaxWriteRequestUnits");
    private static final Shape STREAM = new Shape("StreamSpecification", "StreamEnabled", "StreamViewType");
    private static final Shape SSE = new Shape("SSESpecification", "Enabled", "SSEType", "KMSMasterKeyId");
    private static final Shape TAG = new Shape("a tag", "Key", "Value");
    private static final Shape TIME_TO_LIVE = new Shape("TimeToLiveSpecification", "AttributeName", "Enabled");
    private static final Shape POINT_IN_TIME_RECOVERY = new Shape("PointInTimeRecoverySpecification",
            "PointInTimeRecoveryEnabled").notSupported("RecoveryPeriodInDays");

    /** Where a key schema belongs: its rules differ a little. */
    private enum KeySchemaOf { TABLE, GLOBAL_INDEX, LOCAL_INDEX }

    /**
     * What a file holds: the table (when the file could be read at all) and the problems of its format, each
     * once and at its {@link io.github.dynamosetup.declaration.Place}; DynamoDB's rules are not applied yet.
     */
    public record Result(DeclaredTable table, List<ConfigurationProblem> problems) {}

    private final JsonOrigin origin;
    private final List<ConfigurationProblem> problems = new ArrayList<>();
    private String subject;
    private boolean definitionsGiven;
    private final Map<String, AttributeType> definitions = new LinkedHashMap<>();
    private final Set<String> usedDefinitions = new HashSet<>();
    private final Set<String> badlyDefined = new HashSet<>();
    private KeyAttribute tablePartitionKey;

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
        checkFields(root, "$", ROOT);
        readAttributeDefinitions(root.get("AttributeDefinitions"));

        DeclaredTable.Builder table = DeclaredTable.builder(origin, fullName).declaredName(name);
        List<KeyAttribute> keys = keySchema(root.get("KeySchema"), "$.KeySchema", KeySchemaOf.TABLE);
        tablePartitionKey = keys.get(0);
        table.partitionKey(keys.get(0)).sortKey(keys.get(1));
        BillingMode billingMode = billingMode(root);
        if (isAbsent(root.get("BillingMode")) && isAbsent(root.get("ProvisionedThroughput"))) {
            // DynamoDB answers "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is
            // PROVISIONED" (see billingMode(root))
            problem("$.ProvisionedThroughput", "missing; a table file without BillingMode is PROVISIONED (DynamoDB's"
                    + " default, as in aws dynamodb create-table), and a PROVISIONED table needs ReadCapacityUnits and"
                    + " WriteCapacityUnits: add \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 5,"
                    + " \"WriteCapacityUnits\": 5} with your figures, or set \"BillingMode\": \"PAY_PER_REQUEST\"");
        }
        readGlobalIndexes(root.get("GlobalSecondaryIndexes"), table, billingMode, root.get("BillingMode"));
        readLocalIndexes(root.get("LocalSecondaryIndexes"), table);
        reportUnusedDefinitions(root.get("AttributeDefinitions"));

        table.billingMode(billingMode)
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
            checkFields(recovery, "$.PointInTimeRecoverySpecification", POINT_IN_TIME_RECOVERY);
            table.pointInTimeRecovery(Boolean.TRUE.equals(bool(recovery, "PointInTimeRecoveryEnabled",
                    "$.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled")));
        }
        table.tags(globalTags).tags(tags(root.get("Tags")));
        return new Result(table.build(), problems);
    }

    private void checkFields(JsonNode object, String path, Shape shape) {
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

    /** The billing mode the file asks for; PROVISIONED when it names none, as for CreateTable. */
    private BillingMode billingMode(JsonNode root) {
        BillingMode billingMode = enumValue(BillingMode.class, root, "BillingMode", "$.BillingMode");
        if (billingMode != null) {
            return billingMode;
        }
        if (!isAbsent(root.get("BillingMode"))) {
            // an unknown value, reported already: read the rest as the capacity given suggests, not to add
            // problems that only stem from the guess
            return isAbsent(root.get("ProvisionedThroughput")) ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED;
        }
        // CreateTable makes a PROVISIONED table of a request without BillingMode: it refuses one without
        // ProvisionedThroughput "when BillingMode is PROVISIONED" (API reference, ProvisionedThroughput: "If you set
        // BillingMode as PROVISIONED, you must specify this property")
        return BillingMode.PROVISIONED;
    }

    private void readAttributeDefinitions(JsonNode node) {
        definitionsGiven = !isAbsent(node);
        if (!definitionsGiven) {
            // CreateTable: AttributeDefinitions is required; DynamoDB answers "Value null at
            // 'attributeDefinitions' failed to satisfy constraint: Member must not be null"
            problem("$.AttributeDefinitions", "missing; list each key attribute of the table and its indexes with its"
                    + " type, e.g. [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}] (S, N or B)");
            return;
        }
        List<JsonNode> entries = array(node, "$.AttributeDefinitions");
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.AttributeDefinitions[" + i + "]";
            checkFields(entries.get(i), path, ATTRIBUTE_DEFINITION);
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

    /**
     * CreateTable takes exactly the key attributes: DynamoDB answers "Number of attributes in KeySchema does
     * not exactly match number of attributes defined in AttributeDefinitions" (no indexes) or "Some
     * AttributeDefinitions are not used" (with indexes) to one more.
     */
    private void reportUnusedDefinitions(JsonNode node) {
        if (node == null || !node.isArray()) {
            return; // reported while reading the definitions
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i).get("AttributeName");
            if (name != null && name.isTextual() && !usedDefinitions.contains(name.asText())) {
                problem("$.AttributeDefinitions[" + i + "]", "defines '" + name.asText() + "', which is no key of"
                        + " the table or an index; DynamoDB accepts only key attributes here, so remove it");
            }
        }
    }

    /**
     * Reads a key schema: [partition key, sort key], either null when not declared. CreateTable takes the
     * HASH element first and at most one RANGE element after it; DynamoDB answers "Invalid KeySchema: The
     * first KeySchemaElement is not a HASH key type" or "... The second KeySchemaElement is not a RANGE key
     * type" otherwise. At most one problem of order is reported per key schema.
     */
    private List<KeyAttribute> keySchema(JsonNode node, String path, KeySchemaOf of) {
        KeyAttribute[] keys = new KeyAttribute[2];
        List<JsonNode> entries = array(node, path);
        String[] names = new String[entries.size()];
        String[] keyTypes = new String[entries.size()];
        int hashes = 0;
        int ranges = 0;
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = path + "[" + i + "]";
            checkFields(entries.get(i), entryPath, KEY_SCHEMA_ELEMENT);
            names[i] = text(entries.get(i), "AttributeName", entryPath + ".AttributeName");
            keyTypes[i] = text(entries.get(i), "KeyType", entryPath + ".KeyType");
            if (names[i] != null) {
                usedDefinitions.add(names[i]);
            }
            if ("HASH".equals(keyTypes[i])) {
                hashes++;
            } else if ("RANGE".equals(keyTypes[i])) {
                ranges++;
            } else if (keyTypes[i] != null) {
                problem(entryPath + ".KeyType", "'" + keyTypes[i] + "' is not a key type; use HASH (partition key)"
                        + " or RANGE (sort key)");
            }
        }
        boolean orderReported = false;
        if (of == KeySchemaOf.GLOBAL_INDEX && (hashes > 1 || ranges > 1)) {
            // DynamoDB takes keys of several attributes in global secondary indexes; dynamo-setup does not yet
            problem(path, hashes + " HASH and " + ranges + " RANGE elements: a key of several attributes"
                    + " (multi-attribute key) is not supported by dynamo-setup yet; use one HASH element and at most"
                    + " one RANGE element");
            orderReported = true;
        } else if (entries.size() > 2) {
            // CreateTable: KeySchema has 1 or 2 elements
            problem(path, "has " + entries.size() + " elements; a key schema has one HASH element and at most one"
                    + " RANGE element, in that order");
            orderReported = true;
        }
        for (int i = 0; i < Math.min(entries.size(), 2); i++) {
            String entryPath = path + "[" + i + "]";
            if (names[i] == null || keyTypes[i] == null) {
                continue;
            }
            // an unknown key type (reported) is read as what its position would make it
            int slot = "HASH".equals(keyTypes[i]) ? 0 : "RANGE".equals(keyTypes[i]) ? 1 : i;
            if (!orderReported && i == 0 && "RANGE".equals(keyTypes[i])) {
                problem(entryPath, "the first element of a key schema must be the HASH key (DynamoDB: \"The first"
                        + " KeySchemaElement is not a HASH key type\"); put the HASH element first and the RANGE"
                        + " element after it");
                orderReported = true;
            } else if (!orderReported && i == 1 && "HASH".equals(keyTypes[i])) {
                problem(entryPath, "a second HASH key; a key schema has one HASH key and at most one RANGE key, which"
                        + " comes second (DynamoDB: \"The second KeySchemaElement is not a RANGE key type\")");
                orderReported = true;
            }
            if (keys[slot] == null) {
                keys[slot] = new KeyAttribute(names[i], definedType(names[i], entryPath));
            }
        }
        return Arrays.asList(keys);
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
            problem(entryPath + ".AttributeName", "'" + name + "' has no entry in $.AttributeDefinitions;"
                    + " add {\"AttributeName\": \"" + name + "\", \"AttributeType\": \"S\"} (or N or B)");
        }
        return AttributeType.S;
    }

    private void readGlobalIndexes(JsonNode node, DeclaredTable.Builder table, BillingMode billingMode,
            JsonNode billingModeNode) {
        List<JsonNode> entries = array(node, "$.GlobalSecondaryIndexes");
        reportEmpty(node, "$.GlobalSecondaryIndexes");
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.GlobalSecondaryIndexes[" + i + "]";
            JsonNode index = entries.get(i);
            checkFields(index, path, GLOBAL_INDEX);
            List<KeyAttribute> keys = keySchema(index.get("KeySchema"), path + ".KeySchema", KeySchemaOf.GLOBAL_INDEX);
            String name = text(index, "IndexName", path + ".IndexName");
            if (billingMode == BillingMode.PROVISIONED && isAbsent(billingModeNode)
                    && isAbsent(index.get("ProvisionedThroughput"))) {
                // DynamoDB: "ProvisionedThroughput is not specified for index: <name>"
                problem(path + ".ProvisionedThroughput", "missing; a table file without BillingMode is PROVISIONED"
                        + " (DynamoDB's default, as in aws dynamodb create-table), and then every global secondary"
                        + " index needs its own ReadCapacityUnits and WriteCapacityUnits: add them to this index, or"
                        + " set \"BillingMode\": \"PAY_PER_REQUEST\" on the table");
            }
            Projected projected = projection(index, path);
            table.globalSecondaryIndex(new DeclaredGlobalIndex(
                    name,
                    keys.get(0),
                    keys.get(1),
                    projected.type(),
                    projected.nonKeyAttributes(),
                    capacity(index.get("ProvisionedThroughput"), path + ".ProvisionedThroughput"),
                    requestUnits(index.get("OnDemandThroughput"), path + ".OnDemandThroughput")));
        }
    }

    private void readLocalIndexes(JsonNode node, DeclaredTable.Builder table) {
        List<JsonNode> entries = array(node, "$.LocalSecondaryIndexes");
        reportEmpty(node, "$.LocalSecondaryIndexes");
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.LocalSecondaryIndexes[" + i + "]";
            JsonNode index = entries.get(i);
            checkFields(index, path, LOCAL_INDEX);
            List<KeyAttribute> keys = keySchema(index.get("KeySchema"), path + ".KeySchema", KeySchemaOf.LOCAL_INDEX);
            Projected projected = projection(index, path);
            table.localSecondaryIndex(new DeclaredLocalIndex(
                    text(index, "IndexName", path + ".IndexName"),
                    keys.get(1),
                    projected.type(),
                    projected.nonKeyAttributes()));
            if (keys.get(0) != null && tablePartitionKey != null
                    && !tablePartitionKey.attributeName().equals(keys.get(0).attributeName())) {
                // DynamoDB: "Index KeySchema does not have the same leading hash key as table KeySchema"
                problem(path + ".KeySchema", "the HASH key of a local secondary index is the table's partition key,"
                        + " '" + tablePartitionKey.attributeName() + "', not '" + keys.get(0).attributeName() + "'");
            }
        }
    }

    /** CreateTable refuses an empty list of indexes ("List of GlobalSecondaryIndexes is empty"). */
    private void reportEmpty(JsonNode node, String path) {
        if (node != null && node.isArray() && node.isEmpty()) {
            problem(path, "an empty list, which DynamoDB refuses; remove the field, or list the indexes");
        }
    }

    private record Projected(IndexProjection type, List<String> nonKeyAttributes) {}

    /**
     * An index's projection. DynamoDB gives ProjectionType no default ("Unknown ProjectionType: null"); where
     * it is missing or unknown (reported), the rest is read as INCLUDE when attributes are listed and as ALL
     * otherwise, so that no problem is added that only stems from that guess.
     */
    private Projected projection(JsonNode index, String indexPath) {
        String path = indexPath + ".Projection";
        if (isAbsent(index.get("Projection"))) {
            problem(path, "missing; give {\"ProjectionType\": \"ALL\"} (or KEYS_ONLY, or INCLUDE with"
                    + " NonKeyAttributes)");
            return new Projected(IndexProjection.ALL, List.of());
        }
        JsonNode projection = object(index.get("Projection"), path);
        if (projection == null) {
            return new Projected(IndexProjection.ALL, List.of());
        }
        checkFields(projection, path, PROJECTION);
        List<String> nonKeyAttributes = nonKeyAttributes(projection, path + ".NonKeyAttributes");
        IndexProjection type = enumValue(IndexProjection.class, projection, "ProjectionType", path + ".ProjectionType");
        if (type == null && isAbsent(projection.get("ProjectionType"))) {
            problem(path + ".ProjectionType", "missing; DynamoDB has no default projection: give ALL, KEYS_ONLY, or"
                    + " INCLUDE with NonKeyAttributes");
        }
        if (type == null) {
            type = nonKeyAttributes.isEmpty() ? IndexProjection.ALL : IndexProjection.INCLUDE;
        }
        return new Projected(type, nonKeyAttributes);
    }

    private List<String> nonKeyAttributes(JsonNode projection, String path) {
        JsonNode node = projection.get("NonKeyAttributes");
        List<String> names = new ArrayList<>();
        if (isAbsent(node)) {
            return names;
        }
        if (!node.isArray()) {
            problem(path, "must be a JSON array");
            return names;
        }
        if (node.isEmpty()) {
            // CreateTable: NonKeyAttributes has at least one element
            problem(path, "an empty list, which DynamoDB refuses; list the attributes an INCLUDE projection copies,"
                    + " or remove the field for ALL and KEYS_ONLY");
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                names.add(node.get(i).asText());
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
        checkFields(throughput, path, PROVISIONED_THROUGHPUT);
        return new Capacity(number(throughput, "ReadCapacityUnits", path + ".ReadCapacityUnits"),
                number(throughput, "WriteCapacityUnits", path + ".WriteCapacityUnits"));
    }

    private RequestUnits requestUnits(JsonNode node, String path) {
        JsonNode throughput = object(node, path);
        if (throughput == null) {
            return RequestUnits.NONE;
        }
        checkFields(throughput, path, ON_DEMAND_THROUGHPUT);
        return new RequestUnits(number(throughput, "MaxReadRequestUnits", path + ".MaxReadRequestUnits"),
                number(throughput, "MaxWriteRequestUnits", path + ".MaxWriteRequestUnits"));
    }

    private void readStream(JsonNode node, DeclaredTable.Builder table) {
        JsonNode stream = object(node, "$.StreamSpecification");
        if (stream == null) {
            return; // no stream, as for CreateTable
        }
        checkFields(stream, "$.StreamSpecification", STREAM);
        Boolean enabled = bool(stream, "StreamEnabled", "$.StreamSpecification.StreamEnabled");
        if (enabled == null && isAbsent(stream.get("StreamEnabled"))) {
            // CreateTable: StreamEnabled is required in a StreamSpecification
            problem("$.StreamSpecification.StreamEnabled", "missing; say true or false");
        }
        table.stream(new StreamSpecification(Boolean.TRUE.equals(enabled), enumValue(StreamViewType.class, stream, "StreamViewType",
                "$.StreamSpecification.StreamViewType")));
    }

    /**
     * Encryption at rest as CreateTable reads SSESpecification. The API reference (SSESpecification.Enabled):
     * "If enabled (true), server-side encryption type is set to KMS and an AWS managed key is used ... If
     * disabled (false) or not specified, server-side encryption is set to AWS owned key"; a KMSMasterKeyId
     * names another key. What the reference leaves out, as DynamoDB answers it: {@code "SSEType": "KMS"}
     * without Enabled is KMS too; SSEType or KMSMasterKeyId next to {@code "Enabled": false}, a KMSMasterKeyId
     * without {@code "SSEType": "KMS"}, and SSEType AES256 are refused.
     */
    private void readEncryption(JsonNode node, DeclaredTable.Builder table) {
        String path = "$.SSESpecification";
        JsonNode sse = object(node, path);
        if (sse == null) {
            return;
        }
        checkFields(sse, path, SSE);
        Boolean enabled = bool(sse, "Enabled", path + ".Enabled");
        String type = text(sse, "SSEType", path + ".SSEType");
        String key = text(sse, "KMSMasterKeyId", path + ".KMSMasterKeyId");
        if (Boolean.FALSE.equals(enabled)) {
            if (type != null) {
                problem(path + ".SSEType", "given with \"Enabled\": false, which DynamoDB refuses (\"SSEType can not"
                        + " be specified if Enabled is false\"); remove it for an AWS owned key, or set Enabled to"
                        + " true for KMS");
            } else if (key != null) {
                problem(path + ".KMSMasterKeyId", "given with \"Enabled\": false, which DynamoDB refuses"
                        + " (\"KMSMasterKeyId can not be specified if Enabled is false\"); remove it for an AWS owned"
                        + " key, or set Enabled to true and SSEType to KMS");
            }
            table.encryption(Encryption.AWS_OWNED, null);
            return;
        }
        if (type != null && !type.equals("KMS")) {
            problem(path + ".SSEType", "'" + type + "' is not supported; DynamoDB encrypts with KMS");
            return;
        }
        if (key != null && key.isBlank()) {
            problem(path + ".KMSMasterKeyId", "is empty; give the KMS key's id, ARN or alias, or remove the field for"
                    + " the AWS managed key");
            key = null;
        } else if (key != null && type == null) {
            problem(path + ".KMSMasterKeyId", "needs \"SSEType\": \"KMS\" next to it (DynamoDB: \"SSEType KMS is"
                    + " required if KMSMasterKeyId is specified\"); add it");
        }
        boolean kms = Boolean.TRUE.equals(enabled) || "KMS".equals(type);
        table.encryption(!kms ? Encryption.AWS_OWNED : key == null ? Encryption.AWS_MANAGED
                : Encryption.CUSTOMER_MANAGED, kms ? key : null);
    }

    private void readTimeToLive(JsonNode node, DeclaredTable.Builder table) {
        JsonNode ttl = object(node, "$.TimeToLiveSpecification");
        if (ttl == null) {
            return;
        }
        checkFields(ttl, "$.TimeToLiveSpecification", TIME_TO_LIVE);
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
            checkFields(entries.get(i), path, TAG);
            String key = text(entries.get(i), "Key", path + ".Key");
            JsonNode value = entries.get(i).get("Value");
            if (isAbsent(value)) {
                // CreateTable: a Tag's Value is required (it may be empty)
                problem(path + ".Value", "missing; give the tag a value (\"\" is one)");
            } else if (!value.isTextual()) {
                problem(path + ".Value", "must be a string");
            } else if (key != null && tags.put(key, value.asText()) != null) {
                problem(path, "the tag '" + key + "' is given twice; give each key once");
            }
        }
        return tags;
    }

    // ---- typed access, reporting the JSON path of what is missing or of the wrong type ----

    /** Fields that a table file must give where their parent is given; DynamoDB's rules say the rest. */
    private static final Set<String> REQUIRED = Set.of("AttributeName", "AttributeType", "KeyType", "Key");

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    private String text(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (isAbsent(value)) {
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
        if (isAbsent(value)) {
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
        if (isAbsent(value)) {
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
    private List<JsonNode> array(JsonNode node, String path) {
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

    private void problem(String path, String message) {
        problems.add(new ConfigurationProblem(subject, path, message, origin.placeOf(path)));
    }
}
