package io.github.dynamosetup.maven;

/**
 * An exception nothing expected escaped the run: a defect of dynamo-setup (or of a library it uses), said
 * as a sentence that asks for a report, instead of a raw exception. The cause keeps the stack trace.
 * Short and long message are one text (see {@link ProvisioningFailure}).
 */
public class UnexpectedFailure extends ProvisioningFailure {

    public UnexpectedFailure(String goal, RuntimeException cause) {
        super(goal, "dynamo-setup:" + goal + " failed unexpectedly (" + cause.getClass().getName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + "). This is a defect of"
                + " dynamo-setup, not of the configuration or of AWS: please report it with the output of mvn -e,"
                + " which shows the stack trace.", cause);
    }
}
