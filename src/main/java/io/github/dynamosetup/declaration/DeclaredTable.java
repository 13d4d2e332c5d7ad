package io.github.dynamosetup.declaration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A DynamoDB table as declared: keys, indexes, billing, TTL, stream, encryption, recovery, protection,
 * class, auto scaling, replicas and tags. Immutable. Values may break DynamoDB's rules until the table has been validated as
 * part of a {@link Declaration}; {@code null} means "not declared".
 *
 * @param origin where the table was declared, for messages
 * @param name the full table name (prefix and suffix applied)
 * @param declaredName the name as declared, before prefix and suffix
 * @param partitionKey the partition key
 * @param sortKey the sort key
 * @param globalSecondaryIndexes the global secondary indexes
 * @param localSecondaryIndexes the local secondary indexes
 * @param timeToLiveAttribute the attribute holding each item's expiry time; {@code null} for no TTL
 * @param billingMode on demand or provisioned
 * @param capacity provisioned throughput of the table
 * @param onDemandThroughput request unit limits of an on-demand table
 * @param stream the DynamoDB stream; {@code null} for none
 * @param encryption who holds the encryption key; {@code null} for DynamoDB's default (AWS owned)
 * @param kmsKeyId the customer managed KMS key
 * @param pointInTimeRecovery whether continuous backups are turned on after creation
 * @param recoveryPeriodInDays how many days back point-in-time recovery reaches; {@code null} for DynamoDB's
 *        default (35)
 * @param warmThroughput the read and write units per second the table takes at once; {@link WarmThroughput#NONE}
 *        when not declared (DynamoDB's own values then, which it raises with use)
 * @param contributorInsights whether CloudWatch Contributor Insights is on for the table; {@code null} when not
 *        declared
 * @param deletionProtection whether the table refuses DeleteTable
 * @param resourcePolicy the resource-based policy attached to the table; {@code null} for none declared (a policy set
 *        by other means is then left alone)
 * @param tableClass the table class; {@code null} for DynamoDB's default (STANDARD)
 * @param autoScaling auto scaling of the table's read and write capacity (PROVISIONED only)
 * @param replicaRegions the regions of the table's global table replicas, in declared order; empty for none
 * @param tags the tags to give the table (global tags merged with the table's own), sorted by key
 */
public record DeclaredTable(
        Origin origin,
        String name,
        String declaredName,
        KeyAttribute partitionKey,
        KeyAttribute sortKey,
        List<DeclaredGlobalIndex> globalSecondaryIndexes,
        List<DeclaredLocalIndex> localSecondaryIndexes,
        String timeToLiveAttribute,
        BillingMode billingMode,
        Capacity capacity,
        RequestUnits onDemandThroughput,
        StreamSpecification stream,
        Encryption encryption,
        String kmsKeyId,
        boolean pointInTimeRecovery,
        Long recoveryPeriodInDays,
        WarmThroughput warmThroughput,
        Boolean contributorInsights,
        boolean deletionProtection,
        ResourcePolicy resourcePolicy,
        TableClass tableClass,
        AutoScaling autoScaling,
        List<String> replicaRegions,
        Map<String, String> tags) {

    public DeclaredTable {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(billingMode, "billingMode");
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
        capacity = capacity == null ? Capacity.NONE : capacity;
        onDemandThroughput = onDemandThroughput == null ? RequestUnits.NONE : onDemandThroughput;
        warmThroughput = warmThroughput == null ? WarmThroughput.NONE : warmThroughput;
        autoScaling = autoScaling == null ? AutoScaling.NONE : autoScaling;
        replicaRegions = replicaRegions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(replicaRegions));
        // null values are kept so that validation can report them; Map.copyOf would reject them
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** A builder for a table named {@code name}, declared at {@code origin}. */
    public static Builder builder(Origin origin, String name) {
        return new Builder(origin, name);
    }

    /** A builder holding this table's values, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(origin, name)
                .declaredName(declaredName)
                .partitionKey(partitionKey)
                .sortKey(sortKey)
                .timeToLiveAttribute(timeToLiveAttribute)
                .billingMode(billingMode)
                .capacity(capacity)
                .onDemandThroughput(onDemandThroughput)
                .stream(stream)
                .encryption(encryption, kmsKeyId)
                .pointInTimeRecovery(pointInTimeRecovery)
                .recoveryPeriodInDays(recoveryPeriodInDays)
                .warmThroughput(warmThroughput)
                .contributorInsights(contributorInsights)
                .deletionProtection(deletionProtection)
                .resourcePolicy(resourcePolicy)
                .tableClass(tableClass)
                .autoScaling(autoScaling)
                .replicaRegions(replicaRegions)
                .tags(tags);
        globalSecondaryIndexes.forEach(builder::globalSecondaryIndex);
        localSecondaryIndexes.forEach(builder::localSecondaryIndex);
        return builder;
    }

    /**
     * The attribute definitions DynamoDB needs: every key attribute of the table and its indexes,
     * each once, in the order first used. Users never list these in the POM.
     */
    public Map<String, AttributeType> attributeDefinitions() {
        Map<String, AttributeType> definitions = new LinkedHashMap<>();
        for (KeyAttribute key : keys()) {
            definitions.putIfAbsent(key.attributeName(), key.type());
        }
        return definitions;
    }

    /** Every key of the table and its indexes, in declaration order (an attribute may come more than once). */
    public List<KeyAttribute> keys() {
        List<KeyAttribute> keys = new ArrayList<>();
        addKey(keys, partitionKey);
        addKey(keys, sortKey);
        for (DeclaredGlobalIndex index : globalSecondaryIndexes) {
            keys.addAll(index.keyAttributes());
        }
        for (DeclaredLocalIndex index : localSecondaryIndexes) {
            addKey(keys, index.sortKey());
        }
        return keys;
    }

    private static void addKey(List<KeyAttribute> keys, KeyAttribute key) {
        if (key != null) {
            keys.add(key);
        }
    }

    /** Builds a {@link DeclaredTable}; what is not set is not declared. */
    public static final class Builder {
        private final Origin origin;
        private final String name;
        private String declaredName;
        private KeyAttribute partitionKey;
        private KeyAttribute sortKey;
        private final List<DeclaredGlobalIndex> globalSecondaryIndexes = new ArrayList<>();
        private final List<DeclaredLocalIndex> localSecondaryIndexes = new ArrayList<>();
        private String timeToLiveAttribute;
        private BillingMode billingMode = BillingMode.PAY_PER_REQUEST;
        private Capacity capacity;
        private RequestUnits onDemandThroughput;
        private StreamSpecification stream;
        private Encryption encryption;
        private String kmsKeyId;
        private boolean pointInTimeRecovery;
        private Long recoveryPeriodInDays;
        private WarmThroughput warmThroughput;
        private Boolean contributorInsights;
        private boolean deletionProtection;
        private ResourcePolicy resourcePolicy;
        private TableClass tableClass;
        private AutoScaling autoScaling;
        private final List<String> replicaRegions = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder(Origin origin, String name) {
            this.origin = origin;
            this.name = name;
        }

        /** The name before prefix and suffix; the full name when not set. */
        public Builder declaredName(String declaredName) {
            this.declaredName = declaredName;
            return this;
        }

        public Builder partitionKey(KeyAttribute partitionKey) {
            this.partitionKey = partitionKey;
            return this;
        }

        public Builder sortKey(KeyAttribute sortKey) {
            this.sortKey = sortKey;
            return this;
        }

        public Builder globalSecondaryIndex(DeclaredGlobalIndex index) {
            globalSecondaryIndexes.add(index);
            return this;
        }

        public Builder localSecondaryIndex(DeclaredLocalIndex index) {
            localSecondaryIndexes.add(index);
            return this;
        }

        public Builder timeToLiveAttribute(String timeToLiveAttribute) {
            this.timeToLiveAttribute = timeToLiveAttribute;
            return this;
        }

        public Builder billingMode(BillingMode billingMode) {
            this.billingMode = billingMode;
            return this;
        }

        public Builder capacity(Capacity capacity) {
            this.capacity = capacity;
            return this;
        }

        public Builder onDemandThroughput(RequestUnits onDemandThroughput) {
            this.onDemandThroughput = onDemandThroughput;
            return this;
        }

        public Builder stream(StreamSpecification stream) {
            this.stream = stream;
            return this;
        }

        public Builder encryption(Encryption encryption, String kmsKeyId) {
            this.encryption = encryption;
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        public Builder pointInTimeRecovery(boolean pointInTimeRecovery) {
            this.pointInTimeRecovery = pointInTimeRecovery;
            return this;
        }

        public Builder recoveryPeriodInDays(Long recoveryPeriodInDays) {
            this.recoveryPeriodInDays = recoveryPeriodInDays;
            return this;
        }

        public Builder warmThroughput(WarmThroughput warmThroughput) {
            this.warmThroughput = warmThroughput;
            return this;
        }

        public Builder contributorInsights(Boolean contributorInsights) {
            this.contributorInsights = contributorInsights;
            return this;
        }

        public Builder deletionProtection(boolean deletionProtection) {
            this.deletionProtection = deletionProtection;
            return this;
        }

        public Builder resourcePolicy(ResourcePolicy resourcePolicy) {
            this.resourcePolicy = resourcePolicy;
            return this;
        }

        public Builder tableClass(TableClass tableClass) {
            this.tableClass = tableClass;
            return this;
        }

        public Builder autoScaling(AutoScaling autoScaling) {
            this.autoScaling = autoScaling;
            return this;
        }

        /** Adds replica regions, after those added before. */
        public Builder replicaRegions(List<String> regions) {
            replicaRegions.addAll(regions);
            return this;
        }

        /** Adds tags; later ones override earlier ones with the same key. */
        public Builder tags(Map<String, String> tags) {
            this.tags.putAll(tags);
            return this;
        }

        public DeclaredTable build() {
            return new DeclaredTable(origin, name, declaredName == null ? name : declaredName, partitionKey, sortKey, globalSecondaryIndexes, localSecondaryIndexes,
                    timeToLiveAttribute, billingMode, capacity, onDemandThroughput, stream, encryption, kmsKeyId,
                    pointInTimeRecovery, recoveryPeriodInDays, warmThroughput, contributorInsights,
                    deletionProtection, resourcePolicy, tableClass, autoScaling, replicaRegions, tags);
        }
    }
}
