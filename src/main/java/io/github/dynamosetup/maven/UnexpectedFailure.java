package io.github.dynamosetup.maven;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * An exception nothing expected escaped the run: a defect of dynamo-setup (or of a library it uses), said
 * as a sentence that asks for a report, instead of a raw exception. The cause keeps the stack trace.
 *
 * <p>Short and long message are one text, the message users have always seen: Maven prints
 * {@code Failed to execute goal ...: <short>} and then the long message unless the short one contains it, so
 * a long message of its own would print the failure twice.
 */
public class UnexpectedFailure extends MojoExecutionException {

    public UnexpectedFailure(String goal, RuntimeException cause) {
        this(goal, "dynamo-setup:" + goal + " failed unexpectedly (" + cause.getClass().getName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + "). This is a defect of"
                + " dynamo-setup, not of the configuration or of AWS: please report it with the output of mvn -e,"
                + " which shows the stack trace.", cause);
    }

    private UnexpectedFailure(String goal, String message, RuntimeException cause) {
        super(goal, message, message);
        initCause(cause);
    }
}
