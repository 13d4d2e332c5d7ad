package io.github.dynamosetup.core;

/**
 * Work on a table failed with an exception the core did not expect (a defect of dynamo-setup or of a
 * library it uses, not of the declaration nor of AWS). Names the table; the cause keeps the stack trace.
 */
public class UnexpectedFailureException extends ProvisioningException {

    public UnexpectedFailureException(String table, RuntimeException cause) {
        super("dynamo-setup failed unexpectedly while working on table '" + table + "' (" + cause.getClass().getName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + "). This is a defect of"
                + " dynamo-setup, not of the declaration or of AWS: please report it with the stack trace.", cause);
    }
}
