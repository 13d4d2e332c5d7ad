package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.TablesProtectedException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * BUILD FAILURE of {@code delete} for tables with deletion protection, left as they are. Its source is the run's
 * summary. Short and long message are one text (see {@link ProvisioningFailure}).
 */
public class TablesProtectedFailure extends MojoFailureException {

    public TablesProtectedFailure(TablesProtectedException protectedTables) {
        super(protectedTables.summary(), protectedTables.getMessage(), protectedTables.getMessage());
        initCause(protectedTables);
    }
}
