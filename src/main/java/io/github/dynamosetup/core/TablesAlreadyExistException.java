package io.github.dynamosetup.core;

import java.util.List;

/** {@code force} called CreateTable for tables that already exist (ResourceInUseException). */
public class TablesAlreadyExistException extends ProvisioningException {

    private final RunSummary summary;

    public TablesAlreadyExistException(RunSummary summary, Remedies remedies) {
        super(describe(summary.names(TableResult.Outcome.ALREADY_EXISTS), summary.names(TableResult.Outcome.CREATED),
                summary.target(), remedies), null);
        this.summary = summary;
    }

    private static String describe(List<String> existingTables, List<String> createdTables, String target,
            Remedies remedies) {
        return "ResourceInUseException: " + (existingTables.size() == 1 ? "the table " : "the tables ")
                + String.join(", ", existingTables) + (existingTables.size() == 1 ? " already exists" : " already exist")
                + " in " + target + ", so CreateTable was refused"
                + (createdTables.isEmpty() ? "" : "; created: " + String.join(", ", createdTables))
                + ". To check the existing tables run " + remedies.run(Goal.VALIDATE) + "; to create only what is"
                + " missing run " + remedies.run(Goal.CREATE) + "; to recreate a table, delete it first.";
    }

    public RunSummary summary() {
        return summary;
    }
}
