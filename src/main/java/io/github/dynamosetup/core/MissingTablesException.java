package io.github.dynamosetup.core;

import java.util.List;

/** {@code validate} found declared tables that do not exist. */
public class MissingTablesException extends ProvisioningException {

    private final List<String> missingTables;

    public MissingTablesException(List<String> missingTables, String target) {
        super(missingTables.size() + (missingTables.size() == 1 ? " declared table does" : " declared tables do")
                + " not exist in " + target + ": " + String.join(", ", missingTables)
                + ". Create " + (missingTables.size() == 1 ? "it" : "them") + " with: mvn dynamo-setup:create", null);
        this.missingTables = List.copyOf(missingTables);
    }

    public List<String> missingTables() {
        return missingTables;
    }
}
