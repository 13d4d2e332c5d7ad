package io.github.dynamosetup.spec.json;

import io.github.dynamosetup.spec.Field;
import io.github.dynamosetup.spec.IndexKind;
import io.github.dynamosetup.spec.Origin;
import java.util.Map;

/** A table declared in a JSON spec file: problems name the file and a JSON path. */
public record JsonOrigin(String file) implements Origin {

    private static final Map<Field, String> PATHS = Map.ofEntries(
            Map.entry(Field.NAME, "$.TableName"),
            Map.entry(Field.PARTITION_KEY, "$.KeySchema"),
            Map.entry(Field.SORT_KEY, "$.KeySchema"),
            Map.entry(Field.KEYS, "$.AttributeDefinitions"),
            Map.entry(Field.GLOBAL_SECONDARY_INDEXES, "$.GlobalSecondaryIndexes"),
            Map.entry(Field.LOCAL_SECONDARY_INDEXES, "$.LocalSecondaryIndexes"),
            Map.entry(Field.PROJECTION, "Projection.ProjectionType"),
            Map.entry(Field.NON_KEY_ATTRIBUTES, "Projection.NonKeyAttributes"),
            Map.entry(Field.BILLING_MODE, "$.BillingMode"),
            Map.entry(Field.CAPACITY, "$.ProvisionedThroughput"),
            Map.entry(Field.ON_DEMAND_THROUGHPUT, "$.OnDemandThroughput"),
            Map.entry(Field.TIME_TO_LIVE, "$.TimeToLiveSpecification.AttributeName"),
            Map.entry(Field.STREAM, "$.StreamSpecification"),
            Map.entry(Field.ENCRYPTION, "$.SSESpecification"),
            Map.entry(Field.KMS_KEY, "$.SSESpecification.KMSMasterKeyId"),
            Map.entry(Field.POINT_IN_TIME_RECOVERY, "$.PointInTimeRecoverySpecification"),
            Map.entry(Field.DELETION_PROTECTION, "$.DeletionProtectionEnabled"),
            Map.entry(Field.TABLE_CLASS, "$.TableClass"),
            Map.entry(Field.TAGS, "$.Tags"));

    /** Index fields are relative to the index: these are their names inside it. */
    private static final Map<Field, String> INDEX_FIELDS = Map.of(
            Field.NAME, "IndexName",
            Field.PARTITION_KEY, "KeySchema",
            Field.SORT_KEY, "KeySchema",
            Field.PROJECTION, "Projection.ProjectionType",
            Field.NON_KEY_ATTRIBUTES, "Projection.NonKeyAttributes",
            Field.CAPACITY, "ProvisionedThroughput",
            Field.ON_DEMAND_THROUGHPUT, "OnDemandThroughput");

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
    public String element(Field field) {
        String path = PATHS.get(field);
        return path.startsWith("$") ? path : "$." + path;
    }

    @Override
    public String indexElement(IndexKind kind, int position, String indexName, Field field) {
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
