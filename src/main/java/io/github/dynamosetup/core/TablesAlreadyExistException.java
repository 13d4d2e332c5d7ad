package io.github.dynamosetup.core;

import java.util.List;

/** {@code force} called CreateTable for tables that already exist (ResourceInUseException). */
public class TablesAlreadyExistException extends ProvisioningException {

    private final RunSummary summary;

    public TablesAlreadyExistException(RunSummary summary) {
        this(summary.names(TableResult.Outcome.ALREADY_EXISTS), summary.names(TableResult.Outcome.CREATED),
                summary.target(), summary);
    }

    private TablesAlreadyExistException(List<String> existingTables, List<String> createdTables, String target,
            RunSummary summary) {
        super("ResourceInUseException: " + (existingTables.size() == 1 ? "the table " : "the tables ")
                + String.join(", ", existingTables) + (existingTables.size() == 1 ? " already exists" : " already exist")
                + " in " + target + ", so CreateTable was refused"
                + (createdTables.isEmpty() ? "" : "; created: " + String.join(", ", createdTables))
                + ". To check the existing tables run mvn dynamo-setup:validate; to create only what is missing"
                + " run mvn dynamo-setup:create; to recreate a table, delete it first.", null);
        this.summary = summary;
    }

    public RunSummary summary() {
        return summary;
    }

}
