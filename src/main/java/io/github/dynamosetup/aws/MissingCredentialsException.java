package io.github.dynamosetup.aws;

/** No AWS credentials could be had for the run; nothing was sent to DynamoDB. */
public class MissingCredentialsException extends Exception {

    public MissingCredentialsException(String detail, Throwable cause) {
        super("Unable to locate credentials (" + detail + "). Provide them in one of these ways:\n"
                + "  - environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN"
                + " for temporary credentials);\n"
                + "  - a profile made with 'aws configure' (or 'aws configure sso'), chosen with"
                + " <profile> / -Ddynamo-setup.profile=NAME or AWS_PROFILE;\n"
                + "  - an IAM role, when the build runs on EC2, ECS, EKS or Lambda;\n"
                + "  - a <server> in settings.xml (username = access key id, password = secret key, encrypted"
                + " the Maven way), named by <serverId> / -Ddynamo-setup.serverId=ID.", cause);
    }

    private MissingCredentialsException(String message, Throwable cause, boolean exact) {
        super(message, cause);
    }

    /**
     * The profile the user chose gave no credentials: the plugin says which and why, and never falls back to
     * other credentials (not even dummy ones for a local server).
     *
     * @param profile the chosen profile
     * @param why what went wrong, in the words of the source that failed
     */
    public static MissingCredentialsException ofProfile(ConnectionSettings.ChosenProfile profile, String why,
            Throwable cause) {
        return new MissingCredentialsException("The AWS " + profile + " gave no credentials: " + why
                + "\nFix the profile in the shared AWS config/credentials files (AWS_CONFIG_FILE,"
                + " AWS_SHARED_CREDENTIALS_FILE, by default ~/.aws/config and ~/.aws/credentials), or choose another"
                + " with <profile> / -Ddynamo-setup.profile=NAME or AWS_PROFILE. Nothing was sent to DynamoDB.",
                cause, true);
    }
}
