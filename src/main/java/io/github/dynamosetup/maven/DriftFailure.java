package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.DriftException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * BUILD FAILURE for declared tables that are missing or differ from their declaration: the user's to act on.
 * Its source is the run's summary. Short and long message are one text (see {@link ProvisioningFailure}).
 */
public class DriftFailure extends MojoFailureException {

    public DriftFailure(DriftException drift) {
        super(drift.summary(), drift.getMessage(), drift.getMessage());
        initCause(drift);
    }
}
