package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.IndexKind;
import io.github.dynamosetup.declaration.Origin;
import io.github.dynamosetup.declaration.Place;
import io.github.dynamosetup.declaration.Setting;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table declared in the plugin's {@code <tables>}: problems name POM elements. */
public record PomOrigin(int position) implements Origin {

    /** The elements of a {@code <table>} and of its indexes, by name, and the setting each holds. */
    private static final Map<String, Setting> SETTINGS = settings();

    /** Each setting's elements; one written in two elements names both ({@code <readCapacity>/<writeCapacity>}). */
    private static final Map<Setting, String> ELEMENTS = elements();

    private static Map<String, Setting> settings() {
        Map<String, Setting> settings = new LinkedHashMap<>();
        settings.put("name", Setting.NAME);
        settings.put("partitionKey", Setting.PARTITION_KEY);
        settings.put("sortKey", Setting.SORT_KEY);
        settings.put("globalSecondaryIndexes", Setting.GLOBAL_SECONDARY_INDEXES);
        settings.put("localSecondaryIndexes", Setting.LOCAL_SECONDARY_INDEXES);
        settings.put("projection", Setting.PROJECTION);
        settings.put("nonKeyAttributes", Setting.NON_KEY_ATTRIBUTES);
        settings.put("billingMode", Setting.BILLING_MODE);
        settings.put("readCapacity", Setting.CAPACITY);
        settings.put("writeCapacity", Setting.CAPACITY);
        settings.put("maxReadRequestUnits", Setting.ON_DEMAND_THROUGHPUT);
        settings.put("maxWriteRequestUnits", Setting.ON_DEMAND_THROUGHPUT);
        settings.put("timeToLiveAttribute", Setting.TIME_TO_LIVE);
        settings.put("streamViewType", Setting.STREAM);
        settings.put("encryption", Setting.ENCRYPTION);
        settings.put("kmsKeyId", Setting.KMS_KEY);
        settings.put("pointInTimeRecovery", Setting.POINT_IN_TIME_RECOVERY);
        settings.put("recoveryPeriodInDays", Setting.RECOVERY_PERIOD);
        settings.put("warmThroughput", Setting.WARM_THROUGHPUT);
        settings.put("contributorInsights", Setting.CONTRIBUTOR_INSIGHTS);
        settings.put("deletionProtection", Setting.DELETION_PROTECTION);
        settings.put("resourcePolicy", Setting.RESOURCE_POLICY);
        settings.put("resourcePolicyFile", Setting.RESOURCE_POLICY_FILE);
        settings.put("tableClass", Setting.TABLE_CLASS);
        settings.put("autoScaling", Setting.AUTO_SCALING);
        settings.put("replicas", Setting.REPLICAS);
        settings.put("tags", Setting.TAGS);
        return Collections.unmodifiableMap(settings);
    }

    private static Map<Setting, String> elements() {
        Map<Setting, String> elements = new EnumMap<>(Setting.class);
        SETTINGS.forEach((name, setting) -> elements.merge(setting, "<" + name + ">", (a, b) -> a + "/" + b));
        elements.put(Setting.KEYS, elements.get(Setting.PARTITION_KEY) + "/" + elements.get(Setting.SORT_KEY));
        return Collections.unmodifiableMap(elements);
    }

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
     * The place of an element of the table, or of one of its indexes ({@code kind} not null), by its name
     * ({@code readCapacity}, one half of the capacity); the table or index as a whole for an element that
     * holds no setting.
     */
    Place placeOf(IndexKind kind, int index, String elementName) {
        return place(kind, index, SETTINGS.get(elementName));
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
