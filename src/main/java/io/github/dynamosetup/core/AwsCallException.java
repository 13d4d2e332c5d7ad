package io.github.dynamosetup.core;

/** A DynamoDB call failed for a reason that is not the declaration's fault (service, network, limits). */
public class AwsCallException extends ProvisioningException {

    private final String errorCode;

    public AwsCallException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** AWS's error code, e.g. {@code ThrottlingException}, or the client-side failure's type. */
    public String errorCode() {
        return errorCode;
    }
}
