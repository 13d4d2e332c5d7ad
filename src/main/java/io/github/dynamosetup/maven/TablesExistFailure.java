package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.TablesAlreadyExistException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * BUILD FAILURE of {@code force} for tables that already exist. Its source is the run's summary. Short and
 * long message are one text (see {@link ProvisioningFailure}).
 */
public class TablesExistFailure extends MojoFailureException {

    public TablesExistFailure(TablesAlreadyExistException exist) {
        super(exist.summary(), exist.getMessage(), exist.getMessage());
        initCause(exist);
    }
}
