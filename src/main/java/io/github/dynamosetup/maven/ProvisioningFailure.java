package io.github.dynamosetup.maven;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * A run could not finish for reasons outside the declaration: AWS refused or failed, the network, the
 * credentials, the timeout, or the build was stopped. The message says what happened, where the tables
 * stand and what to do; the cause is the core's failure ({@link UnexpectedFailure} when it is a defect).
 *
 * <p>Short and long message are one text, the message users have always seen: Maven prints
 * {@code Failed to execute goal ...: <short>} and then the long message unless the short one contains it, so
 * a long message of its own would print the failure twice. The goals' other failures do the same.
 */
public class ProvisioningFailure extends MojoExecutionException {

    public ProvisioningFailure(String goal, String message, Throwable cause) {
        super(goal, message, message);
        initCause(cause);
    }
}
