package io.github.dynamosetup.core;

import io.github.dynamosetup.core.LiveTable.Value;
import io.github.dynamosetup.core.LiveTable.Value.Part;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Reads a table's live state with read-only calls: DescribeTable, DescribeTimeToLive, ListTagsOfResource
 * when tags are declared, DescribeContinuousBackups when point-in-time recovery is declared,
 * DescribeContributorInsights for the table and for each existing global secondary index that declares
 * contributor insights (true or false), GetResourcePolicy when a resource policy is declared, and Application
 * Auto Scaling's DescribeScalableTargets and DescribeScalingPolicies where {@link #scalingNeeded} says.
 */
final class LiveTableReader {

    private final DynamoDbClient client;
    private final AutoScalingTargets autoScaling;

    LiveTableReader(DynamoDbClient client, AutoScalingTargets autoScaling) {
        this.client = client;
        this.autoScaling = autoScaling;
    }

    /**
     * The table's live state, or null when it does not exist. A table being created is read once it is
     * ACTIVE: until then AWS answers DescribeTimeToLive with ValidationException and the tags and backups
     * APIs with ResourceNotFoundException (see src/test/AWS-BEHAVIOUR.md).
     */
    LiveTable read(DeclaredTable declared, AwsCalls calls) throws ProvisioningException {
        TableDescription table = describe(declared.name(), calls);
        if (table != null && table.tableStatus() == TableStatus.CREATING) {
            table = calls.waiter(client).awaitActive(declared.name());
        }
        return table == null ? null : read(declared, table, calls);
    }

    /**
     * The live state of a table the run has just described (the poll that found it ACTIVE, say): what
     * DescribeTable does not say is read, DescribeTable itself is not sent again. A table being deleted is
     * read with DescribeTable alone.
     */
    LiveTable read(DeclaredTable declared, TableDescription table, AwsCalls calls) throws ProvisioningException {
        String name = declared.name();
        if (table.tableStatus() == TableStatus.DELETING) {
            return toLiveTable(table, TimeToLiveDescription.builder().timeToLiveStatus("DISABLED").build(), Map.of(),
                    null, null);
        }
        TimeToLiveDescription ttl = calls.call(name, "DescribeTimeToLive",
                () -> client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription());
        // only declared tags are compared (DriftDetector): a table that declares none needs no tag read
        Map<String, String> tags = declared.tags().isEmpty() ? Map.of() : tags(name, table.tableArn(), calls);
        Boolean pointInTimeRecovery = null;
        Integer recoveryPeriodInDays = null;
        if (declared.pointInTimeRecovery()) {
            PointInTimeRecoveryDescription recovery = calls.call(name, "DescribeContinuousBackups",
                    () -> client.describeContinuousBackups(r -> r.tableName(name)).continuousBackupsDescription()
                            .pointInTimeRecoveryDescription());
            pointInTimeRecovery = "ENABLED".equals(recovery.pointInTimeRecoveryStatusAsString());
            // reported while recovery is on: "The number of preceding days for which continuous backups are
            // taken and maintained" (API_PointInTimeRecoveryDescription)
            recoveryPeriodInDays = pointInTimeRecovery ? recovery.recoveryPeriodInDays() : null;
        }
        // contributor insights is compared only where declared, so only read there: a table that declares none
        // costs no call (and an index not made yet has nothing to read)
        String insights = declared.contributorInsights() == null ? null : contributorInsights(name, null, calls);
        Map<String, String> indexInsights = new TreeMap<>();
        for (DeclaredGlobalIndex index : declared.globalSecondaryIndexes()) {
            if (index.contributorInsights() != null && table.globalSecondaryIndexes().stream()
                    .anyMatch(i -> i.indexName().equals(index.name()))) {
                indexInsights.put(index.name(), contributorInsights(name, index.name(), calls));
            }
        }
        LiveTable live = toLiveTable(table, ttl, tags, pointInTimeRecovery, recoveryPeriodInDays, insights,
                indexInsights);
        // only a declared policy is compared: a table that declares none has its policy not read
        if (declared.resourcePolicy() != null) {
            live = live.withResourcePolicy(policy(name, table.tableArn(), calls));
        }
        return scalingNeeded(declared, live) ? withScaling(declared, live, calls) : live;
    }

    /**
     * Whether the table's scalable targets must be read: when it declares auto scaling (to compare it), or when a
     * provisioned capacity differs from the declared one (to tell a scaler's move from drift: capacity owned by a
     * scalable target is never drift). A table at its declared capacity, or on demand, costs no call.
     */
    private static boolean scalingNeeded(DeclaredTable declared, LiveTable live) {
        if (!AutoScalingTargets.declared(declared).isEmpty()) {
            return true;
        }
        if (declared.billingMode() != BillingMode.PROVISIONED || live.billingMode() != BillingMode.PROVISIONED) {
            return false;
        }
        return declared.capacity().isComplete() && !declared.capacity().equals(live.capacity())
                || declared.globalSecondaryIndexes().stream().anyMatch(index -> index.capacity().isComplete()
                        && live.globalSecondaryIndexes().containsKey(index.name())
                        && !index.capacity().equals(live.globalSecondaryIndexes().get(index.name()).capacity()));
    }

    /** The table with its scalable targets, and their policies when it declares auto scaling. */
    LiveTable withScaling(DeclaredTable declared, LiveTable live, AwsCalls calls) throws ProvisioningException {
        return live.withScaling(autoScaling.read(declared.name(), List.copyOf(live.globalSecondaryIndexes().keySet()),
                !AutoScalingTargets.declared(declared).isEmpty(), calls));
    }

    /**
     * The status of contributor insights on the table ({@code index} null) or on one of its global secondary
     * indexes: ENABLING, ENABLED, DISABLING, DISABLED or FAILED (API_DescribeContributorInsights).
     */
    private String contributorInsights(String name, String index, AwsCalls calls) throws ProvisioningException {
        return calls.call(name, "DescribeContributorInsights", () -> client.describeContributorInsights(
                r -> r.tableName(name).indexName(index)).contributorInsightsStatusAsString());
    }

    /**
     * The resource-based policy of the table {@code arn}; null when it has none. Just after CreateTable or
     * PutResourcePolicy, AWS may also say it has none (PolicyNotFoundException), or that the table is not found
     * (ResourceNotFoundException): "GetResourcePolicy uses an eventually consistent query ... Wait for a few seconds,
     * and then retry" (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetResourcePolicy.html">
     * API_GetResourcePolicy</a>); {@link TableProvisioner} reads it again before calling it drift.
     */
    LiveTable.Policy policy(String name, String arn, AwsCalls calls) throws ProvisioningException {
        return calls.call(name, "GetResourcePolicy", () -> {
            try {
                GetResourcePolicyResponse policy = client.getResourcePolicy(r -> r.resourceArn(arn));
                return new LiveTable.Policy(policy.policy(), policy.revisionId());
            } catch (PolicyNotFoundException | ResourceNotFoundException e) {
                return null;
            }
        });
    }

    /** Every tag of the table {@code arn}, page by page. */
    Map<String, String> tags(String name, String arn, AwsCalls calls) throws ProvisioningException {
        Map<String, String> tags = new TreeMap<>();
        String next = null;
        do {
            String token = next;
            ListTagsOfResourceResponse page = calls.call(name, "ListTagsOfResource",
                    () -> client.listTagsOfResource(r -> r.resourceArn(arn).nextToken(token)));
            page.tags().forEach(t -> tags.put(t.key(), t.value()));
            next = page.nextToken();
        } while (next != null);
        return tags;
    }

    private TableDescription describe(String name, AwsCalls calls) throws ProvisioningException {
        return calls.call(name, "DescribeTable", () -> {
            try {
                return client.describeTable(r -> r.tableName(name)).table();
            } catch (ResourceNotFoundException e) {
                return null;
            }
        });
    }

    /**
     * The table in the declaration's vocabulary. AWS adds values to its lists over time (TableClass gained
     * STANDARD_INFREQUENT_ACCESS in 2021: API reference, TableClassSummary; likewise BillingMode,
     * StreamViewType, ProjectionType), and the SDK then hands the word over as it came ({@code ...AsString()},
     * while the typed getter says UNKNOWN_TO_SDK_VERSION). A word this version does not know is kept in
     * {@link LiveTable#unrecognized()} under its setting, so that it compares as a difference naming it,
     * never as an exception that would stop every run on that account.
     */
    static LiveTable toLiveTable(TableDescription table, TimeToLiveDescription ttl, Map<String, String> tags,
            Boolean pointInTimeRecovery, Integer recoveryPeriodInDays) {
        return toLiveTable(table, ttl, tags, pointInTimeRecovery, recoveryPeriodInDays, null, Map.of());
    }

    /**
     * The table in the declaration's vocabulary (see above), with the contributor insights read for it.
     *
     * @param contributorInsights the table's contributor insights status; null when not read
     * @param indexInsights the contributor insights status of the global secondary indexes read, by index name
     */
    static LiveTable toLiveTable(TableDescription table, TimeToLiveDescription ttl, Map<String, String> tags,
            Boolean pointInTimeRecovery, Integer recoveryPeriodInDays, String contributorInsights,
            Map<String, String> indexInsights) {
        Map<Value, String> unrecognized = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        table.attributeDefinitions().forEach(a -> types.put(a.attributeName(), a.attributeTypeAsString()));
        Map<String, LiveTable.Index> globalIndexes = new TreeMap<>();
        table.globalSecondaryIndexes().forEach(i -> {
            LiveTable.Index index = index(i.indexName(), i.keySchema(), i.projection(),
                    capacity(i.provisionedThroughput()), types, unrecognized);
            globalIndexes.put(i.indexName(), new LiveTable.Index(index.partitionKeys(), index.sortKeys(),
                    index.projection(), index.nonKeyAttributes(), index.capacity(), i.warmThroughput() == null ? null
                            : new LiveTable.Warm(i.warmThroughput().readUnitsPerSecond(),
                                    i.warmThroughput().writeUnitsPerSecond(), i.warmThroughput().statusAsString()),
                    indexInsights.get(i.indexName()), i.indexStatus() == null ? "ACTIVE" : i.indexStatusAsString(),
                    Boolean.TRUE.equals(i.backfilling())));
        });
        Map<String, LiveTable.Index> localIndexes = new TreeMap<>();
        table.localSecondaryIndexes().forEach(i -> localIndexes.put(i.indexName(), index(i.indexName(),
                i.keySchema(), i.projection(), Capacity.NONE, types, unrecognized)));
        // a table that never had a billing mode switch may lack the summary: it is then PROVISIONED
        BillingMode billingMode = table.billingModeSummary() == null
                || table.billingModeSummary().billingModeAsString() == null
                ? BillingMode.PROVISIONED
                : known(BillingMode.class, table.billingModeSummary().billingModeAsString(), Value.BILLING_MODE,
                        unrecognized);
        boolean streamOn = table.streamSpecification() != null
                && Boolean.TRUE.equals(table.streamSpecification().streamEnabled());
        boolean kms = table.sseDescription() != null && "KMS".equals(table.sseDescription().sseTypeAsString())
                && !"DISABLED".equals(table.sseDescription().statusAsString());
        return new LiveTable(
                table.tableName(),
                table.tableArn(),
                table.tableStatusAsString(),
                key(table.keySchema(), KeyType.HASH, types, Value.PARTITION_KEY, unrecognized),
                key(table.keySchema(), KeyType.RANGE, types, Value.SORT_KEY, unrecognized),
                globalIndexes,
                localIndexes,
                billingMode,
                billingMode == BillingMode.PROVISIONED ? capacity(table.provisionedThroughput()) : Capacity.NONE,
                table.onDemandThroughput() == null ? RequestUnits.NONE : new RequestUnits(
                        table.onDemandThroughput().maxReadRequestUnits(),
                        table.onDemandThroughput().maxWriteRequestUnits()),
                streamOn ? known(StreamViewType.class, table.streamSpecification().streamViewTypeAsString(),
                        Value.STREAM, unrecognized) : null,
                table.latestStreamArn(),
                kms ? table.sseDescription().kmsMasterKeyArn() : null,
                Boolean.TRUE.equals(table.deletionProtectionEnabled()),
                null, // the resource policy: GetResourcePolicy, when one is declared
                table.tableClassSummary() == null || table.tableClassSummary().tableClassAsString() == null
                        ? TableClass.STANDARD
                        : known(TableClass.class, table.tableClassSummary().tableClassAsString(),
                                Value.TABLE_CLASS, unrecognized),
                ttl.timeToLiveStatusAsString(),
                ttl.attributeName(),
                tags,
                pointInTimeRecovery,
                recoveryPeriodInDays,
                table.warmThroughput() == null ? null : new LiveTable.Warm(
                        table.warmThroughput().readUnitsPerSecond(), table.warmThroughput().writeUnitsPerSecond(),
                        table.warmThroughput().statusAsString()),
                contributorInsights,
                null,
                replicas(table),
                unrecognized);
    }

    /** The replicas of a global table (version 2019.11.21) by region, with their ReplicaStatus. */
    private static Map<String, String> replicas(TableDescription table) {
        Map<String, String> replicas = new TreeMap<>();
        table.replicas().forEach(r -> replicas.put(r.regionName(), r.replicaStatusAsString()));
        return replicas;
    }

    /** AWS's word as this version's constant; null, and kept under {@code value}, when it knows no such constant. */
    private static <E extends Enum<E>> E known(Class<E> type, String word, Value value,
            Map<Value, String> unrecognized) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(word)) {
                return constant;
            }
        }
        unrecognized.put(value, String.valueOf(word));
        return null;
    }

    /** A global or local secondary index as DescribeTable describes it. */
    private static LiveTable.Index index(String name, List<KeySchemaElement> keySchema, Projection projection,
            Capacity capacity, Map<String, String> types, Map<Value, String> unrecognized) {
        return new LiveTable.Index(
                keys(keySchema, KeyType.HASH, types, Value.ofIndex(Part.PARTITION_KEY, name), unrecognized),
                keys(keySchema, KeyType.RANGE, types, Value.ofIndex(Part.SORT_KEY, name), unrecognized),
                // an index being deleted may be described without its projection (boto/boto#2978)
                projection == null ? null : known(IndexProjection.class, projection.projectionTypeAsString(),
                        Value.ofIndex(Part.PROJECTION, name), unrecognized),
                projection == null ? List.of() : projection.nonKeyAttributes(),
                capacity);
    }

    /** The table's key of that type: the first such element of its schema, or null (see {@link #keys}). */
    private static KeyAttribute key(List<KeySchemaElement> schema, KeyType type, Map<String, String> types,
            Value value, Map<Value, String> unrecognized) {
        List<KeyAttribute> keys = keys(schema, type, types, value, unrecognized);
        return keys.isEmpty() ? null : keys.get(0);
    }

    /**
     * The keys of that type in the schema, in its order (a global secondary index may have up to 4 HASH and up
     * to 4 RANGE elements: API reference, GlobalSecondaryIndex), typed by the attribute definitions (S when a
     * definition is missing). A key whose type this version does not know is left out and kept under
     * {@code value}.
     */
    private static List<KeyAttribute> keys(List<KeySchemaElement> schema, KeyType type, Map<String, String> types,
            Value value, Map<Value, String> unrecognized) {
        List<KeyAttribute> keys = new ArrayList<>();
        for (KeySchemaElement k : schema) {
            if (k.keyType() != type) {
                continue;
            }
            String word = types.getOrDefault(k.attributeName(), AttributeType.S.name());
            AttributeType known = known(AttributeType.class, word, value, unrecognized);
            if (known == null) {
                unrecognized.put(value, k.attributeName() + ":" + word);
            } else {
                keys.add(new KeyAttribute(k.attributeName(), known));
            }
        }
        return keys;
    }

    private static Capacity capacity(ProvisionedThroughputDescription throughput) {
        if (throughput == null || throughput.readCapacityUnits() == null || throughput.readCapacityUnits() == 0) {
            return Capacity.NONE;
        }
        return new Capacity(throughput.readCapacityUnits(), throughput.writeCapacityUnits());
    }
}
