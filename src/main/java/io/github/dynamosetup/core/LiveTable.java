package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.declaration.WarmThroughput;
import java.util.List;
import java.util.Map;

/**
 * A table as DynamoDB holds it, in the declaration's vocabulary, so that the two can be compared field
 * by field. Only what a declaration can say is kept; what AWS computes (sizes, counts, timestamps) is not.
 *
 * @param name the table name
 * @param arn the table ARN
 * @param status ACTIVE, CREATING, UPDATING, ...
 * @param partitionKey the partition key
 * @param sortKey the sort key, or null
 * @param globalSecondaryIndexes by name
 * @param localSecondaryIndexes by name
 * @param billingMode the billing mode
 * @param capacity provisioned throughput (with PROVISIONED)
 * @param onDemandThroughput request unit limits, {@link RequestUnits#NONE} when DynamoDB reports none
 * @param streamViewType the enabled stream's view type, or null for no stream
 * @param streamArn the latest stream's ARN, or null
 * @param kmsKeyArn the KMS key's ARN with KMS encryption (AWS managed or customer managed: DescribeTable
 *     does not say which), or null for the AWS owned key
 * @param deletionProtection whether DeleteTable is refused
 * @param resourcePolicy the table's resource-based policy; null when it has none, or when it was not read (none is
 *     declared)
 * @param tableClass the table class
 * @param timeToLiveStatus ENABLED, DISABLED, ENABLING, DISABLING
 * @param timeToLiveAttribute the TTL attribute, or null
 * @param tags every tag of the table; empty when not read (the declaration declares none)
 * @param pointInTimeRecovery whether continuous backups are on; null when not read (not declared)
 * @param recoveryPeriodInDays how many days back point-in-time recovery reaches; null when not read or off
 * @param warmThroughput the read and write units per second the table takes at once, as DescribeTable reports
 *     them; {@link Warm#NONE} when it reports none
 * @param contributorInsights the status of contributor insights on the table (ENABLED, DISABLING, ...); null when
 *     not read (not declared)
 * @param scaling the scalable targets Application Auto Scaling has on the table's and its indexes' capacity, with their
 *     min, max and (when read) the target utilization of their target tracking policy; null when not read (the
 *     table declares no auto scaling, and its capacity is as declared)
 * @param replicas the global table replicas DescribeTable lists, by region
 * @param unrecognized what AWS reported in values this version does not know (a table class AWS added
 *     later, say), by the {@link Value} they concern, as AWS wrote them; the value's own component is then
 *     null. Compared, they differ from any declared value and are named as AWS wrote them.
 */
public record LiveTable(
        String name,
        String arn,
        String status,
        KeyAttribute partitionKey,
        KeyAttribute sortKey,
        Map<String, Index> globalSecondaryIndexes,
        Map<String, Index> localSecondaryIndexes,
        BillingMode billingMode,
        Capacity capacity,
        RequestUnits onDemandThroughput,
        StreamViewType streamViewType,
        String streamArn,
        String kmsKeyArn,
        boolean deletionProtection,
        Policy resourcePolicy,
        TableClass tableClass,
        String timeToLiveStatus,
        String timeToLiveAttribute,
        Map<String, String> tags,
        Boolean pointInTimeRecovery,
        Integer recoveryPeriodInDays,
        Warm warmThroughput,
        String contributorInsights,
        Map<ScalableCapacity, AutoScaling.Dimension> scaling,
        Map<String, String> replicas,
        Map<Value, String> unrecognized) {

    public LiveTable {
        warmThroughput = warmThroughput == null ? Warm.NONE : warmThroughput;
        unrecognized = Map.copyOf(unrecognized);
        scaling = scaling == null ? null : Map.copyOf(scaling);
        replicas = replicas == null ? Map.of() : Map.copyOf(replicas);
    }

    /** The same table with {@code tags}, read again. */
    LiveTable withTags(Map<String, String> tags) {
        return new LiveTable(name, arn, status, partitionKey, sortKey, globalSecondaryIndexes, localSecondaryIndexes,
                billingMode, capacity, onDemandThroughput, streamViewType, streamArn, kmsKeyArn, deletionProtection,
                resourcePolicy, tableClass, timeToLiveStatus, timeToLiveAttribute, tags, pointInTimeRecovery,
                recoveryPeriodInDays, warmThroughput, contributorInsights, scaling, replicas, unrecognized);
    }

    /** The same table with {@code resourcePolicy}, read after DescribeTable (null: none). */
    LiveTable withResourcePolicy(Policy resourcePolicy) {
        return new LiveTable(name, arn, status, partitionKey, sortKey, globalSecondaryIndexes, localSecondaryIndexes,
                billingMode, capacity, onDemandThroughput, streamViewType, streamArn, kmsKeyArn, deletionProtection,
                resourcePolicy, tableClass, timeToLiveStatus, timeToLiveAttribute, tags, pointInTimeRecovery,
                recoveryPeriodInDays, warmThroughput, contributorInsights, scaling, replicas, unrecognized);
    }

    /** The same table with the scalable targets read. */
    LiveTable withScaling(Map<ScalableCapacity, AutoScaling.Dimension> scaling) {
        return new LiveTable(name, arn, status, partitionKey, sortKey, globalSecondaryIndexes, localSecondaryIndexes,
                billingMode, capacity, onDemandThroughput, streamViewType, streamArn, kmsKeyArn, deletionProtection,
                resourcePolicy, tableClass, timeToLiveStatus, timeToLiveAttribute, tags, pointInTimeRecovery,
                recoveryPeriodInDays, warmThroughput, contributorInsights, scaling, replicas, unrecognized);
    }

    /** Whether Application Auto Scaling owns this capacity: a scalable target was found on it. */
    boolean scaled(ScalableCapacity capacity) {
        return scaling != null && scaling.containsKey(capacity);
    }

    /** The live {@code value} as text: AWS's own word when this version does not know it. */
    String text(Value value, Object known) {
        String raw = unrecognized.get(value);
        return raw != null ? raw : known == null ? "none" : known.toString();
    }

    /** Whether the table is being deleted: for create, it is as good as missing. */
    public boolean deleting() {
        return "DELETING".equals(status);
    }

    /** Whether TTL is on or being turned on. */
    public boolean timeToLiveEnabled() {
        return "ENABLED".equals(timeToLiveStatus) || "ENABLING".equals(timeToLiveStatus);
    }

    /**
     * A value of the live table that AWS may write in a word this version does not know: the key of
     * {@link #unrecognized()}.
     *
     * @param part which value
     * @param index the index it belongs to, or null for the table's own
     */
    public record Value(Part part, String index) {

        /** The values AWS writes as words from a list that grows over time. */
        public enum Part { PARTITION_KEY, SORT_KEY, BILLING_MODE, STREAM, TABLE_CLASS, PROJECTION }

        static final Value PARTITION_KEY = new Value(Part.PARTITION_KEY, null);
        static final Value SORT_KEY = new Value(Part.SORT_KEY, null);
        static final Value BILLING_MODE = new Value(Part.BILLING_MODE, null);
        static final Value STREAM = new Value(Part.STREAM, null);
        static final Value TABLE_CLASS = new Value(Part.TABLE_CLASS, null);

        /** The {@code part} of the secondary index {@code name}. */
        static Value ofIndex(Part part, String name) {
            return new Value(part, name);
        }
    }

    /**
     * A resource-based policy as GetResourcePolicy answers it.
     *
     * @param document the policy document, JSON text
     * @param revisionId its revision, which a PutResourcePolicy that replaces it names
     */
    public record Policy(String document, String revisionId) {}

    /**
     * A secondary index as DynamoDB holds it.
     *
     * @param partitionKeys the index's partition key attributes, in key schema order (several only in a global
     *     secondary index with a key of several attributes)
     * @param sortKeys its sort key attributes, in key schema order; empty when it has none
     * @param projection its projection type
     * @param nonKeyAttributes what an INCLUDE projection copies
     * @param capacity provisioned throughput of a GSI on a PROVISIONED table
     * @param warmThroughput a GSI's warm throughput; {@link Warm#NONE} when DescribeTable reports none
     * @param contributorInsights the status of contributor insights on a GSI; null when not read (not declared)
     * @param status the index's status (ACTIVE, CREATING, UPDATING, DELETING); ACTIVE for a local secondary
     *     index, which has none
     * @param backfilling whether DynamoDB is filling a GSI added to an existing table from the table's items
     */
    public record Index(List<KeyAttribute> partitionKeys, List<KeyAttribute> sortKeys, IndexProjection projection,
            List<String> nonKeyAttributes, Capacity capacity, Warm warmThroughput, String contributorInsights,
            String status, boolean backfilling) {

        public Index {
            partitionKeys = List.copyOf(partitionKeys);
            sortKeys = List.copyOf(sortKeys);
            warmThroughput = warmThroughput == null ? Warm.NONE : warmThroughput;
        }

        /** An ACTIVE index whose warm throughput and contributor insights were not read. */
        public Index(List<KeyAttribute> partitionKeys, List<KeyAttribute> sortKeys, IndexProjection projection,
                List<String> nonKeyAttributes, Capacity capacity) {
            this(partitionKeys, sortKeys, projection, nonKeyAttributes, capacity, null, null, "ACTIVE", false);
        }

        /** An ACTIVE index with at most one partition and one sort key attribute, either null when it has none. */
        public Index(KeyAttribute partitionKey, KeyAttribute sortKey, IndexProjection projection,
                List<String> nonKeyAttributes, Capacity capacity) {
            this(partitionKey == null ? List.of() : List.of(partitionKey),
                    sortKey == null ? List.of() : List.of(sortKey), projection, nonKeyAttributes, capacity);
        }

        /** Whether AWS is creating it (backfilling or not yet). */
        public boolean creating() {
            return "CREATING".equals(status);
        }

        /** Whether AWS is deleting it: it is gone once DescribeTable no longer lists it. */
        public boolean deleting() {
            return "DELETING".equals(status);
        }

        /** The same index in another state, e.g. CREATING. */
        public Index withStatus(String status, boolean backfilling) {
            return new Index(partitionKeys, sortKeys, projection, nonKeyAttributes, capacity, warmThroughput,
                    contributorInsights, status, backfilling);
        }
    }

    /** Whether a global secondary index is being created or deleted: AWS then takes no other index change. */
    public boolean indexesInProgress() {
        return globalSecondaryIndexes.values().stream().anyMatch(i -> i.creating() || i.deleting());
    }

    /**
     * Warm throughput as DescribeTable reports it, for a table or a global secondary index: the read and write units
     * per second it takes at once, either null when not reported, and the status of its last change (UPDATING while
     * an increase is under way, then ACTIVE: "Updating your warm throughput value is an asynchronous task",
     * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/update-warm-throughput.html">
     * update-warm-throughput.html</a>).
     */
    public record Warm(Long readUnitsPerSecond, Long writeUnitsPerSecond, String status) {

        public static final Warm NONE = new Warm(null, null, null);

        /**
         * Whether this meets the declared warm throughput: each declared value is reached or passed (AWS raises warm
         * throughput by itself as use grows, and it can never be lowered: "Once increased, warm throughput values
         * can't be decreased",
         * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html">
         * warm-throughput.html</a>), or an increase is under way (UPDATING).
         */
        public boolean meets(WarmThroughput declared) {
            return "UPDATING".equals(status) || reaches(readUnitsPerSecond, declared.readUnitsPerSecond())
                    && reaches(writeUnitsPerSecond, declared.writeUnitsPerSecond());
        }

        /** The declared values this does not reach, to be asked for; the others are left out, never lowered. */
        public WarmThroughput shortOf(WarmThroughput declared) {
            return new WarmThroughput(
                    reaches(readUnitsPerSecond, declared.readUnitsPerSecond()) ? null : declared.readUnitsPerSecond(),
                    reaches(writeUnitsPerSecond, declared.writeUnitsPerSecond()) ? null
                            : declared.writeUnitsPerSecond());
        }

        private static boolean reaches(Long live, Long declared) {
            return declared == null || live != null && live >= declared;
        }

        @Override
        public String toString() {
            return new WarmThroughput(readUnitsPerSecond, writeUnitsPerSecond).toString();
        }
    }

    /**
     * Whether a contributor insights status counts as on: ENABLED, or ENABLING on its way there (DISABLING counts
     * as off, FAILED too: API_DescribeContributorInsights, ContributorInsightsStatus).
     */
    static boolean insightsOn(String status) {
        return "ENABLED".equals(status) || "ENABLING".equals(status);
    }
}
