package io.github.dynamosetup.localserver;

/** A server could not be started: none of the backends is available, or the one chosen did not come up. */
public class LocalServerException extends Exception {

    private final boolean unavailable;

    LocalServerException(String message, boolean unavailable) {
        super(message);
        this.unavailable = unavailable;
    }

    /** Whether the cause is a backend missing on this machine (the user's to install), not one that failed. */
    public boolean unavailable() {
        return unavailable;
    }
}
