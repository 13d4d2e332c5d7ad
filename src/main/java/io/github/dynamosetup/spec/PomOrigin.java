package io.github.dynamosetup.spec;

import java.util.Map;

/** A table declared in the plugin's {@code <tables>}: problems name POM elements. */
public record PomOrigin(int position) implements Origin {

    private static final Map<Field, String> ELEMENTS = Map.ofEntries(
            Map.entry(Field.NAME, "<name>"),
            Map.entry(Field.PARTITION_KEY, "<partitionKey>"),
            Map.entry(Field.SORT_KEY, "<sortKey>"),
            Map.entry(Field.KEYS, "<partitionKey>/<sortKey>"),
            Map.entry(Field.GLOBAL_SECONDARY_INDEXES, "<globalSecondaryIndexes>"),
            Map.entry(Field.LOCAL_SECONDARY_INDEXES, "<localSecondaryIndexes>"),
            Map.entry(Field.PROJECTION, "<projection>"),
            Map.entry(Field.NON_KEY_ATTRIBUTES, "<nonKeyAttributes>"),
            Map.entry(Field.BILLING_MODE, "<billingMode>"),
            Map.entry(Field.CAPACITY, "<readCapacity>/<writeCapacity>"),
            Map.entry(Field.ON_DEMAND_THROUGHPUT, "<maxReadRequestUnits>/<maxWriteRequestUnits>"),
            Map.entry(Field.TIME_TO_LIVE, "<timeToLiveAttribute>"),
            Map.entry(Field.STREAM, "<streamViewType>"),
            Map.entry(Field.ENCRYPTION, "<encryption>"),
            Map.entry(Field.KMS_KEY, "<kmsKeyId>"),
            Map.entry(Field.POINT_IN_TIME_RECOVERY, "<pointInTimeRecovery>"),
            Map.entry(Field.DELETION_PROTECTION, "<deletionProtection>"),
            Map.entry(Field.TABLE_CLASS, "<tableClass>"),
            Map.entry(Field.TAGS, "<tags>"));

    @Override
    public String describe() {
        return "<tables> #" + position;
    }

    @Override
    public String subject(String tableName) {
        return tableName == null || tableName.isBlank()
                ? "table #" + position + " (no name)"
                : "table '" + tableName + "'";
    }

    @Override
    public String element(Field field) {
        return ELEMENTS.get(field);
    }

    @Override
    public String indexElement(IndexKind kind, int position, String indexName, Field field) {
        String index = (kind == IndexKind.GLOBAL ? "<globalSecondaryIndex> " : "<localSecondaryIndex> ")
                + (indexName == null ? "#" + position : "'" + indexName + "'");
        return field == null ? index : index + " " + element(field);
    }

    @Override
    public String tagElement(String key) {
        return "<tags><" + key + ">";
    }

    @Override
    public boolean emptyTagValuesAllowed() {
        return false;
    }
}
