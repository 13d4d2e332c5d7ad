package io.github.dynamosetup.declaration.json;

import io.github.dynamosetup.declaration.Setting;
import io.github.dynamosetup.declaration.IndexKind;
import io.github.dynamosetup.declaration.Origin;
import java.util.Map;

/** A table declared in a JSON file: problems name the file and a JSON path. */
public record JsonOrigin(String file) implements Origin {

    private static final Map<Setting, String> PATHS = Map.ofEntries(
            Map.entry(Setting.NAME, "$.TableName"),
            Map.entry(Setting.PARTITION_KEY, "$.KeySchema"),
            Map.entry(Setting.SORT_KEY, "$.KeySchema"),
            Map.entry(Setting.KEYS, "$.AttributeDefinitions"),
            Map.entry(Setting.GLOBAL_SECONDARY_INDEXES, "$.GlobalSecondaryIndexes"),
            Map.entry(Setting.LOCAL_SECONDARY_INDEXES, "$.LocalSecondaryIndexes"),
            Map.entry(Setting.PROJECTION, "Projection.ProjectionType"),
            Map.entry(Setting.NON_KEY_ATTRIBUTES, "Projection.NonKeyAttributes"),
            Map.entry(Setting.BILLING_MODE, "$.BillingMode"),
            Map.entry(Setting.CAPACITY, "$.ProvisionedThroughput"),
            Map.entry(Setting.ON_DEMAND_THROUGHPUT, "$.OnDemandThroughput"),
            Map.entry(Setting.TIME_TO_LIVE, "$.TimeToLiveSpecification.AttributeName"),
            Map.entry(Setting.STREAM, "$.StreamSpecification"),
            Map.entry(Setting.ENCRYPTION, "$.SSESpecification"),
            Map.entry(Setting.KMS_KEY, "$.SSESpecification.KMSMasterKeyId"),
            Map.entry(Setting.POINT_IN_TIME_RECOVERY, "$.PointInTimeRecoverySpecification"),
            Map.entry(Setting.DELETION_PROTECTION, "$.DeletionProtectionEnabled"),
            Map.entry(Setting.TABLE_CLASS, "$.TableClass"),
            Map.entry(Setting.TAGS, "$.Tags"));

    /** Index fields are relative to the index: these are their names inside it. */
    private static final Map<Setting, String> INDEX_FIELDS = Map.of(
            Setting.NAME, "IndexName",
            Setting.PARTITION_KEY, "KeySchema",
            Setting.SORT_KEY, "KeySchema",
            Setting.PROJECTION, "Projection.ProjectionType",
            Setting.NON_KEY_ATTRIBUTES, "Projection.NonKeyAttributes",
            Setting.CAPACITY, "ProvisionedThroughput",
            Setting.ON_DEMAND_THROUGHPUT, "OnDemandThroughput");

    @Override
    public String describe() {
        return "file " + file;
    }

    @Override
    public String subject(String tableName) {
        return (tableName == null || tableName.isBlank() ? "table with no name" : "table '" + tableName + "'")
                + " (" + file + ")";
    }

    @Override
    public String element(Setting field) {
        String path = PATHS.get(field);
        return path.startsWith("$") ? path : "$." + path;
    }

    @Override
    public String indexElement(IndexKind kind, int position, String indexName, Setting field) {
        String index = (kind == IndexKind.GLOBAL ? "$.GlobalSecondaryIndexes[" : "$.LocalSecondaryIndexes[")
                + (position - 1) + "]";
        return field == null ? index : index + "." + INDEX_FIELDS.get(field);
    }

    @Override
    public String tagElement(String key) {
        return "$.Tags[Key=" + key + "]";
    }

    @Override
    public boolean emptyTagValuesAllowed() {
        return true;
    }
}
