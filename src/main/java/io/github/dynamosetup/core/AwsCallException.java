package io.github.dynamosetup.core;

/** A DynamoDB call failed for a reason that is not the declaration's fault (service, network, limits). */
public class AwsCallException extends ProvisioningException {

    private final String table;
    private final String operation;
    private final String errorCode;

    public AwsCallException(String table, String operation, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.table = table;
        this.operation = operation;
        this.errorCode = errorCode;
    }

    /** The table the call was about. */
    public String table() {
        return table;
    }

    /** The DynamoDB operation, e.g. {@code CreateTable}. */
    public String operation() {
        return operation;
    }

    /** AWS's error code, e.g. {@code ThrottlingException}, or the client-side failure's type. */
    public String errorCode() {
        return errorCode;
    }
}
