package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.InvalidDeclarationException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * BUILD FAILURE for a configuration with mistakes (the tables, the connection parameters, settings.xml),
 * found before any AWS call: the user's to fix. Its message lists every problem; its cause holds them.
 * Short and long message are one text (see {@link ProvisioningFailure}).
 */
public class InvalidConfigurationFailure extends MojoFailureException {

    public InvalidConfigurationFailure(String goal, InvalidDeclarationException invalid) {
        super(goal, invalid.getMessage(), invalid.getMessage());
        initCause(invalid);
    }
}
