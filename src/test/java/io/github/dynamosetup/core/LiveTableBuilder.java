package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link LiveTable} for the tests of pure logic, built without a server: an ACTIVE on-demand table in
 * us-east-1 with TTL disabled and nothing else, until a test sets what it is about.
 */
final class LiveTableBuilder {

    static final String ACCOUNT_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/";

    private final String name;
    private String arn;
    private String status = "ACTIVE";
    private final KeyAttribute partitionKey;
    private KeyAttribute sortKey;
    private final Map<String, LiveTable.Index> globalSecondaryIndexes = new TreeMap<>();
    private final Map<String, LiveTable.Index> localSecondaryIndexes = new TreeMap<>();
    private BillingMode billingMode = BillingMode.PAY_PER_REQUEST;
    private Capacity capacity = Capacity.NONE;
    private RequestUnits onDemandThroughput = RequestUnits.NONE;
    private StreamViewType streamViewType;
    private String streamArn;
    private String kmsKeyArn;
    private boolean deletionProtection;
    private LiveTable.Policy resourcePolicy;
    private TableClass tableClass = TableClass.STANDARD;
    private String timeToLiveStatus = "DISABLED";
    private String timeToLiveAttribute;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private Boolean pointInTimeRecovery;
    private Integer recoveryPeriodInDays;
    private LiveTable.Warm warmThroughput;
    private String contributorInsights;
    private Map<ScalableCapacity, AutoScaling.Dimension> scaling;
    private Map<String, String> replicas = Map.of();

    private LiveTableBuilder(String name, KeyAttribute partitionKey) {
        this.name = name;
        this.arn = ACCOUNT_ARN + name;
        this.partitionKey = partitionKey;
    }

    static LiveTableBuilder table(String name, KeyAttribute partitionKey) {
        return new LiveTableBuilder(name, partitionKey);
    }

    LiveTableBuilder arn(String arn) {
        this.arn = arn;
        return this;
    }

    LiveTableBuilder status(String status) {
        this.status = status;
        return this;
    }

    LiveTableBuilder sortKey(KeyAttribute sortKey) {
        this.sortKey = sortKey;
        return this;
    }

    LiveTableBuilder globalSecondaryIndex(String name, LiveTable.Index index) {
        globalSecondaryIndexes.put(name, index);
        return this;
    }

    LiveTableBuilder localSecondaryIndex(String name, LiveTable.Index index) {
        localSecondaryIndexes.put(name, index);
        return this;
    }

    LiveTableBuilder billingMode(BillingMode billingMode) {
        this.billingMode = billingMode;
        return this;
    }

    LiveTableBuilder capacity(Capacity capacity) {
        this.capacity = capacity;
        return this;
    }

    LiveTableBuilder onDemandThroughput(RequestUnits onDemandThroughput) {
        this.onDemandThroughput = onDemandThroughput;
        return this;
    }

    LiveTableBuilder stream(StreamViewType viewType, String streamArn) {
        this.streamViewType = viewType;
        this.streamArn = streamArn;
        return this;
    }

    LiveTableBuilder kmsKeyArn(String kmsKeyArn) {
        this.kmsKeyArn = kmsKeyArn;
        return this;
    }

    LiveTableBuilder deletionProtection(boolean deletionProtection) {
        this.deletionProtection = deletionProtection;
        return this;
    }

    /** The policy GetResourcePolicy answers, with its revision. */
    LiveTableBuilder resourcePolicy(String document, String revisionId) {
        this.resourcePolicy = document == null ? null : new LiveTable.Policy(document, revisionId);
        return this;
    }

    LiveTableBuilder tableClass(TableClass tableClass) {
        this.tableClass = tableClass;
        return this;
    }

    LiveTableBuilder timeToLive(String status, String attribute) {
        this.timeToLiveStatus = status;
        this.timeToLiveAttribute = attribute;
        return this;
    }

    LiveTableBuilder tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    LiveTableBuilder pointInTimeRecovery(Boolean pointInTimeRecovery) {
        this.pointInTimeRecovery = pointInTimeRecovery;
        return this;
    }

    LiveTableBuilder recoveryPeriodInDays(Integer recoveryPeriodInDays) {
        this.recoveryPeriodInDays = recoveryPeriodInDays;
        return this;
    }

    LiveTableBuilder warmThroughput(Long read, Long write, String status) {
        this.warmThroughput = new LiveTable.Warm(read, write, status);
        return this;
    }

    LiveTableBuilder contributorInsights(String status) {
        this.contributorInsights = status;
        return this;
    }

    LiveTableBuilder scaling(Map<ScalableCapacity, AutoScaling.Dimension> scaling) {
        this.scaling = scaling;
        return this;
    }

    LiveTableBuilder replicas(Map<String, String> replicas) {
        this.replicas = replicas;
        return this;
    }

    LiveTable build() {
        return new LiveTable(name, arn, status, partitionKey, sortKey, Map.copyOf(globalSecondaryIndexes),
                Map.copyOf(localSecondaryIndexes), billingMode, capacity, onDemandThroughput, streamViewType, streamArn,
                kmsKeyArn, deletionProtection, resourcePolicy, tableClass, timeToLiveStatus, timeToLiveAttribute,
                new LinkedHashMap<>(tags), pointInTimeRecovery, recoveryPeriodInDays, warmThroughput,
                contributorInsights, scaling, replicas, Map.of());
    }
}
