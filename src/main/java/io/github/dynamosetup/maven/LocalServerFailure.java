package io.github.dynamosetup.maven;

import io.github.dynamosetup.localserver.LocalServerException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * BUILD FAILURE of {@code start}: the backend asked for (or every backend, for {@code auto}) is not installed here,
 * or {@code <localServer>} names none; the message says what to install or write. A backend that is installed but
 * does not come up is a {@link LocalServerBroken}.
 */
public class LocalServerFailure extends MojoFailureException {

    public LocalServerFailure(String message) {
        super("dynamo-setup:start", message, message);
    }

    /** The failure of a backend that is missing. */
    static LocalServerFailure of(LocalServerException missing) {
        return new LocalServerFailure(missing.getMessage());
    }
}
