package io.github.dynamosetup.declaration.json;

import static io.github.dynamosetup.declaration.json.JsonFields.isAbsent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.json.JsonFields.Shape;
import io.github.dynamosetup.declaration.json.KeySchemaReader.KeySchemaOf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads a table file: the JSON that {@code aws dynamodb create-table --cli-input-json} takes, plus
 * {@code TimeToLiveSpecification} (as in {@code update-time-to-live}),
 * {@code PointInTimeRecoverySpecification} (as in {@code update-continuous-backups}) and
 * {@code ContributorInsightsSpecification} (as in CloudFormation: {@code {"Enabled": true}}, set with
 * {@code update-contributor-insights}; see {@code JsonFields.contributorInsights}), and dynamo-setup's own
 * {@code AutoScaling} (on the table and on each global secondary index) and {@code Replicas}.
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
 *
 * <p>This class reads the table's own sections (name, table class, stream, encryption, TTL, point-in-time
 * recovery, contributor insights, tags); {@code KeySchemaReader}, {@code SecondaryIndexReader} and
 * {@code BillingReader} read the others, all through one {@code JsonFields}, which holds the file's problems.
 */
public final class TableFileReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Shape ROOT = new Shape("a table file", "TableName", "AttributeDefinitions",
            "KeySchema", "LocalSecondaryIndexes", "GlobalSecondaryIndexes", "BillingMode", "ProvisionedThroughput",
            "OnDemandThroughput", "StreamSpecification", "SSESpecification", "Tags", "TableClass",
            "DeletionProtectionEnabled", "ResourcePolicy", "TimeToLiveSpecification",
            "PointInTimeRecoverySpecification", "WarmThroughput", "ContributorInsightsSpecification", "AutoScaling",
            "Replicas")
            .notSupported("GlobalTableSourceArn",
                    "GlobalTableSettingsReplicationMode");
    private static final Shape STREAM = new Shape("StreamSpecification", "StreamEnabled", "StreamViewType");
    private static final Shape SSE = new Shape("SSESpecification", "Enabled", "SSEType", "KMSMasterKeyId");
    private static final Shape REPLICA = new Shape("a replica", "RegionName");

    /**
     * What a file holds: the table (when the file could be read at all) and the problems of its format, each
     * once and at its {@link io.github.dynamosetup.declaration.Place}; DynamoDB's rules are not applied yet.
     */
    public record Result(DeclaredTable table, List<ConfigurationProblem> problems) {}

    private final JsonOrigin origin;
    private final JsonFields json;
    private final KeySchemaReader keySchemas;
    private final BillingReader billing;
    private final SecondaryIndexReader indexes;
    private final TableSectionReader sections;

    private TableFileReader(String displayName) {
        this.origin = new JsonOrigin(displayName);
        this.json = new JsonFields(origin);
        this.keySchemas = new KeySchemaReader(json);
        this.billing = new BillingReader(json);
        this.indexes = new SecondaryIndexReader(json, keySchemas, billing);
        this.sections = new TableSectionReader(json);
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
            json.problem(at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
            return new Result(null, json.problems());
        } catch (IOException e) {
            json.problem("$", "cannot be read: " + e.getMessage());
            return new Result(null, json.problems());
        }
        if (root == null || !root.isObject()) {
            json.problem("$", "must hold one JSON object, the input of aws dynamodb create-table --cli-input-json");
            return new Result(null, json.problems());
        }
        String name = json.text(root, "TableName", "$.TableName");
        String fullName = name == null ? null : tableName.apply(name);
        json.nameTable(fullName);
        json.checkFields(root, "$", ROOT);
        keySchemas.readAttributeDefinitions(root.get("AttributeDefinitions"));

        DeclaredTable.Builder table = DeclaredTable.builder(origin, fullName).declaredName(name);
        KeySchemaReader.Keys keys = keySchemas.keySchema(root.get("KeySchema"), "$.KeySchema", KeySchemaOf.TABLE);
        table.partitionKey(keys.partitionKey()).sortKey(keys.sortKey());
        table.billingMode(billing.billingMode(root));
        indexes.readGlobalIndexes(root.get("GlobalSecondaryIndexes"), table);
        indexes.readLocalIndexes(root.get("LocalSecondaryIndexes"), table, keys.partitionKey());
        keySchemas.reportUnusedDefinitions(root.get("AttributeDefinitions"));

        billing.readTableThroughput(root, table);
        table.autoScaling(billing.autoScaling(root.get("AutoScaling"), "$.AutoScaling"));
        sections.readTableSettings(root, table);
        readStream(root.get("StreamSpecification"), table);
        readEncryption(root.get("SSESpecification"), table);
        sections.timeToLive(root.get("TimeToLiveSpecification"), table);
        sections.pointInTimeRecovery(root.get("PointInTimeRecoverySpecification"), table);
        table.replicaRegions(replicas(root.get("Replicas")));
        readResourcePolicy(root.get("ResourcePolicy"), table);
        table.tags(globalTags).tags(sections.tags(root.get("Tags")));
        return new Result(table.build(), json.problems());
    }

    private void readStream(JsonNode node, DeclaredTable.Builder table) {
        JsonNode stream = json.object(node, "$.StreamSpecification");
        if (stream == null) {
            return; // no stream, as for CreateTable
        }
        json.checkFields(stream, "$.StreamSpecification", STREAM);
        Boolean enabled = json.bool(stream, "StreamEnabled", "$.StreamSpecification.StreamEnabled");
        if (enabled == null && isAbsent(stream.get("StreamEnabled"))) {
            // CreateTable: StreamEnabled is required in a StreamSpecification
            json.problem("$.StreamSpecification.StreamEnabled", "missing; say true or false");
        }
        table.stream(new StreamSpecification(Boolean.TRUE.equals(enabled), json.enumValue(StreamViewType.class,
                stream, "StreamViewType", "$.StreamSpecification.StreamViewType")));
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
        JsonNode sse = json.object(node, path);
        if (sse == null) {
            return;
        }
        json.checkFields(sse, path, SSE);
        Boolean enabled = json.bool(sse, "Enabled", path + ".Enabled");
        String type = json.text(sse, "SSEType", path + ".SSEType");
        String key = json.text(sse, "KMSMasterKeyId", path + ".KMSMasterKeyId");
        if (Boolean.FALSE.equals(enabled)) {
            if (type != null) {
                json.problem(path + ".SSEType", "given with \"Enabled\": false, which DynamoDB refuses (\"SSEType"
                        + " can not be specified if Enabled is false\"); remove it for an AWS owned key, or set Enabled"
                        + " to true for KMS");
            } else if (key != null) {
                json.problem(path + ".KMSMasterKeyId", "given with \"Enabled\": false, which DynamoDB refuses"
                        + " (\"KMSMasterKeyId can not be specified if Enabled is false\"); remove it for an AWS owned"
                        + " key, or set Enabled to true and SSEType to KMS");
            }
            table.encryption(Encryption.AWS_OWNED, null);
            return;
        }
        if (type != null && !type.equals("KMS")) {
            json.problem(path + ".SSEType", "'" + type + "' is not supported; DynamoDB encrypts with KMS");
            return;
        }
        if (key != null && key.isBlank()) {
            json.problem(path + ".KMSMasterKeyId", "is empty; give the KMS key's id, ARN or alias, or remove the"
                    + " field for the AWS managed key");
            key = null;
        } else if (key != null && type == null) {
            json.problem(path + ".KMSMasterKeyId", "needs \"SSEType\": \"KMS\" next to it (DynamoDB: \"SSEType KMS"
                    + " is required if KMSMasterKeyId is specified\"); add it");
        }
        boolean kms = Boolean.TRUE.equals(enabled) || "KMS".equals(type);
        table.encryption(!kms ? Encryption.AWS_OWNED : key == null ? Encryption.AWS_MANAGED
                : Encryption.CUSTOMER_MANAGED, kms ? key : null);
    }

    /**
     * ResourcePolicy as create-table takes it: the policy document as a JSON string (its line and column are those
     * in that string).
     */
    private void readResourcePolicy(JsonNode node, DeclaredTable.Builder table) {
        if (isAbsent(node)) {
            return;
        }
        if (!node.isTextual()) {
            json.problem("$.ResourcePolicy", "must be a string holding the policy document, as create-table takes it:"
                    + " \"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Statement\\\": [...]}\"");
            return;
        }
        String problem = PolicyDocument.problem(node.asText());
        if (problem != null) {
            json.problem("$.ResourcePolicy", "the policy " + problem);
        }
        table.resourcePolicy(ResourcePolicy.inline(node.asText()));
    }

    /**
     * The Replicas of a global table: dynamo-setup's own field (create-table has none; replicas are added with
     * update-table --replica-updates), shaped like CloudFormation's AWS::DynamoDB::GlobalTable Replicas:
     * {@code [{"RegionName": "eu-west-1"}]}.
     */
    private List<String> replicas(JsonNode node) {
        List<String> regions = new ArrayList<>();
        List<JsonNode> entries = json.array(node, "$.Replicas");
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.Replicas[" + i + "]";
            json.checkFields(entries.get(i), path, REPLICA);
            String region = json.text(entries.get(i), "RegionName", path + ".RegionName");
            if (region == null && isAbsent(entries.get(i).get("RegionName"))) {
                json.problem(path + ".RegionName", "missing; name the replica's region, e.g. eu-west-1");
            } else if (region != null) {
                regions.add(region);
            }
        }
        return regions;
    }
}
