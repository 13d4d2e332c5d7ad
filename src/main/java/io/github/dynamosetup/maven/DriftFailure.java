package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.DriftException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * BUILD FAILURE for declared tables that are missing or differ from their declaration: the user's to act on.
 * Its source is the run's summary.
 *
 * <p>Short and long message are one text, the message users have always seen: Maven prints
 * {@code Failed to execute goal ...: <short>} and then the long message unless the short one contains it, so
 * a long message of its own would print the failure twice.
 */
public class DriftFailure extends MojoFailureException {

    public DriftFailure(DriftException drift) {
        super(drift.summary(), drift.getMessage(), drift.getMessage());
        initCause(drift);
    }
}
