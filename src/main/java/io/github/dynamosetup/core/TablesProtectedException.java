package io.github.dynamosetup.core;

import java.util.List;

/** {@code delete} left tables with deletion protection as they are; the others were deleted. */
public class TablesProtectedException extends ProvisioningException {

    private final RunSummary summary;

    public TablesProtectedException(RunSummary summary) {
        super(describe(summary.names(TableResult.Outcome.PROTECTED), summary.names(TableResult.Outcome.DELETED),
                summary.target()), null);
        this.summary = summary;
    }

    private static String describe(List<String> protectedTables, List<String> deleted, String target) {
        boolean one = protectedTables.size() == 1;
        return (one ? "The table " : "The tables ") + String.join(", ", protectedTables) + " in " + target
                + (one ? " has" : " have") + " deletion protection, so " + (one ? "it was" : "they were")
                + " not deleted; dynamo-setup never turns the protection off"
                + (deleted.isEmpty() ? "" : " (deleted: " + String.join(", ", deleted) + ")")
                + ". If " + (one ? "it is" : "they are") + " meant to go, turn deletion protection off yourself"
                + " (aws dynamodb update-table --no-deletion-protection-enabled --table-name NAME) and run the goal"
                + " again; if " + (one ? "it is" : "they are") + " not, leave " + (one ? "it" : "them")
                + " out of the tables this goal deletes.";
    }

    public RunSummary summary() {
        return summary;
    }
}
