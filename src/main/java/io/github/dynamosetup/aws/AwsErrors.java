package io.github.dynamosetup.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** What AWS error codes mean for the user, and how to say so. */
public final class AwsErrors {

    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDeniedException", "AccessDenied");

    private AwsErrors() {}

    /** AWS's error code, or the client-side exception's simple name when the service never answered. */
    public static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    /** Whether the credentials were understood but not allowed to do this. */
    public static boolean isAccessDenied(SdkException e) {
        return ACCESS_DENIED.contains(errorCode(e));
    }

    /** The service's own words, without the SDK's request-id trailer. */
    public static String detail(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
