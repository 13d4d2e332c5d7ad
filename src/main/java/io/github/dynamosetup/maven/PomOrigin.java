package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.IndexKind;
import io.github.dynamosetup.declaration.Origin;
import io.github.dynamosetup.declaration.Place;
import io.github.dynamosetup.declaration.Setting;
import java.util.Arrays;
import java.util.Map;

/** A table declared in the plugin's {@code <tables>}: problems name POM elements. */
public record PomOrigin(int position) implements Origin {

    private static final Map<Setting, String> ELEMENTS = Map.ofEntries(
            Map.entry(Setting.NAME, "<name>"),
            Map.entry(Setting.PARTITION_KEY, "<partitionKey>"),
            Map.entry(Setting.SORT_KEY, "<sortKey>"),
            Map.entry(Setting.KEYS, "<partitionKey>/<sortKey>"),
            Map.entry(Setting.GLOBAL_SECONDARY_INDEXES, "<globalSecondaryIndexes>"),
            Map.entry(Setting.LOCAL_SECONDARY_INDEXES, "<localSecondaryIndexes>"),
            Map.entry(Setting.PROJECTION, "<projection>"),
            Map.entry(Setting.NON_KEY_ATTRIBUTES, "<nonKeyAttributes>"),
            Map.entry(Setting.BILLING_MODE, "<billingMode>"),
            Map.entry(Setting.CAPACITY, "<readCapacity>/<writeCapacity>"),
            Map.entry(Setting.ON_DEMAND_THROUGHPUT, "<maxReadRequestUnits>/<maxWriteRequestUnits>"),
            Map.entry(Setting.TIME_TO_LIVE, "<timeToLiveAttribute>"),
            Map.entry(Setting.STREAM, "<streamViewType>"),
            Map.entry(Setting.ENCRYPTION, "<encryption>"),
            Map.entry(Setting.KMS_KEY, "<kmsKeyId>"),
            Map.entry(Setting.POINT_IN_TIME_RECOVERY, "<pointInTimeRecovery>"),
            Map.entry(Setting.DELETION_PROTECTION, "<deletionProtection>"),
            Map.entry(Setting.TABLE_CLASS, "<tableClass>"),
            Map.entry(Setting.TAGS, "<tags>"));

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
    public String element(Setting setting) {
        return elementOf(setting);
    }

    /** The element of a {@code <table>} that holds the setting: {@code <tableClass>}. */
    static String elementOf(Setting setting) {
        return ELEMENTS.get(setting);
    }

    @Override
    public String indexElement(IndexKind kind, int position, String indexName, Setting setting) {
        String index = (kind == IndexKind.GLOBAL ? "<globalSecondaryIndex> " : "<localSecondaryIndex> ")
                + (indexName == null ? "#" + position : "'" + indexName + "'");
        return setting == null ? index : index + " " + element(setting);
    }

    /**
     * The place of an element of the table, or of one of its indexes ({@code kind} not null), named as in
     * the POM: {@code <sortKey>}, {@code <readCapacity>} (one half of the capacity), {@code <tags><Owner>}.
     */
    Place placeOf(IndexKind kind, int index, String element) {
        if (element.startsWith("<tags><") && element.endsWith(">")) {
            return Place.tag(this, element.substring("<tags><".length(), element.length() - 1));
        }
        Setting setting = ELEMENTS.entrySet().stream().filter(e -> e.getValue().equals(element)).findFirst()
                .or(() -> ELEMENTS.entrySet().stream()
                        .filter(e -> Arrays.asList(e.getValue().split("/")).contains(element)).findFirst())
                .map(Map.Entry::getKey).orElse(null);
        return place(kind, index, setting);
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
