package io.github.dynamosetup.core;

/** A run could not do what was asked; the message says what state the tables are in and what to do. */
public abstract class ProvisioningException extends Exception {

    protected ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
