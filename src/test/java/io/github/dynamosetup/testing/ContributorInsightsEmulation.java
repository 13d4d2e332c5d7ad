package io.github.dynamosetup.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Catalogue: contributor insights. moto 5.2 answers UpdateContributorInsights and DescribeContributorInsights with
 * HTTP 500 (not implemented), so the layer answers them itself, per table and per global secondary index, as
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContributorInsights.html">
 * API_UpdateContributorInsights</a> and
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContributorInsights.html">
 * API_DescribeContributorInsights</a> describe them: DISABLED until enabled; ENABLE answers ENABLING, which
 * DescribeContributorInsights reports for a few answers before ENABLED (DISABLE likewise DISABLING, then
 * DISABLED); a table the server does not know, or an index the table does not have, is
 * ResourceNotFoundException. A test can make the next ENABLE end FAILED, with the FailureException AWS reports
 * then (LimitExceededException when the account's CloudWatch Contributor Insights rules are used up, say).
 */
final class ContributorInsightsEmulation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_MODE = "ACCESSED_AND_THROTTLED_KEYS";

    /** One table's or index's contributor insights. */
    private static final class State {
        String status = "DISABLED";
        /** DescribeContributorInsights answers left before ENABLING or DISABLING settles. */
        int settlingLeft;
        String settlesTo;
        String failureName;
        String failureDescription;
        long lastUpdate = System.currentTimeMillis() / 1000;
    }

    private final int settlingDescribes;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private volatile String[] nextFailure;

    /** @param settlingDescribes how many DescribeContributorInsights answers say ENABLING (or DISABLING) */
    ContributorInsightsEmulation(int settlingDescribes) {
        this.settlingDescribes = settlingDescribes;
    }

    /** The next ENABLE settles FAILED, with this FailureException, instead of ENABLED. */
    void failNextEnable(String exceptionName, String description) {
        nextFailure = new String[] {exceptionName, description};
    }

    /** The table is gone: so is its contributor insights. */
    void forget(String table) {
        states.keySet().removeIf(key -> key.equals(table) || key.startsWith(table + "/"));
    }

    /**
     * The answer to UpdateContributorInsights or DescribeContributorInsights.
     *
     * @param described the server's answer to DescribeTable for the request's table
     */
    AwsBehaviour.Answer answer(String operation, JsonNode request, JsonNode described) {
        String table = request.path("TableName").asText();
        String index = request.hasNonNull("IndexName") ? request.get("IndexName").asText() : null;
        if (!described.has("Table")) {
            return AwsBehaviour.Answer.refusal("ResourceNotFoundException", "Requested resource not found: Table: "
                    + table + " not found");
        }
        boolean hasIndex = false;
        for (JsonNode existing : described.path("Table").path("GlobalSecondaryIndexes")) {
            hasIndex |= existing.path("IndexName").asText().equals(index);
        }
        if (index != null && !hasIndex) {
            // the exact code for an unknown index is not documented; ResourceNotFoundException as for a table
            return AwsBehaviour.Answer.refusal("ResourceNotFoundException", "Requested resource not found: Index: "
                    + index + " not found for table " + table);
        }
        State state = states.computeIfAbsent(index == null ? table : table + "/" + index, k -> new State());
        synchronized (state) {
            return operation.equals("UpdateContributorInsights") ? update(request, table, index, state)
                    : describe(table, index, state);
        }
    }

    private AwsBehaviour.Answer update(JsonNode request, String table, String index, State state) {
        String action = request.path("ContributorInsightsAction").asText();
        if (!action.equals("ENABLE") && !action.equals("DISABLE")) {
            return AwsBehaviour.Answer.refusal("ValidationException", "1 validation error detected: Value '" + action
                    + "' at 'contributorInsightsAction' failed to satisfy constraint: Member must satisfy enum value"
                    + " set: [ENABLE, DISABLE]");
        }
        boolean enable = action.equals("ENABLE");
        boolean on = state.status.equals("ENABLED") || state.status.equals("ENABLING");
        if (enable != on) {
            state.status = enable ? "ENABLING" : "DISABLING";
            state.settlesTo = enable ? "ENABLED" : "DISABLED";
            state.settlingLeft = settlingDescribes;
            state.failureName = null;
            state.failureDescription = null;
            String[] failure = nextFailure;
            if (enable && failure != null) {
                nextFailure = null;
                state.settlesTo = "FAILED";
                state.failureName = failure[0];
                state.failureDescription = failure[1];
            }
            state.lastUpdate = System.currentTimeMillis() / 1000;
        }
        ObjectNode answer = names(table, index).put("ContributorInsightsStatus", state.status);
        if (enable) {
            answer.put("ContributorInsightsMode", request.path("ContributorInsightsMode").asText(DEFAULT_MODE));
        }
        return ok(answer);
    }

    private AwsBehaviour.Answer describe(String table, String index, State state) {
        if (state.settlesTo != null && state.settlingLeft-- <= 0) {
            state.status = state.settlesTo;
            state.settlesTo = null;
        }
        ObjectNode answer = names(table, index).put("ContributorInsightsStatus", state.status)
                .put("LastUpdateDateTime", state.lastUpdate);
        if (state.status.equals("ENABLED") || state.status.equals("ENABLING")) {
            answer.put("ContributorInsightsMode", DEFAULT_MODE);
            answer.putArray("ContributorInsightsRuleList")
                    .add("DynamoDBContributorInsights-PKC-" + table)
                    .add("DynamoDBContributorInsights-PKT-" + table);
        }
        if (state.status.equals("FAILED")) {
            answer.putObject("FailureException").put("ExceptionName", state.failureName)
                    .put("ExceptionDescription", state.failureDescription);
        }
        return ok(answer);
    }

    private static ObjectNode names(String table, String index) {
        ObjectNode answer = JSON.createObjectNode().put("TableName", table);
        if (index != null) {
            answer.put("IndexName", index);
        }
        return answer;
    }

    private static AwsBehaviour.Answer ok(ObjectNode answer) {
        try {
            return AwsBehaviour.Answer.ok(JSON.writeValueAsBytes(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
