package io.github.dynamosetup.declaration;

import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules one declared table must follow (name, keys, secondary indexes, billing and throughput, TTL,
 * stream, encryption, recovery period, warm throughput, tags); collects what it breaks, each problem at its
 * {@link Place}.
 */
final class TableRules {

    private static final int MAX_GLOBAL_SECONDARY_INDEXES = 20;
    private static final int MAX_LOCAL_SECONDARY_INDEXES = 5;
    private static final int MAX_PROJECTED_ATTRIBUTES = 100;
    /**
     * The attributes of a global secondary index's partition key, and of its sort key: "Each global secondary
     * index supports up to 4 partition keys and up to 4 sort keys"
     * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">API_CreateTable</a>,
     * GlobalSecondaryIndexes; <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html">
     * API_GlobalSecondaryIndex</a>). Table keys and local secondary indexes keep one of each
     * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_LocalSecondaryIndex.html">
     * API_LocalSecondaryIndex</a>: "Maximum number of 2 items"), which the notation readers check.
     */
    static final int MAX_INDEX_KEY_ATTRIBUTES = 4;
    /**
     * The days point-in-time recovery may reach back: "Minimum value of 1. Maximum value of 35"
     * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoverySpecification.html">
     * API_PointInTimeRecoverySpecification</a>).
     */
    private static final int MAX_RECOVERY_PERIOD_DAYS = 35;
    /**
     * The utilization a target tracking policy may keep, in percent. Application Auto Scaling's API takes any
     * double (API_TargetTrackingScalingPolicyConfiguration, TargetValue); DynamoDB's console offers 20 to 90
     * (AutoScaling.Console, unverified) and the AWS CDK, which many deploy DynamoDB with, allows 10 to 90
     * ("targetUtilizationPercent for DynamoDB scaling must be between 10 and 90 percent", aws-cdk
     * scalable-table-attribute.ts): the range every tool accepts and AWS takes.
     */
    static final double MIN_TARGET_UTILIZATION = 10;
    static final double MAX_TARGET_UTILIZATION = 90;
    /** An AWS region name: {@code eu-west-1}, {@code us-gov-east-1}, {@code ap-southeast-5}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    /**
     * The size of a resource-based policy: "The maximum size supported for a resource-based policy document is 20 KB.
     * DynamoDB counts whitespaces when calculating the size of a policy against this limit"
     * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html">
     * API_PutResourcePolicy</a>, Policy; the same in API_CreateTable, ResourcePolicy). Whether AWS counts bytes or
     * characters, and KB as 1,000 or 1,024, is not documented: the document is counted in UTF-8 bytes, 1,024 to the KB.
     */
    private static final int MAX_RESOURCE_POLICY_BYTES = 20 * 1024;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private final DeclaredTable table;
    private final Origin origin;
    private final String subject;
    private final List<ConfigurationProblem> problems;

    TableRules(DeclaredTable table, List<ConfigurationProblem> problems) {
        this.table = table;
        this.origin = table.origin();
        this.subject = origin.subject(table.name());
        this.problems = problems;
    }

    void check() {
        checkName(null, 0, null, table.name(), "table");
        if (table.partitionKey() == null) {
            problem(Setting.PARTITION_KEY, "missing; every table needs a partition key");
        }
        checkGlobalIndexes();
        checkLocalIndexes();
        checkProjectedAttributeCount();
        checkKeyTypes();
        checkDistinctKeys();
        checkBilling();
        String ttl = table.timeToLiveAttribute();
        if (ttl != null && (ttl.isEmpty() || ttl.length() > 255)) {
            problem(Setting.TIME_TO_LIVE, "the TTL attribute name has 1 to 255 characters");
        }
        checkStream();
        checkEncryption();
        checkRecoveryPeriod();
        checkAutoScaling();
        checkReplicas();
        checkWarmThroughput(null, 0, null, table.warmThroughput());
        checkResourcePolicy();
        problems.addAll(DeclarationRules.tagProblems(subject, origin, table.tags()));
    }

    /** The name of the table ({@code kind} null) or of an index. */
    private void checkName(IndexKind kind, int position, String indexName, String name, String what) {
        if (name == null || name.isBlank()) {
            problem(kind, position, indexName, Setting.NAME, "missing; give the " + what + " a name");
        } else if (!NAME.matcher(name).matches()) {
            problem(kind, position, indexName, Setting.NAME, "'" + name + "' is not a valid DynamoDB " + what
                    + " name: use 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
        }
    }

    private void checkGlobalIndexes() {
        List<DeclaredGlobalIndex> indexes = table.globalSecondaryIndexes();
        if (indexes.size() > MAX_GLOBAL_SECONDARY_INDEXES) {
            problem(Setting.GLOBAL_SECONDARY_INDEXES, indexes.size() + " global secondary indexes; DynamoDB allows"
                    + " at most " + MAX_GLOBAL_SECONDARY_INDEXES + " per table");
        }
        Map<String, Boolean> seen = new HashMap<>();
        for (int i = 0; i < indexes.size(); i++) {
            DeclaredGlobalIndex index = indexes.get(i);
            checkIndexName(IndexKind.GLOBAL, i + 1, index.name(), seen);
            if (index.partitionKey() == null) {
                problem(IndexKind.GLOBAL, i + 1, index.name(), Setting.PARTITION_KEY,
                        "missing; every global secondary index needs a partition key");
            }
            checkKeyAttributeCount(i + 1, index.name(), Setting.PARTITION_KEY, index.partitionKeys(), "partition");
            checkKeyAttributeCount(i + 1, index.name(), Setting.SORT_KEY, index.sortKeys(), "sort");
            checkProjection(IndexKind.GLOBAL, i + 1, index.name(), index.projection(), index.nonKeyAttributes());
            checkWarmThroughput(IndexKind.GLOBAL, i + 1, index.name(), index.warmThroughput());
        }
    }

    private void checkKeyAttributeCount(int position, String indexName, Setting setting, List<KeyAttribute> keys,
            String what) {
        if (keys.size() > MAX_INDEX_KEY_ATTRIBUTES) {
            problem(IndexKind.GLOBAL, position, indexName, setting, keys.size() + " " + what + " key attributes;"
                    + " a global secondary index's " + what + " key has at most " + MAX_INDEX_KEY_ATTRIBUTES
                    + " attributes");
        }
    }

    private void checkLocalIndexes() {
        List<DeclaredLocalIndex> indexes = table.localSecondaryIndexes();
        if (indexes.size() > MAX_LOCAL_SECONDARY_INDEXES) {
            problem(Setting.LOCAL_SECONDARY_INDEXES, indexes.size() + " local secondary indexes; DynamoDB allows"
                    + " at most " + MAX_LOCAL_SECONDARY_INDEXES + " per table");
        }
        if (!indexes.isEmpty() && table.sortKey() == null) {
            problem(Setting.LOCAL_SECONDARY_INDEXES, "local secondary indexes need a table with a sort key; add a"
                    + " sort key to the table, or make these global secondary indexes");
        }
        Map<String, Boolean> seen = new HashMap<>();
        table.globalSecondaryIndexes().forEach(g -> {
            if (g.name() != null) {
                seen.put(g.name(), true);
            }
        });
        for (int i = 0; i < indexes.size(); i++) {
            DeclaredLocalIndex index = indexes.get(i);
            checkIndexName(IndexKind.LOCAL, i + 1, index.name(), seen);
            if (index.sortKey() == null) {
                problem(IndexKind.LOCAL, i + 1, index.name(), Setting.SORT_KEY, "missing; a local secondary"
                        + " index shares the table's partition key and needs its own sort key");
            }
            checkProjection(IndexKind.LOCAL, i + 1, index.name(), index.projection(), index.nonKeyAttributes());
        }
    }

    private void checkIndexName(IndexKind kind, int position, String name, Map<String, Boolean> seen) {
        checkName(kind, position, name, name, "index");
        if (name != null && seen.putIfAbsent(name, true) != null) {
            // about the index's name, so at its place; the message names the index as a whole
            problems.add(new ConfigurationProblem(subject, origin.indexElement(kind, position, name, null),
                    "another index of this table has the same name; index names must be unique within a table",
                    origin.place(kind, position, Setting.NAME)));
        }
    }

    private void checkProjection(IndexKind kind, int position, String name, IndexProjection projection,
            List<String> nonKeyAttributes) {
        if (projection == IndexProjection.INCLUDE && nonKeyAttributes.isEmpty()) {
            problem(kind, position, name, Setting.NON_KEY_ATTRIBUTES, "missing; an INCLUDE projection lists the"
                    + " attributes it copies; or project ALL or KEYS_ONLY");
        }
        if (projection != IndexProjection.INCLUDE && !nonKeyAttributes.isEmpty()) {
            problem(kind, position, name, Setting.NON_KEY_ATTRIBUTES, "only an INCLUDE projection takes non-key"
                    + " attributes; project INCLUDE or remove them");
        }
    }

    private void checkProjectedAttributeCount() {
        int count = table.globalSecondaryIndexes().stream().mapToInt(i -> i.nonKeyAttributes().size()).sum()
                + table.localSecondaryIndexes().stream().mapToInt(i -> i.nonKeyAttributes().size()).sum();
        if (count > MAX_PROJECTED_ATTRIBUTES) {
            problem(Setting.NON_KEY_ATTRIBUTES, count + " non-key attributes projected across the table's indexes;"
                    + " DynamoDB allows at most " + MAX_PROJECTED_ATTRIBUTES + " in all (an attribute projected"
                    + " into two indexes counts twice)");
        }
    }

    private void checkKeyTypes() {
        Map<String, AttributeType> types = new LinkedHashMap<>();
        for (KeyAttribute key : table.keys()) {
            AttributeType earlier = types.putIfAbsent(key.attributeName(), key.type());
            if (earlier != null && earlier != key.type()) {
                problem(Setting.KEYS, "the attribute '" + key.attributeName() + "' is used as a key with two types ("
                        + earlier + " and " + key.type() + "); an attribute has one type, so declare it the same"
                        + " way everywhere");
                types.put(key.attributeName(), key.type());
            }
            if (key.attributeName().length() > 255) {
                problem(Setting.KEYS, "the key attribute name '" + key.attributeName().substring(0, 20)
                        + "...' is longer than 255 characters");
            }
        }
    }

    /**
     * A key schema names two attributes: DynamoDB refuses a HASH and a RANGE element on one attribute
     * ("Both the Hash Key and the Range Key element in the KeySchema have the same name"). An LSI's HASH
     * element is the table's partition key, so its sort key must be another attribute.
     */
    private void checkDistinctKeys() {
        KeyAttribute partitionKey = table.partitionKey();
        if (sameAttribute(partitionKey, table.sortKey())) {
            problem(Setting.SORT_KEY, "the sort key is the partition key '" + partitionKey.attributeName()
                    + "' again; a sort key is another attribute: choose one, or remove the sort key");
        }
        List<DeclaredGlobalIndex> globals = table.globalSecondaryIndexes();
        for (int i = 0; i < globals.size(); i++) {
            DeclaredGlobalIndex index = globals.get(i);
            if (index.partitionKeys().size() == 1 && index.sortKeys().size() == 1) {
                if (sameAttribute(index.partitionKey(), index.sortKey())) {
                    problem(IndexKind.GLOBAL, i + 1, index.name(), Setting.SORT_KEY, "the sort key is the index's"
                            + " partition key '" + index.partitionKey().attributeName() + "' again; a sort key is"
                            + " another attribute: choose one, or remove the sort key");
                }
            } else {
                checkNoAttributeTwice(i + 1, index);
            }
        }
        List<DeclaredLocalIndex> locals = table.localSecondaryIndexes();
        for (int i = 0; i < locals.size(); i++) {
            DeclaredLocalIndex index = locals.get(i);
            if (sameAttribute(partitionKey, index.sortKey())) {
                problem(IndexKind.LOCAL, i + 1, index.name(), Setting.SORT_KEY, "the sort key is the table's"
                        + " partition key '" + partitionKey.attributeName() + "', which a local secondary index"
                        + " shares already; sort the index by another attribute");
            }
        }
    }

    /** In a key of several attributes each attribute comes once, in the partition or in the sort key. */
    private void checkNoAttributeTwice(int position, DeclaredGlobalIndex index) {
        Set<String> seen = new HashSet<>();
        List<KeyAttribute> keys = index.keyAttributes();
        for (int k = 0; k < keys.size(); k++) {
            String name = keys.get(k).attributeName();
            if (!seen.add(name)) {
                problem(IndexKind.GLOBAL, position, index.name(),
                        k < index.partitionKeys().size() ? Setting.PARTITION_KEY : Setting.SORT_KEY,
                        "the attribute '" + name + "' comes twice in the index's key; each attribute of a key of"
                        + " several attributes comes once, in the partition key or in the sort key");
                return;
            }
        }
    }

    private static boolean sameAttribute(KeyAttribute a, KeyAttribute b) {
        return a != null && b != null && a.attributeName().equals(b.attributeName());
    }

    private void checkBilling() {
        List<DeclaredGlobalIndex> indexes = table.globalSecondaryIndexes();
        if (table.billingMode() == BillingMode.PAY_PER_REQUEST) {
            if (table.capacity().isDeclared()) {
                problem(Setting.CAPACITY, "read/write capacity is only for PROVISIONED billing; remove it or set the"
                        + " billing mode to PROVISIONED");
            }
            checkRequestUnits(null, 0, null, table.onDemandThroughput());
            for (int i = 0; i < indexes.size(); i++) {
                DeclaredGlobalIndex index = indexes.get(i);
                if (index.capacity().isDeclared()) {
                    problem(IndexKind.GLOBAL, i + 1, index.name(), Setting.CAPACITY, "read/write capacity is"
                            + " only for tables with PROVISIONED billing; remove it or set the table's billing"
                            + " mode to PROVISIONED");
                }
                checkRequestUnits(IndexKind.GLOBAL, i + 1, index.name(), index.onDemandThroughput());
            }
            return;
        }
        checkCapacity(null, 0, null, table.capacity(), "table");
        if (table.onDemandThroughput().isDeclared()) {
            problem(Setting.ON_DEMAND_THROUGHPUT, "maximum request units are only for PAY_PER_REQUEST billing;"
                    + " remove them or change the billing mode");
        }
        for (int i = 0; i < indexes.size(); i++) {
            DeclaredGlobalIndex index = indexes.get(i);
            checkCapacity(IndexKind.GLOBAL, i + 1, index.name(), index.capacity(), "global secondary index");
            if (index.onDemandThroughput().isDeclared()) {
                problem(IndexKind.GLOBAL, i + 1, index.name(), Setting.ON_DEMAND_THROUGHPUT, "maximum request"
                        + " units are only for tables with PAY_PER_REQUEST billing; remove them");
            }
        }
    }

    /** The capacity of the table ({@code kind} null) or of a global secondary index. */
    private void checkCapacity(IndexKind kind, int position, String indexName, Capacity capacity, String what) {
        if (!capacity.isComplete()) {
            problem(kind, position, indexName, Setting.CAPACITY, "missing; with PROVISIONED billing every " + what
                    + " needs both read and write capacity units");
        } else if (capacity.readCapacityUnits() < 1 || capacity.writeCapacityUnits() < 1) {
            problem(kind, position, indexName, Setting.CAPACITY, "capacity units must be at least 1");
        }
    }

    /** The request unit limits of the table ({@code kind} null) or of a global secondary index. */
    private void checkRequestUnits(IndexKind kind, int position, String indexName, RequestUnits units) {
        for (Long value : new Long[] {units.maxReadRequestUnits(), units.maxWriteRequestUnits()}) {
            if (value != null && value != -1 && value < 1) {
                problem(kind, position, indexName, Setting.ON_DEMAND_THROUGHPUT, "maximum request units are at"
                        + " least 1, or -1 for no limit");
                return;
            }
        }
    }

    private void checkStream() {
        StreamSpecification stream = table.stream();
        if (stream == null) {
            return;
        }
        if (stream.enabled() && stream.viewType() == null) {
            problem(Setting.STREAM, "an enabled stream needs a view type: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or"
                    + " NEW_AND_OLD_IMAGES");
        }
        if (!stream.enabled() && stream.viewType() != null) {
            problem(Setting.STREAM, "a stream view type is only for an enabled stream; enable the stream or remove"
                    + " the view type");
        }
    }

    private void checkEncryption() {
        boolean customer = table.encryption() == Encryption.CUSTOMER_MANAGED;
        boolean hasKey = table.kmsKeyId() != null && !table.kmsKeyId().isBlank();
        if (customer && !hasKey) {
            problem(Setting.KMS_KEY, "missing; CUSTOMER_MANAGED encryption needs the KMS key's id, ARN or alias");
        }
        if (!customer && hasKey) {
            problem(Setting.KMS_KEY, "a KMS key is only for CUSTOMER_MANAGED encryption; set the encryption to"
                    + " CUSTOMER_MANAGED or remove the key");
        }
    }

    private void checkRecoveryPeriod() {
        Long days = table.recoveryPeriodInDays();
        if (days == null) {
            return;
        }
        if (days < 1 || days > MAX_RECOVERY_PERIOD_DAYS) {
            problem(Setting.RECOVERY_PERIOD, days + " days; the recovery period is 1 to " + MAX_RECOVERY_PERIOD_DAYS
                    + " days, or leave it out for DynamoDB's default of " + MAX_RECOVERY_PERIOD_DAYS);
        }
        if (!table.pointInTimeRecovery()) {
            problem(Setting.RECOVERY_PERIOD, "a recovery period is only for point-in-time recovery; enable"
                    + " point-in-time recovery or remove the period");
        }
    }

    /**
     * Auto scaling is for PROVISIONED capacity ("AutoScaling is not available for tables with PAY_PER_REQUEST
     * billing mode", as AWS answers RegisterScalableTarget; aws-cdk #10572), of the table and of its indexes.
     */
    private void checkAutoScaling() {
        List<DeclaredGlobalIndex> indexes = table.globalSecondaryIndexes();
        boolean provisioned = table.billingMode() == BillingMode.PROVISIONED;
        checkAutoScaling(null, 0, null, table.autoScaling(), table.capacity(), provisioned, "the table");
        for (int i = 0; i < indexes.size(); i++) {
            DeclaredGlobalIndex index = indexes.get(i);
            checkAutoScaling(IndexKind.GLOBAL, i + 1, index.name(), index.autoScaling(), index.capacity(), provisioned,
                    "the index");
        }
    }

    private void checkAutoScaling(IndexKind kind, int position, String indexName, AutoScaling scaling,
            Capacity capacity, boolean provisioned, String what) {
        if (!scaling.isDeclared()) {
            return;
        }
        if (!provisioned) {
            problem(kind, position, indexName, Setting.AUTO_SCALING, "auto scaling is only for PROVISIONED billing;"
                    + " a PAY_PER_REQUEST table scales by itself: remove it, or set the billing mode to PROVISIONED");
            return;
        }
        checkScaling(kind, position, indexName, "read", scaling.read(), capacity.readCapacityUnits(), what);
        checkScaling(kind, position, indexName, "write", scaling.write(), capacity.writeCapacityUnits(), what);
    }

    /**
     * One dimension's scaling: 1 <= min <= max, a target utilization in range, and the declared capacity, which the
     * table is created with, within [min, max]: RegisterScalableTarget moves "the resource's current capacity to a
     * value that is inside of this range" at once
     * (<a href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html">
     * API_RegisterScalableTarget</a>), so a capacity outside it is never what the table has.
     */
    private void checkScaling(IndexKind kind, int position, String indexName, String dimension,
            AutoScaling.Dimension scaling, Long capacity, String what) {
        if (scaling == null) {
            return;
        }
        Long min = scaling.minCapacity();
        Long max = scaling.maxCapacity();
        Double target = scaling.targetUtilization();
        List<String> missing = new ArrayList<>();
        if (min == null) {
            missing.add("min");
        }
        if (max == null) {
            missing.add("max");
        }
        if (target == null) {
            missing.add("targetUtilization");
        }
        if (!missing.isEmpty()) {
            problem(kind, position, indexName, Setting.AUTO_SCALING, dimension + " scaling needs min, max and"
                    + " targetUtilization; " + String.join(", ", missing) + " missing");
        }
        if (min != null && (min < 1 || min > Integer.MAX_VALUE)
                || max != null && (max < 1 || max > Integer.MAX_VALUE)) {
            // Application Auto Scaling takes them as Integer (API_RegisterScalableTarget)
            problem(kind, position, indexName, Setting.AUTO_SCALING, dimension + " scaling: min and max are 1 to "
                    + Integer.MAX_VALUE + " capacity units");
        } else if (min != null && max != null && min > max) {
            problem(kind, position, indexName, Setting.AUTO_SCALING, dimension + " scaling: min " + min
                    + " is above max " + max + "; min <= max");
        } else if (min != null && max != null && capacity != null && (capacity < min || capacity > max)) {
            problem(kind, position, indexName, Setting.AUTO_SCALING, dimension + " scaling: " + what + "'s "
                    + dimension + " capacity " + capacity + " is outside min " + min + " to max " + max + ";"
                    + " Application Auto Scaling would move it into the range at once: declare a capacity within it");
        }
        if (target != null && (target.isNaN() || target < MIN_TARGET_UTILIZATION || target > MAX_TARGET_UTILIZATION)) {
            problem(kind, position, indexName, Setting.AUTO_SCALING, dimension + " scaling: target utilization "
                    + target + " %; give a percentage from " + (int) MIN_TARGET_UTILIZATION + " to "
                    + (int) MAX_TARGET_UTILIZATION);
        }
    }

    /**
     * Replicas of a global table (version 2019.11.21): region names, each once. Whether a region exists and is
     * not the table's own is checked once the region is known (see core's ReplicaRules). A PROVISIONED global table
     * needs its write capacity managed by auto scaling: replicas must have "the same specified write capacity
     * management settings" (developer guide, globaltables_reqs_bestpractices), so write auto scaling is required.
     */
    private void checkReplicas() {
        List<String> regions = table.replicaRegions();
        if (regions.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String region : regions) {
            if (region == null || region.isBlank()) {
                problem(Setting.REPLICAS, "a replica without a region; name the region, e.g. eu-west-1");
            } else if (!REGION.matcher(region).matches()) {
                problem(Setting.REPLICAS, "'" + region + "' is not an AWS region name (such as eu-west-1)");
            } else if (!seen.add(region)) {
                problem(Setting.REPLICAS, "the region " + region + " is given twice; give each replica once");
            }
        }
        if (table.billingMode() == BillingMode.PROVISIONED && table.autoScaling().write() == null) {
            problem(Setting.REPLICAS, "a PROVISIONED global table needs its write capacity managed by auto scaling;"
                    + " declare write auto scaling in " + origin.element(Setting.AUTO_SCALING)
                    + ", or use PAY_PER_REQUEST");
        }
        StreamSpecification stream = table.stream();
        if (stream != null && !stream.enabled()) {
            problem(Setting.STREAM, "replicas need the table's stream (DynamoDB turns on NEW_AND_OLD_IMAGES for them"
                    + " and refuses to disable it on a global table); remove the disabled stream, or the replicas");
        }
    }

    /**
     * The warm throughput of the table ({@code kind} null) or of a global secondary index: at least 1 read and 1
     * write unit per second where declared ("Valid Range: Minimum value of 1",
     * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableWarmThroughputDescription.html">
     * API_TableWarmThroughputDescription</a>); either may be declared alone ("you must specify ReadUnitsPerSecond,
     * WriteUnitsPerSecond, or both", the SDK's GlobalSecondaryIndex.WarmThroughput). AWS documents no upper bound
     * but the account's table quota, nor a lower one at creation, so none is checked.
     */
    private void checkWarmThroughput(IndexKind kind, int position, String indexName, WarmThroughput warm) {
        if (warm.readUnitsPerSecond() != null && warm.readUnitsPerSecond() < 1
                || warm.writeUnitsPerSecond() != null && warm.writeUnitsPerSecond() < 1) {
            problem(kind, position, indexName, Setting.WARM_THROUGHPUT, warm + "; warm throughput is at least 1 unit"
                    + " per second, for reads and for writes");
        }
    }

    /**
     * The size of the document as it is sent. Its JSON is checked where it is read (the POM, a file, a table file),
     * which knows where a syntax error lies.
     */
    private void checkResourcePolicy() {
        ResourcePolicy policy = table.resourcePolicy();
        if (policy == null) {
            return;
        }
        int bytes = policy.document().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_RESOURCE_POLICY_BYTES) {
            problem(policy.file() == null ? Setting.RESOURCE_POLICY : Setting.RESOURCE_POLICY_FILE,
                    (policy.file() == null ? "the policy has " : policy.file() + " has ") + bytes + " bytes; DynamoDB"
                    + " takes a resource policy of at most 20 KB (" + MAX_RESOURCE_POLICY_BYTES + " bytes), whitespace"
                    + " included: remove indentation or statements");
        }
    }

    private void problem(Setting setting, String message) {
        problem(null, 0, null, setting, message);
    }

    /** A problem with a setting of the table ({@code kind} null) or of one of its indexes. */
    private void problem(IndexKind kind, int position, String indexName, Setting setting, String message) {
        String element = kind == null ? origin.element(setting)
                : origin.indexElement(kind, position, indexName, setting);
        problems.add(new ConfigurationProblem(subject, element, message, origin.place(kind, position, setting)));
    }
}
