package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
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
 * @param tableClass the table class
 * @param timeToLiveStatus ENABLED, DISABLED, ENABLING, DISABLING
 * @param timeToLiveAttribute the TTL attribute, or null
 * @param tags every tag of the table
 * @param pointInTimeRecovery whether continuous backups are on; null when not read (not declared)
 * @param unrecognized what AWS reported in values this version does not know (a table class AWS added
 *     later, say), by the setting they concern ({@code table class}, {@code partition key},
 *     {@code projection of index by-status}, ...), as AWS wrote them; the setting's own component is then
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
        TableClass tableClass,
        String timeToLiveStatus,
        String timeToLiveAttribute,
        Map<String, String> tags,
        Boolean pointInTimeRecovery,
        Map<String, String> unrecognized) {

    public LiveTable {
        unrecognized = Map.copyOf(unrecognized);
    }

    /** A table whose every value is one this version knows. */
    public LiveTable(String name, String arn, String status, KeyAttribute partitionKey, KeyAttribute sortKey,
            Map<String, Index> globalSecondaryIndexes, Map<String, Index> localSecondaryIndexes, BillingMode billingMode,
            Capacity capacity, RequestUnits onDemandThroughput, StreamViewType streamViewType, String streamArn,
            String kmsKeyArn, boolean deletionProtection, TableClass tableClass, String timeToLiveStatus,
            String timeToLiveAttribute, Map<String, String> tags, Boolean pointInTimeRecovery) {
        this(name, arn, status, partitionKey, sortKey, globalSecondaryIndexes, localSecondaryIndexes, billingMode,
                capacity, onDemandThroughput, streamViewType, streamArn, kmsKeyArn, deletionProtection, tableClass,
                timeToLiveStatus, timeToLiveAttribute, tags, pointInTimeRecovery, Map.of());
    }

    /** The live value of {@code setting} as text: AWS's own word when this version does not know it. */
    String text(String setting, Object known) {
        String raw = unrecognized.get(setting);
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
     * A secondary index as DynamoDB holds it.
     *
     * @param partitionKey the index's partition key
     * @param sortKey its sort key, or null
     * @param projection its projection type
     * @param nonKeyAttributes what an INCLUDE projection copies
     * @param capacity provisioned throughput of a GSI on a PROVISIONED table
     */
    public record Index(KeyAttribute partitionKey, KeyAttribute sortKey, IndexProjection projection, List<String> nonKeyAttributes,
            Capacity capacity) {}
}
