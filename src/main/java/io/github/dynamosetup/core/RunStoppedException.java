package io.github.dynamosetup.core;

/**
 * The run was asked to stop ({@link TableProvisioner#stop()}, or its thread was interrupted): a table's work
 * ended at a step boundary, or never started. Calls that were in flight were let finish.
 */
public class RunStoppedException extends ProvisioningException {

    public RunStoppedException(String table, String where) {
        super("the run was stopped " + where + " on table '" + table + "'", null);
    }
}
