package io.github.dynamosetup.aws;

/** No AWS credentials could be found for a non-local endpoint; nothing was sent. */
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
}
