package io.github.dynamosetup.declaration.json;

import io.github.dynamosetup.declaration.IndexKind;
import io.github.dynamosetup.declaration.Origin;
import io.github.dynamosetup.declaration.Place;
import io.github.dynamosetup.declaration.Setting;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A table declared in a JSON file: problems name the file and a JSON path. */
public record JsonOrigin(String file) implements Origin {

    private static final Map<Setting, String> PATHS = Map.ofEntries(
            Map.entry(Setting.NAME, "$.TableName"),
            Map.entry(Setting.PARTITION_KEY, "$.KeySchema"),
            Map.entry(Setting.SORT_KEY, "$.KeySchema"),
            Map.entry(Setting.KEYS, "$.AttributeDefinitions"),
            Map.entry(Setting.GLOBAL_SECONDARY_INDEXES, "$.GlobalSecondaryIndexes"),
            Map.entry(Setting.LOCAL_SECONDARY_INDEXES, "$.LocalSecondaryIndexes"),
            Map.entry(Setting.PROJECTION, "$.Projection.ProjectionType"),
            Map.entry(Setting.NON_KEY_ATTRIBUTES, "$.Projection.NonKeyAttributes"),
            Map.entry(Setting.BILLING_MODE, "$.BillingMode"),
            Map.entry(Setting.CAPACITY, "$.ProvisionedThroughput"),
            Map.entry(Setting.ON_DEMAND_THROUGHPUT, "$.OnDemandThroughput"),
            Map.entry(Setting.TIME_TO_LIVE, "$.TimeToLiveSpecification.AttributeName"),
            Map.entry(Setting.STREAM, "$.StreamSpecification"),
            Map.entry(Setting.ENCRYPTION, "$.SSESpecification"),
            Map.entry(Setting.KMS_KEY, "$.SSESpecification.KMSMasterKeyId"),
            Map.entry(Setting.POINT_IN_TIME_RECOVERY, "$.PointInTimeRecoverySpecification"),
            Map.entry(Setting.RECOVERY_PERIOD, "$.PointInTimeRecoverySpecification.RecoveryPeriodInDays"),
            Map.entry(Setting.WARM_THROUGHPUT, "$.WarmThroughput"),
            Map.entry(Setting.CONTRIBUTOR_INSIGHTS, "$.ContributorInsightsSpecification"),
            Map.entry(Setting.DELETION_PROTECTION, "$.DeletionProtectionEnabled"),
            Map.entry(Setting.RESOURCE_POLICY, "$.ResourcePolicy"),
            Map.entry(Setting.TABLE_CLASS, "$.TableClass"),
            Map.entry(Setting.AUTO_SCALING, "$.AutoScaling"),
            Map.entry(Setting.REPLICAS, "$.Replicas"),
            Map.entry(Setting.TAGS, "$.Tags"));

    /** Index fields are relative to the index: these are their names inside it. */
    private static final Map<Setting, String> INDEX_FIELDS = Map.of(
            Setting.NAME, "IndexName",
            Setting.PARTITION_KEY, "KeySchema",
            Setting.SORT_KEY, "KeySchema",
            Setting.PROJECTION, "Projection.ProjectionType",
            Setting.NON_KEY_ATTRIBUTES, "Projection.NonKeyAttributes",
            Setting.CAPACITY, "ProvisionedThroughput",
            Setting.AUTO_SCALING, "AutoScaling",
            Setting.ON_DEMAND_THROUGHPUT, "OnDemandThroughput",
            Setting.WARM_THROUGHPUT, "WarmThroughput",
            Setting.CONTRIBUTOR_INSIGHTS, "ContributorInsightsSpecification");

    /** A path in a secondary index: its kind, its index in the array, and what follows. */
    private static final Pattern INDEX_PATH = Pattern.compile("\\$\\.(Global|Local)SecondaryIndexes\\[(\\d+)](.*)");

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
    public String element(Setting setting) {
        return PATHS.get(setting);
    }

    @Override
    public String indexElement(IndexKind kind, int position, String indexName, Setting setting) {
        return pathOf(kind, position, setting);
    }

    /**
     * Settings written at one path are one place: a table file writes both keys in one KeySchema, so a
     * problem there concerns both.
     */
    @Override
    public Place place(IndexKind kind, int position, Setting setting) {
        return placeIn(this, kind, position, setting);
    }

    /**
     * The place of a setting of a table declared in a format that writes it at the paths of a table file (a
     * CloudFormation template's {@code AWS::DynamoDB::Table}): settings written at one path are one place.
     */
    public static Place placeIn(Origin origin, IndexKind kind, int position, Setting setting) {
        Map<Setting, String> paths = kind == null ? PATHS : INDEX_FIELDS;
        String path = setting == null ? null : paths.get(setting);
        Setting first = path == null ? setting
                : Stream.of(Setting.values()).filter(s -> path.equals(paths.get(s))).findFirst().orElseThrow();
        return new Place(origin, kind, kind == null ? 0 : position, first, null);
    }

    /**
     * The place a JSON path of this file lies in: the setting, of the table or of an index, at that path or
     * above it ({@code $.KeySchema[1].AttributeName} is in the table's key schema); the index itself, or the
     * table, when no setting is.
     */
    public Place placeOf(String path) {
        return placeOf(this, path);
    }

    /** The place a path from {@code $} lies in, for a table of {@code origin} written as a table file is. */
    public static Place placeOf(Origin origin, String path) {
        Matcher index = INDEX_PATH.matcher(path);
        if (index.matches()) {
            IndexKind kind = index.group(1).equals("Global") ? IndexKind.GLOBAL : IndexKind.LOCAL;
            String inIndex = index.group(3).startsWith(".") ? index.group(3).substring(1) : index.group(3);
            return placeIn(origin, kind, Integer.parseInt(index.group(2)) + 1, settingAt(inIndex, INDEX_FIELDS));
        }
        return placeIn(origin, null, 0, settingAt(path, PATHS));
    }

    /** The path from {@code $} of a setting of the table or of an index, as {@link #element} and {@link #indexElement}. */
    public static String pathOf(IndexKind kind, int position, Setting setting) {
        if (kind == null) {
            return PATHS.get(setting);
        }
        String index = (kind == IndexKind.GLOBAL ? "$.GlobalSecondaryIndexes[" : "$.LocalSecondaryIndexes[")
                + (position - 1) + "]";
        return setting == null ? index : index + "." + INDEX_FIELDS.get(setting);
    }

    /** The setting whose path is {@code path} or the nearest above it; {@code null} when there is none. */
    private static Setting settingAt(String path, Map<Setting, String> paths) {
        Setting found = null;
        for (Map.Entry<Setting, String> setting : paths.entrySet()) {
            String at = setting.getValue();
            boolean within = path.equals(at) || path.startsWith(at + ".") || path.startsWith(at + "[");
            if (within && (found == null || at.length() > paths.get(found).length())) {
                found = setting.getKey();
            }
        }
        return found;
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
