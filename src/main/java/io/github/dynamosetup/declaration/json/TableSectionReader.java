package io.github.dynamosetup.declaration.json;

import static io.github.dynamosetup.declaration.json.JsonFields.isAbsent;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.declaration.json.JsonFields.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sections of a table that a table file and CloudFormation's {@code AWS::DynamoDB::Table} write alike:
 * {@code Tags} (a list of {@code {Key, Value}}), {@code TimeToLiveSpecification},
 * {@code PointInTimeRecoverySpecification}, {@code ContributorInsightsSpecification}, {@code TableClass} and
 * {@code DeletionProtectionEnabled}.
 */
public final class TableSectionReader {

    private static final Shape TAG = new Shape("a tag", "Key", "Value");
    private static final Shape TIME_TO_LIVE = new Shape("TimeToLiveSpecification", "AttributeName", "Enabled");
    private static final Shape POINT_IN_TIME_RECOVERY = new Shape("PointInTimeRecoverySpecification",
            "PointInTimeRecoveryEnabled", "RecoveryPeriodInDays");

    private final JsonFields json;

    public TableSectionReader(JsonFields json) {
        this.json = json;
    }

    /** The table's ContributorInsightsSpecification, TableClass and DeletionProtectionEnabled. */
    public void readTableSettings(JsonNode root, DeclaredTable.Builder table) {
        table.contributorInsights(json.contributorInsights(root.get("ContributorInsightsSpecification"),
                        "$.ContributorInsightsSpecification"))
                .tableClass(json.enumValue(TableClass.class, root, "TableClass", "$.TableClass"))
                .deletionProtection(Boolean.TRUE.equals(json.bool(root, "DeletionProtectionEnabled",
                        "$.DeletionProtectionEnabled")));
    }

    public void timeToLive(JsonNode node, DeclaredTable.Builder table) {
        JsonNode ttl = json.object(node, "$.TimeToLiveSpecification");
        if (ttl == null) {
            return;
        }
        json.checkFields(ttl, "$.TimeToLiveSpecification", TIME_TO_LIVE);
        String attribute = json.text(ttl, "AttributeName", "$.TimeToLiveSpecification.AttributeName");
        Boolean enabled = json.bool(ttl, "Enabled", "$.TimeToLiveSpecification.Enabled");
        if (attribute == null) {
            json.problem("$.TimeToLiveSpecification.AttributeName", "missing; name the attribute that holds each"
                    + " item's expiry time");
        } else if (!Boolean.FALSE.equals(enabled)) {
            table.timeToLiveAttribute(attribute);
        }
    }

    public void pointInTimeRecovery(JsonNode node, DeclaredTable.Builder table) {
        pointInTimeRecovery(node, "$.PointInTimeRecoverySpecification", table);
    }

    /** A PointInTimeRecoverySpecification at {@code path}. */
    public void pointInTimeRecovery(JsonNode node, String path, DeclaredTable.Builder table) {
        JsonNode recovery = json.object(node, path);
        if (recovery != null) {
            json.checkFields(recovery, path, POINT_IN_TIME_RECOVERY);
            table.pointInTimeRecovery(Boolean.TRUE.equals(json.bool(recovery, "PointInTimeRecoveryEnabled",
                    path + ".PointInTimeRecoveryEnabled")))
                    .recoveryPeriodInDays(json.number(recovery, "RecoveryPeriodInDays", path + ".RecoveryPeriodInDays"));
        }
    }

    public Map<String, String> tags(JsonNode node) {
        return tags(node, "$.Tags");
    }

    /** A list of {@code {Key, Value}} at {@code tagsPath}. */
    public Map<String, String> tags(JsonNode node, String tagsPath) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<JsonNode> entries = json.array(node, tagsPath);
        for (int i = 0; i < entries.size(); i++) {
            String path = tagsPath + "[" + i + "]";
            json.checkFields(entries.get(i), path, TAG);
            String key = json.text(entries.get(i), "Key", path + ".Key");
            JsonNode value = entries.get(i).get("Value");
            if (isAbsent(value)) {
                // CreateTable: a Tag's Value is required (it may be empty)
                json.problem(path + ".Value", "missing; give the tag a value (\"\" is one)");
            } else if (!value.isTextual()) {
                json.problem(path + ".Value", "must be a string");
            } else if (key != null && tags.put(key, value.asText()) != null) {
                json.problem(path, "the tag '" + key + "' is given twice; give each key once");
            }
        }
        return tags;
    }
}
