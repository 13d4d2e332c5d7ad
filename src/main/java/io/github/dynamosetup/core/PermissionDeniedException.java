package io.github.dynamosetup.core;

/** AWS refused a call for lack of permission (AccessDeniedException); the message carries the policy to grant. */
public class PermissionDeniedException extends AwsCallException {

    public PermissionDeniedException(String table, String operation, Goal goal, String detail, Throwable cause) {
        super("AccessDeniedException",
                "AccessDeniedException: the credentials in use may not call dynamodb:" + operation + " on table '"
                        + table + "' (" + detail + "). The goal '" + goal.goalName()
                        + "' needs this IAM policy on the user or role:\n" + goal.iamPolicy(),
                cause);
    }
}
