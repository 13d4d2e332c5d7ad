package io.github.dynamosetup.declaration.template;

import static io.github.dynamosetup.declaration.json.JsonFields.isAbsent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.Setting;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.declaration.json.BillingReader;
import io.github.dynamosetup.declaration.json.JsonFields;
import io.github.dynamosetup.declaration.json.JsonFields.Notation;
import io.github.dynamosetup.declaration.json.JsonFields.Shape;
import io.github.dynamosetup.declaration.json.KeySchemaReader;
import io.github.dynamosetup.declaration.json.KeySchemaReader.KeySchemaOf;
import io.github.dynamosetup.declaration.json.PolicyDocument;
import io.github.dynamosetup.declaration.json.SecondaryIndexReader;
import io.github.dynamosetup.declaration.json.SecondaryIndexReader.IndexThroughput;
import io.github.dynamosetup.declaration.json.TableSectionReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a table resource of a template, its properties resolved ({@link TemplateResource}), into a
 * {@link DeclaredTable}, with CloudFormation's defaults. Every problem names the file, the logical ID and the
 * property ({@link TemplateOrigin}); all of a resource's problems come at once. What the plugin cannot apply is
 * refused, never dropped: CloudFormation refuses unknown properties too.
 *
 * <ul>
 *   <li>{@code AWS::DynamoDB::Table}
 *       (<a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html">
 *       AWS::DynamoDB::Table</a>): CreateTable's properties, read by the table file's readers, with CloudFormation's
 *       differences: {@code SSESpecification.SSEEnabled} (required) for CreateTable's {@code Enabled};
 *       {@code StreamSpecification} is {@code {StreamViewType}}, present meaning enabled; {@code ResourcePolicy} is
 *       {@code {PolicyDocument}}, an object or a string; numbers and booleans may be strings. Without
 *       {@code BillingMode} it is PROVISIONED, so {@code ProvisionedThroughput} is required.
 *       {@code KinesisStreamSpecification}, {@code ImportSourceSpecification} and
 *       {@code StreamSpecification.ResourcePolicy} are refused.</li>
 *   <li>{@code AWS::Serverless::SimpleTable}
 *       (<a href="https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-simpletable.html">
 *       SAM: AWS::Serverless::SimpleTable</a>): {@code PrimaryKey} {@code {Name, Type}} (String, Number or Binary;
 *       "If not provided, the primary key will be a String with a value of id"), {@code ProvisionedThroughput}
 *       ("If ProvisionedThroughput is not specified BillingMode will be specified as PAY_PER_REQUEST"),
 *       {@code SSESpecification}, {@code TableName}, {@code Tags} (a map), {@code PointInTimeRecoverySpecification}.</li>
 *   <li>{@code AWS::DynamoDB::GlobalTable}
 *       (<a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-globaltable.html">
 *       AWS::DynamoDB::GlobalTable</a>): the replica whose {@code Region} is the region the plugin works in gives
 *       the per-replica settings; the others' regions become the table's replicas. Its billing is PROVISIONED
 *       by default, with write capacity managed by auto scaling
 *       ({@code WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings}) and read capacity per replica
 *       ({@code ReadProvisionedThroughputSettings}: {@code ReadCapacityUnits} or
 *       {@code ReadCapacityAutoScalingSettings}); auto scaling maps to the plugin's, the capacity a table is created
 *       with being the {@code SeedCapacity}, else the {@code MinCapacity}.</li>
 * </ul>
 *
 * <p>A table without {@code TableName} is named after its logical ID. The declared name of every template table
 * is its logical ID: exported properties ({@code dynamo-setup.table.<LogicalId>.name}) and seed's item files name
 * it so.
 */
public final class TemplateTableReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final Shape TABLE = new Shape("the resource", "AttributeDefinitions", "BillingMode",
            "ContributorInsightsSpecification", "DeletionProtectionEnabled", "GlobalSecondaryIndexes",
            "ImportSourceSpecification", "KeySchema", "KinesisStreamSpecification", "LocalSecondaryIndexes",
            "OnDemandThroughput", "PointInTimeRecoverySpecification", "ProvisionedThroughput", "ResourcePolicy",
            "SSESpecification", "StreamSpecification", "TableClass", "TableName", "Tags", "TimeToLiveSpecification",
            "WarmThroughput");
    private static final Shape TABLE_STREAM = new Shape("StreamSpecification", "StreamViewType", "ResourcePolicy");
    private static final Shape TABLE_SSE = new Shape("SSESpecification", "SSEEnabled", "SSEType", "KMSMasterKeyId");
    private static final Shape RESOURCE_POLICY = new Shape("ResourcePolicy", "PolicyDocument");

    private static final Shape SIMPLE_TABLE = new Shape("the resource", "PrimaryKey",
            "ProvisionedThroughput", "SSESpecification", "TableName", "Tags", "PointInTimeRecoverySpecification");
    private static final Shape PRIMARY_KEY = new Shape("PrimaryKey", "Name", "Type");
    private static final Shape SIMPLE_SSE = new Shape("SSESpecification", "SSEEnabled");

    private static final Shape GLOBAL_TABLE = new Shape("the resource", "AttributeDefinitions",
            "BillingMode", "GlobalSecondaryIndexes", "KeySchema", "LocalSecondaryIndexes", "Replicas",
            "SSESpecification", "StreamSpecification", "TableName", "TimeToLiveSpecification", "WarmThroughput",
            "WriteOnDemandThroughputSettings", "WriteProvisionedThroughputSettings")
            .notSupported("GlobalTableWitnesses", "MultiRegionConsistency", "GlobalTableSourceArn",
                    "GlobalTableSettingsReplicationMode");
    private static final Shape GLOBAL_STREAM = new Shape("StreamSpecification", "StreamViewType");
    private static final Shape GLOBAL_SSE = new Shape("SSESpecification", "SSEEnabled", "SSEType");
    private static final Shape GLOBAL_INDEX = new Shape("a global secondary index of an AWS::DynamoDB::GlobalTable",
            "IndexName", "KeySchema", "Projection", "WriteProvisionedThroughputSettings",
            "WriteOnDemandThroughputSettings", "WarmThroughput");
    private static final Shape REPLICA = new Shape("a replica", "Region", "ContributorInsightsSpecification",
            "DeletionProtectionEnabled", "GlobalSecondaryIndexes", "KinesisStreamSpecification",
            "PointInTimeRecoverySpecification", "ReadOnDemandThroughputSettings", "ReadProvisionedThroughputSettings",
            "ReplicaStreamSpecification", "ResourcePolicy", "SSESpecification", "TableClass", "Tags")
            .notSupported("GlobalTableSettingsReplicationMode");
    private static final Shape REPLICA_INDEX = new Shape("a replica's global secondary index", "IndexName",
            "ContributorInsightsSpecification", "ReadOnDemandThroughputSettings", "ReadProvisionedThroughputSettings");
    private static final Shape REPLICA_SSE = new Shape("a replica's SSESpecification", "KMSMasterKeyId");
    private static final Shape WRITE_PROVISIONED = new Shape("WriteProvisionedThroughputSettings",
            "WriteCapacityAutoScalingSettings");
    private static final Shape READ_PROVISIONED = new Shape("ReadProvisionedThroughputSettings",
            "ReadCapacityUnits", "ReadCapacityAutoScalingSettings");
    private static final Shape WRITE_ON_DEMAND = new Shape("WriteOnDemandThroughputSettings", "MaxWriteRequestUnits");
    private static final Shape READ_ON_DEMAND = new Shape("ReadOnDemandThroughputSettings", "MaxReadRequestUnits");
    private static final Shape CAPACITY_AUTO_SCALING = new Shape("CapacityAutoScalingSettings", "MinCapacity",
            "MaxCapacity", "SeedCapacity", "TargetTrackingScalingPolicyConfiguration");
    private static final Shape TARGET_TRACKING = new Shape("TargetTrackingScalingPolicyConfiguration", "TargetValue")
            .notSupported("DisableScaleIn", "ScaleInCooldown", "ScaleOutCooldown");

    /** What a resource declares: its table (null when it could not be read at all) and its problems. */
    public record Result(DeclaredTable table, List<ConfigurationProblem> problems) {}

    private final TemplateResource resource;
    private final TemplateOrigin origin;
    private final JsonFields json;
    private final KeySchemaReader keySchemas;
    private final BillingReader billing;
    private final SecondaryIndexReader indexes;
    private final TableSectionReader sections;
    /** The paths of the values the resolution left out, as messages show them. */
    private final List<String> unresolved;

    private TemplateTableReader(TemplateResource resource, TemplateOrigin origin, String fieldsOf,
            List<String> unresolved) {
        this.resource = resource;
        this.origin = origin;
        this.unresolved = unresolved;
        this.json = new JsonFields(origin, origin::placeOf, new Notation(origin.root(), fieldsOf,
                "an " + resource.type() + " without BillingMode is PROVISIONED (CloudFormation's default)", true,
                Set.of("AutoScaling")));
        this.keySchemas = new KeySchemaReader(json);
        this.billing = new BillingReader(json);
        this.indexes = new SecondaryIndexReader(json, keySchemas, billing);
        this.sections = new TableSectionReader(json);
    }

    /**
     * @param resource the resource, its properties resolved
     * @param file the template, as messages name it (relative to the project)
     * @param region the region the plugin works in, which picks a global table's replica
     * @param tableName turns the TableName (or the logical ID) into the full name (prefix and suffix)
     * @param globalTags tags every table gets; the resource's own Tags add to and override them
     * @param resolutionProblems the template's problems of resolution: the values they concern were left out
     */
    public static Result read(TemplateResource resource, String file, String region, UnaryOperator<String> tableName,
            Map<String, String> globalTags, List<TemplateProblem> resolutionProblems) {
        List<String> unresolved = resolutionProblems.stream()
                .filter(p -> resource.logicalId().equals(p.logicalId()) && p.path() != null)
                .map(TemplateProblem::path).toList();
        return switch (resource.type()) {
            case TemplateResource.SIMPLE_TABLE -> new TemplateTableReader(resource, new TemplateOrigin(file,
                    resource.logicalId(), Map.of(Setting.PARTITION_KEY, "$.PrimaryKey", Setting.KEYS, "$.PrimaryKey",
                            Setting.BILLING_MODE, "$.ProvisionedThroughput")),
                    "AWS::Serverless::SimpleTable in SAM", unresolved).simpleTable(tableName, globalTags);
            case TemplateResource.GLOBAL_TABLE -> new TemplateTableReader(resource, new TemplateOrigin(file,
                    resource.logicalId(), Map.of(Setting.CAPACITY, "$.WriteProvisionedThroughputSettings",
                            Setting.AUTO_SCALING, "$.WriteProvisionedThroughputSettings",
                            Setting.ON_DEMAND_THROUGHPUT, "$.WriteOnDemandThroughputSettings")),
                    "AWS::DynamoDB::GlobalTable in CloudFormation", unresolved).globalTable(region, tableName,
                    globalTags);
            default -> new TemplateTableReader(resource, new TemplateOrigin(file, resource.logicalId()),
                    "AWS::DynamoDB::Table in CloudFormation", unresolved).table(tableName, globalTags);
        };
    }

    /**
     * The builder of the table, named by TableName or else by the logical ID; the declared name is the logical ID.
     * A TableName that could not be resolved leaves the table without a name, not named after its logical ID.
     */
    private DeclaredTable.Builder named(JsonNode root, UnaryOperator<String> tableName) {
        String name = json.text(root, "TableName", "$.TableName");
        String fullName = unresolved.contains(json.at("$.TableName")) ? null
                : tableName.apply(name == null ? resource.logicalId() : name);
        json.nameTable(fullName);
        return DeclaredTable.builder(origin, fullName).declaredName(resource.logicalId());
    }

    /**
     * The table and the problems found reading it, but for those at or within a value the resolution left out: that
     * value is reported already, and not also as missing or as what it held. A problem of a property around it (a
     * KinesisStreamSpecification whose StreamArn is an Fn::GetAtt) stands: it needs fixing as well.
     */
    private Result result(DeclaredTable.Builder table) {
        return new Result(table.build(), json.problems().stream()
                .filter(p -> unresolved.stream().noneMatch(path -> p.element().equals(path)
                        || p.element().startsWith(path + ".") || p.element().startsWith(path + "[")))
                .toList());
    }

    private Result table(UnaryOperator<String> tableName, Map<String, String> globalTags) {
        JsonNode root = resource.properties();
        DeclaredTable.Builder table = named(root, tableName);
        json.checkFields(root, "$", TABLE);
        refuse(root, "$", "KinesisStreamSpecification", "streams the table's changes to a Kinesis data stream, which"
                + " dynamo-setup does not set up; remove it from the tables the plugin creates (a Condition can leave it"
                + " out), or create that stream's destination by other means");
        refuse(root, "$", "ImportSourceSpecification", "creates the table by importing data from S3, which dynamo-setup"
                + " cannot do; remove it, and seed the table with the plugin's itemFiles instead");
        // the billing mode first: without it, every global secondary index needs its ProvisionedThroughput
        table.billingMode(billing.billingMode(root));
        keysAndIndexes(root, table, () -> indexes.readGlobalIndexes(root.get("GlobalSecondaryIndexes"), table));
        billing.readTableThroughput(root, table);
        sections.readTableSettings(root, table);
        stream(root.get("StreamSpecification"), TABLE_STREAM, table);
        encryption(root.get("SSESpecification"), TABLE_SSE, null, table);
        sections.timeToLive(root.get("TimeToLiveSpecification"), table);
        sections.pointInTimeRecovery(root.get("PointInTimeRecoverySpecification"), table);
        resourcePolicy(root.get("ResourcePolicy"), "$.ResourcePolicy", table);
        table.tags(globalTags).tags(sections.tags(root.get("Tags")));
        return result(table);
    }

    /** Reads the attribute definitions, the key schema and the indexes, which must come in this order. */
    private void keysAndIndexes(JsonNode root, DeclaredTable.Builder table, Runnable globalIndexes) {
        keySchemas.readAttributeDefinitions(root.get("AttributeDefinitions"));
        KeySchemaReader.Keys keys = keySchemas.keySchema(root.get("KeySchema"), "$.KeySchema", KeySchemaOf.TABLE);
        table.partitionKey(keys.partitionKey()).sortKey(keys.sortKey());
        globalIndexes.run();
        indexes.readLocalIndexes(root.get("LocalSecondaryIndexes"), table, keys.partitionKey());
        keySchemas.reportUnusedDefinitions(root.get("AttributeDefinitions"));
    }

    /** Reports the field of {@code parent} (at {@code path}) when it is given. */
    private void refuse(JsonNode parent, String path, String field, String message) {
        if (!isAbsent(parent.get(field))) {
            json.problem(path + "." + field, message);
        }
    }

    /**
     * CloudFormation's StreamSpecification: {@code StreamViewType} is required and a stream is on when the property
     * is given (AWS::DynamoDB::Table StreamSpecification). Its {@code ResourcePolicy}, a policy on the stream, is
     * refused: the plugin attaches policies to tables only.
     */
    private void stream(JsonNode node, Shape shape, DeclaredTable.Builder table) {
        String path = "$.StreamSpecification";
        JsonNode stream = json.object(node, path);
        if (stream == null) {
            return;
        }
        json.checkFields(stream, path, shape);
        refuse(stream, path, "ResourcePolicy", "a resource policy on the table's stream, which dynamo-setup does not"
                + " attach (it attaches the table's own ResourcePolicy only); remove it");
        StreamViewType viewType = json.enumValue(StreamViewType.class, stream, "StreamViewType",
                path + ".StreamViewType");
        if (viewType == null && isAbsent(stream.get("StreamViewType"))) {
            json.problem(path + ".StreamViewType", "missing; CloudFormation requires it: give NEW_IMAGE, OLD_IMAGE,"
                    + " NEW_AND_OLD_IMAGES or KEYS_ONLY");
        }
        table.stream(new StreamSpecification(true, viewType));
    }

    /**
     * CloudFormation's SSESpecification: {@code SSEEnabled} (required) true is KMS, with the AWS managed key unless
     * {@code KMSMasterKeyId} names another; false is an AWS owned key (AWS::DynamoDB::Table SSESpecification:
     * "Indicates whether server-side encryption is done using an AWS managed key or an AWS owned key. If enabled
     * (true), server-side encryption type is set to KMS and an AWS managed key is used"). {@code SSEType} is KMS
     * or nothing.
     *
     * @param kmsKey a global table's replica's KMSMasterKeyId, or null
     */
    private void encryption(JsonNode node, Shape shape, String kmsKey, DeclaredTable.Builder table) {
        String path = "$.SSESpecification";
        JsonNode sse = json.object(node, path);
        if (sse == null) {
            return;
        }
        json.checkFields(sse, path, shape);
        Boolean enabled = json.bool(sse, "SSEEnabled", path + ".SSEEnabled");
        if (enabled == null && isAbsent(sse.get("SSEEnabled"))) {
            json.problem(path + ".SSEEnabled", "missing; CloudFormation requires it: true for KMS encryption, false"
                    + " for an AWS owned key");
        }
        String type = shape.fields().contains("SSEType") ? json.text(sse, "SSEType", path + ".SSEType") : null;
        if (type != null && !type.equals("KMS")) {
            json.problem(path + ".SSEType", "'" + type + "' is not supported; DynamoDB encrypts with KMS");
        }
        String key = shape.fields().contains("KMSMasterKeyId")
                ? json.text(sse, "KMSMasterKeyId", path + ".KMSMasterKeyId") : kmsKey;
        if (!Boolean.TRUE.equals(enabled)) {
            if (key != null && Boolean.FALSE.equals(enabled)) {
                json.problem(path + ".KMSMasterKeyId", "given with SSEEnabled false, which DynamoDB refuses; remove"
                        + " it for an AWS owned key, or set SSEEnabled to true");
            }
            table.encryption(Encryption.AWS_OWNED, null);
            return;
        }
        table.encryption(key == null ? Encryption.AWS_MANAGED : Encryption.CUSTOMER_MANAGED, key);
    }

    /**
     * CloudFormation's ResourcePolicy: {@code {PolicyDocument: ...}}, the document an object ("In a CloudFormation
     * template, you can provide the policy in JSON or YAML format because CloudFormation converts YAML to JSON
     * before submitting it to DynamoDB", AWS::DynamoDB::Table ResourcePolicy) or a string of JSON.
     */
    private void resourcePolicy(JsonNode node, String path, DeclaredTable.Builder table) {
        JsonNode policy = json.object(node, path);
        if (policy == null) {
            return;
        }
        json.checkFields(policy, path, RESOURCE_POLICY);
        JsonNode document = policy.get("PolicyDocument");
        String documentPath = path + ".PolicyDocument";
        if (isAbsent(document)) {
            json.problem(documentPath, "missing; give the policy document (an object, or a string of JSON)");
            return;
        }
        String text;
        if (document.isTextual()) {
            text = document.asText();
        } else if (document.isObject()) {
            try {
                text = JSON.writeValueAsString(document);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serializes", e);
            }
        } else {
            json.problem(documentPath, "must be the policy document: an object, or a string of JSON");
            return;
        }
        String problem = PolicyDocument.problem(text);
        if (problem != null) {
            json.problem(documentPath, "the policy " + problem);
        }
        table.resourcePolicy(ResourcePolicy.inline(text));
    }

    // AWS::Serverless::SimpleTable

    private Result simpleTable(UnaryOperator<String> tableName, Map<String, String> globalTags) {
        JsonNode root = resource.properties();
        DeclaredTable.Builder table = named(root, tableName);
        json.checkFields(root, "$", SIMPLE_TABLE);
        table.partitionKey(primaryKey(root.get("PrimaryKey")));
        if (isAbsent(root.get("ProvisionedThroughput"))) {
            table.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            table.billingMode(BillingMode.PROVISIONED)
                    .capacity(billing.capacity(root.get("ProvisionedThroughput"), "$.ProvisionedThroughput"));
        }
        encryption(root.get("SSESpecification"), SIMPLE_SSE, null, table);
        sections.pointInTimeRecovery(root.get("PointInTimeRecoverySpecification"), table);
        table.tags(globalTags).tags(tagMap(root.get("Tags"), "$.Tags"));
        return result(table);
    }

    /** SAM's PrimaryKey: {@code {Name, Type}}, Type String, Number or Binary; an {@code id} String without it. */
    private KeyAttribute primaryKey(JsonNode node) {
        String path = "$.PrimaryKey";
        JsonNode key = json.object(node, path);
        if (isAbsent(node)) {
            return new KeyAttribute("id", AttributeType.S);
        }
        if (key == null) {
            return null;
        }
        json.checkFields(key, path, PRIMARY_KEY);
        String name = json.text(key, "Name", path + ".Name");
        String type = json.text(key, "Type", path + ".Type");
        AttributeType attributeType = null;
        if (type == null && isAbsent(key.get("Type"))) {
            json.problem(path + ".Type", "missing; SAM requires it: String, Number or Binary");
        } else if (type != null) {
            attributeType = switch (type) {
                case "String" -> AttributeType.S;
                case "Number" -> AttributeType.N;
                case "Binary" -> AttributeType.B;
                default -> {
                    json.problem(path + ".Type", "'" + type + "' is not one of String, Number, Binary");
                    yield null;
                }
            };
        }
        return new KeyAttribute(name == null ? "id" : name, attributeType == null ? AttributeType.S : attributeType);
    }

    /** Tags as a map of key to value, as SAM writes them. */
    private Map<String, String> tagMap(JsonNode node, String path) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode map = json.object(node, path);
        if (map == null) {
            return tags;
        }
        map.properties().forEach(tag -> {
            if (tag.getValue().isTextual()) {
                tags.put(tag.getKey(), tag.getValue().asText());
            } else {
                json.problem(path + "." + tag.getKey(), "must be a string");
            }
        });
        return tags;
    }

    // AWS::DynamoDB::GlobalTable

    private Result globalTable(String region, UnaryOperator<String> tableName, Map<String, String> globalTags) {
        JsonNode root = resource.properties();
        DeclaredTable.Builder table = named(root, tableName);
        json.checkFields(root, "$", GLOBAL_TABLE);
        Replica replica = replicas(root.get("Replicas"), region, table);
        // AWS::DynamoDB::GlobalTable BillingMode: "If you use PROVISIONED billing mode, you must provide an auto
        // scaling configuration via the WriteProvisionedThroughputSettings property. The default value of this
        // property is PROVISIONED."
        BillingMode billingMode = json.enumValue(BillingMode.class, root, "BillingMode", "$.BillingMode");
        boolean provisioned = billingMode != BillingMode.PAY_PER_REQUEST;
        table.billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        keysAndIndexes(root, table, () -> indexes.readGlobalIndexes(root.get("GlobalSecondaryIndexes"), table,
                GLOBAL_INDEX, (index, path, name) -> globalIndexThroughput(index, path, name, replica, provisioned)));
        Throughput throughput = throughput(root, "$", replica.node(), replica.path(), provisioned);
        table.capacity(throughput.capacity()).autoScaling(throughput.autoScaling())
                .onDemandThroughput(throughput.onDemand())
                .warmThroughput(billing.warmThroughput(root.get("WarmThroughput"), "$.WarmThroughput"));
        stream(root.get("StreamSpecification"), GLOBAL_STREAM, table);
        sections.timeToLive(root.get("TimeToLiveSpecification"), table);
        String kmsKey = replicaKmsKey(replica);
        if (kmsKey != null && isAbsent(root.get("SSESpecification"))) {
            json.problem(replica.path() + ".SSESpecification.KMSMasterKeyId", "a KMS key without the table's"
                    + " SSESpecification; add SSESpecification: {SSEEnabled: true, SSEType: KMS} to the table, or"
                    + " remove the key");
        }
        encryption(root.get("SSESpecification"), GLOBAL_SSE, kmsKey, table);
        table.tags(globalTags);
        replicaSettings(replica, table);
        return result(table);
    }

    /** The replica of the plugin's region: its object and path, or none ({@code node} null). */
    private record Replica(JsonNode node, String path) {}

    /**
     * Finds the replica of {@code region} and adds the others' regions to the table's replicas. CloudFormation
     * requires one in the stack's region (GlobalTable Replicas: "The list must contain at least one element, the
     * region where the stack defining the global table is deployed").
     */
    private Replica replicas(JsonNode node, String region, DeclaredTable.Builder table) {
        List<JsonNode> entries = json.array(node, "$.Replicas");
        if (isAbsent(node)) {
            json.problem("$.Replicas", "missing; CloudFormation requires a replica in the stack's region, here "
                    + region);
        }
        Replica own = new Replica(null, null);
        List<String> regions = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "$.Replicas[" + i + "]";
            json.checkFields(entries.get(i), path, REPLICA);
            String replicaRegion = json.text(entries.get(i), "Region", path + ".Region");
            if (replicaRegion == null && isAbsent(entries.get(i).get("Region"))) {
                json.problem(path + ".Region", "missing; name the replica's region, e.g. eu-west-1");
            } else if (replicaRegion != null) {
                regions.add(replicaRegion);
                if (replicaRegion.equals(region) && own.node() == null) {
                    own = new Replica(entries.get(i), path);
                } else {
                    others.add(replicaRegion);
                }
            }
        }
        if (own.node() == null && !isAbsent(node)) {
            json.problem("$.Replicas", "has no replica in " + region + ", the region the plugin works in"
                    + (regions.isEmpty() ? "" : " (it has " + String.join(", ", regions) + ")") + "; CloudFormation"
                    + " requires one in the stack's region: set the plugin's region to one of the replicas' regions,"
                    + " or add a replica for " + region);
        }
        table.replicaRegions(others);
        return own;
    }

    private static String replicaKmsKey(Replica replica) {
        if (replica.node() == null) {
            return null;
        }
        JsonNode sse = replica.node().get("SSESpecification");
        JsonNode key = sse == null ? null : sse.get("KMSMasterKeyId");
        return key != null && key.isTextual() ? key.asText() : null;
    }

    /** The settings a global table gives per replica, from the replica of the plugin's region. */
    private void replicaSettings(Replica replica, DeclaredTable.Builder table) {
        JsonNode node = replica.node();
        if (node == null) {
            return;
        }
        String path = replica.path();
        refuse(node, path, "KinesisStreamSpecification", "streams the replica's changes to a Kinesis data stream,"
                + " which dynamo-setup does not set up; remove it");
        refuse(node, path, "ReplicaStreamSpecification", "a resource policy on the replica's stream, which"
                + " dynamo-setup does not attach; remove it");
        JsonNode sse = json.object(node.get("SSESpecification"), path + ".SSESpecification");
        if (sse != null) {
            json.checkFields(sse, path + ".SSESpecification", REPLICA_SSE);
        }
        table.contributorInsights(json.contributorInsights(node.get("ContributorInsightsSpecification"),
                        path + ".ContributorInsightsSpecification"))
                .deletionProtection(Boolean.TRUE.equals(json.bool(node, "DeletionProtectionEnabled",
                        path + ".DeletionProtectionEnabled")))
                .tableClass(json.enumValue(TableClass.class, node, "TableClass", path + ".TableClass"));
        sections.pointInTimeRecovery(node.get("PointInTimeRecoverySpecification"),
                path + ".PointInTimeRecoverySpecification", table);
        resourcePolicy(node.get("ResourcePolicy"), path + ".ResourcePolicy", table);
        table.tags(sections.tags(node.get("Tags"), path + ".Tags"));
    }

    /** Capacity, its auto scaling and on-demand limits, of the table or of an index. */
    private record Throughput(Capacity capacity, AutoScaling autoScaling, RequestUnits onDemand) {}

    /**
     * A global table's throughput, of the table or of one index: writes from {@code writes} (the table, or the
     * index in the table's GlobalSecondaryIndexes), reads from {@code reads} (the replica, or the index in the
     * replica's GlobalSecondaryIndexes). PROVISIONED: write capacity managed by auto scaling
     * (GlobalTable WriteProvisionedThroughputSettings: "This setting must be specified if BillingMode is set to
     * PROVISIONED"), read capacity as units or auto scaled; PAY_PER_REQUEST: request unit limits.
     */
    private Throughput throughput(JsonNode writes, String writesPath, JsonNode reads, String readsPath,
            boolean provisioned) {
        String writePath = writesPath + ".WriteProvisionedThroughputSettings";
        String writeOnDemandPath = writesPath + ".WriteOnDemandThroughputSettings";
        JsonNode writeSettings = json.object(writes.get("WriteProvisionedThroughputSettings"), writePath);
        JsonNode writeOnDemand = json.object(writes.get("WriteOnDemandThroughputSettings"), writeOnDemandPath);
        String readPath = readsPath + ".ReadProvisionedThroughputSettings";
        String readOnDemandPath = readsPath + ".ReadOnDemandThroughputSettings";
        JsonNode readSettings = reads == null ? null
                : json.object(reads.get("ReadProvisionedThroughputSettings"), readPath);
        JsonNode readOnDemand = reads == null ? null
                : json.object(reads.get("ReadOnDemandThroughputSettings"), readOnDemandPath);
        if (!provisioned) {
            if (writeSettings != null) {
                json.problem(writePath, "is for PROVISIONED billing; remove it, or set BillingMode to PROVISIONED");
            }
            if (readSettings != null) {
                json.problem(readPath, "is for PROVISIONED billing; remove it, or set BillingMode to PROVISIONED");
            }
            Long maxWrite = null;
            Long maxRead = null;
            if (writeOnDemand != null) {
                json.checkFields(writeOnDemand, writeOnDemandPath, WRITE_ON_DEMAND);
                maxWrite = json.number(writeOnDemand, "MaxWriteRequestUnits", writeOnDemandPath + ".MaxWriteRequestUnits");
            }
            if (readOnDemand != null) {
                json.checkFields(readOnDemand, readOnDemandPath, READ_ON_DEMAND);
                maxRead = json.number(readOnDemand, "MaxReadRequestUnits", readOnDemandPath + ".MaxReadRequestUnits");
            }
            return new Throughput(Capacity.NONE, AutoScaling.NONE,
                    maxRead == null && maxWrite == null ? RequestUnits.NONE : new RequestUnits(maxRead, maxWrite));
        }
        if (writeOnDemand != null) {
            json.problem(writeOnDemandPath, "is for PAY_PER_REQUEST billing; remove it, or set BillingMode to"
                    + " PAY_PER_REQUEST");
        }
        if (readOnDemand != null) {
            json.problem(readOnDemandPath, "is for PAY_PER_REQUEST billing; remove it, or set BillingMode to"
                    + " PAY_PER_REQUEST");
        }
        Scaled write = null;
        if (writeSettings == null) {
            json.problem(writePath, "missing; a global table without BillingMode is PROVISIONED (CloudFormation's"
                    + " default), and then its write capacity is managed by auto scaling: add"
                    + " WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings (MinCapacity, MaxCapacity,"
                    + " TargetTrackingScalingPolicyConfiguration.TargetValue), or set BillingMode to PAY_PER_REQUEST");
        } else {
            json.checkFields(writeSettings, writePath, WRITE_PROVISIONED);
            String scalingPath = writePath + ".WriteCapacityAutoScalingSettings";
            if (isAbsent(writeSettings.get("WriteCapacityAutoScalingSettings"))) {
                json.problem(scalingPath, "missing; a PROVISIONED global table's write capacity is managed by auto"
                        + " scaling: give MinCapacity, MaxCapacity and TargetTrackingScalingPolicyConfiguration");
            }
            write = scaled(writeSettings.get("WriteCapacityAutoScalingSettings"), scalingPath);
        }
        Scaled read = null;
        Long readUnits = null;
        if (readSettings == null && reads != null) {
            json.problem(readPath, "missing; a PROVISIONED global table's replica needs its read capacity: give"
                    + " ReadCapacityUnits, or ReadCapacityAutoScalingSettings");
        } else if (readSettings != null) {
            json.checkFields(readSettings, readPath, READ_PROVISIONED);
            readUnits = json.number(readSettings, "ReadCapacityUnits", readPath + ".ReadCapacityUnits");
            read = scaled(readSettings.get("ReadCapacityAutoScalingSettings"),
                    readPath + ".ReadCapacityAutoScalingSettings");
            if (readUnits != null && read != null) {
                json.problem(readPath, "gives both ReadCapacityUnits and ReadCapacityAutoScalingSettings; give one");
            }
        }
        return new Throughput(new Capacity(read != null ? read.capacity() : readUnits,
                write == null ? null : write.capacity()),
                new AutoScaling(read == null ? null : read.dimension(), write == null ? null : write.dimension()),
                RequestUnits.NONE);
    }

    /** Auto scaling of one dimension, and the capacity the table is created with. */
    private record Scaled(AutoScaling.Dimension dimension, Long capacity) {}

    /**
     * CapacityAutoScalingSettings: MinCapacity, MaxCapacity, TargetTrackingScalingPolicyConfiguration.TargetValue
     * (the utilization, in percent) map to the plugin's auto scaling (GlobalTable CapacityAutoScalingSettings). The
     * table is created with SeedCapacity, the capacity CloudFormation gives a table "until CloudFormation creates the
     * autoscaling policies you configured", or else with MinCapacity, which auto scaling would move any lower
     * capacity up to. DisableScaleIn and the cooldowns have no counterpart and are refused.
     */
    private Scaled scaled(JsonNode node, String path) {
        JsonNode scaling = json.object(node, path);
        if (scaling == null) {
            return null;
        }
        json.checkFields(scaling, path, CAPACITY_AUTO_SCALING);
        Long min = json.number(scaling, "MinCapacity", path + ".MinCapacity");
        Long max = json.number(scaling, "MaxCapacity", path + ".MaxCapacity");
        Long seed = json.number(scaling, "SeedCapacity", path + ".SeedCapacity");
        String trackingPath = path + ".TargetTrackingScalingPolicyConfiguration";
        JsonNode tracking = json.object(scaling.get("TargetTrackingScalingPolicyConfiguration"), trackingPath);
        Double target = null;
        if (tracking == null && isAbsent(scaling.get("TargetTrackingScalingPolicyConfiguration"))) {
            json.problem(trackingPath, "missing; give TargetValue, the utilization (in percent) to keep");
        } else if (tracking != null) {
            json.checkFields(tracking, trackingPath, TARGET_TRACKING);
            target = json.decimal(tracking, "TargetValue", trackingPath + ".TargetValue");
        }
        return new Scaled(new AutoScaling.Dimension(min, max, target), seed != null ? seed : min);
    }

    /**
     * A global table's index: its write settings in the table's GlobalSecondaryIndexes, its read settings and
     * contributor insights in the replica's entry of the same IndexName.
     */
    private IndexThroughput globalIndexThroughput(JsonNode index, String path, String name, Replica replica,
            boolean provisioned) {
        JsonNode replicaIndex = null;
        String replicaIndexPath = null;
        if (replica.node() != null) {
            List<JsonNode> replicaIndexes = json.array(replica.node().get("GlobalSecondaryIndexes"),
                    replica.path() + ".GlobalSecondaryIndexes");
            for (int i = 0; i < replicaIndexes.size(); i++) {
                JsonNode candidate = replicaIndexes.get(i);
                if (name != null && candidate.path("IndexName").asText("").equals(name)) {
                    replicaIndex = candidate;
                    replicaIndexPath = replica.path() + ".GlobalSecondaryIndexes[" + i + "]";
                    json.checkFields(candidate, replicaIndexPath, REPLICA_INDEX);
                }
            }
        }
        Throughput throughput = replicaIndex == null && provisioned
                ? throughputWithoutReads(index, path)
                : throughput(index, path, replicaIndex, replicaIndexPath, provisioned);
        return new IndexThroughput(throughput.capacity(), throughput.autoScaling(), throughput.onDemand(),
                billing.warmThroughput(index.get("WarmThroughput"), path + ".WarmThroughput"),
                replicaIndex == null ? null : json.contributorInsights(
                        replicaIndex.get("ContributorInsightsSpecification"),
                        replicaIndexPath + ".ContributorInsightsSpecification"));
    }

    /** A PROVISIONED index that the replica does not list: its reads have no settings, which is refused. */
    private Throughput throughputWithoutReads(JsonNode index, String path) {
        json.problem(path, "the replica of the plugin's region gives this index no ReadProvisionedThroughputSettings;"
                + " a PROVISIONED global table's index needs its read capacity: add an entry with its IndexName to"
                + " the replica's GlobalSecondaryIndexes");
        return throughput(index, path, null, null, true);
    }
}
