package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.TablesAlreadyExistException;
import org.apache.maven.plugin.MojoFailureException;

/** BUILD FAILURE of {@code force} for tables that already exist. Its source is the run's summary. *
 * <p>Short and long message are one text, the message users have always seen: Maven prints
 * {@code Failed to execute goal ...: <short>} and then the long message unless the short one contains it, so
 * a long message of its own would print the failure twice.
 */
public class TablesExistFailure extends MojoFailureException {

    public TablesExistFailure(TablesAlreadyExistException exist) {
        super(exist.summary(), exist.getMessage(), exist.getMessage());
        initCause(exist);
    }
}
