package io.github.dynamosetup.core;

import io.github.dynamosetup.aws.AwsErrors;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Runs DynamoDB calls for one goal and turns their failures into typed exceptions naming table, operation and fix. */
final class AwsCalls {

    /** LimitExceededException clears as other table operations finish: seconds, not milliseconds. */
    private static final BackoffStrategy LIMIT_BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(500),
            Duration.ofSeconds(10));

    private final Goal goal;
    private final String target;

    AwsCalls(Goal goal, String target) {
        this.goal = goal;
        this.target = target;
    }

    <T> T call(String table, String operation, Supplier<T> request) throws AwsCallException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw translate(table, operation, e);
        }
    }

    /**
     * A table operation (CreateTable, UpdateTable) that AWS may refuse with LimitExceededException while
     * too many table operations are in flight. The SDK does not retry that; this waits with the SDK's
     * exponential backoff with jitter and tries again until the run's deadline.
     */
    <T> T tableOperation(String table, String operation, Deadline deadline, ProvisioningListener listener,
            Supplier<T> request) throws AwsCallException {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (LimitExceededException e) {
                if (deadline.passed()) {
                    throw translate(table, operation, e);
                }
                long delay = Math.min(LIMIT_BACKOFF.computeDelay(attempt).toMillis(), deadline.remaining().toMillis());
                listener.debug("LimitExceededException from " + operation + " on " + table + "; trying again in "
                        + delay + " ms");
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw translate(table, operation, e);
                }
            } catch (SdkException e) {
                throw translate(table, operation, e);
            }
        }
    }

    void run(String table, String operation, Runnable request) throws AwsCallException {
        call(table, operation, () -> {
            request.run();
            return null;
        });
    }

    private AwsCallException translate(String table, String operation, SdkException e) {
        String code = AwsErrors.errorCode(e);
        String detail = AwsErrors.detail(e);
        if (AwsErrors.isAccessDenied(e)) {
            return new PermissionDeniedException(table, operation, goal, detail, e);
        }
        String fix;
        if (e instanceof SdkClientException) {
            fix = "DynamoDB could not be reached in " + target + ". Check <region>/<endpoint> and the network, then"
                    + " run the goal again.";
        } else if (e instanceof ResourceInUseException) {
            fix = "The table is being created, updated or deleted by someone else; run mvn dynamo-setup:validate"
                    + " to see its state, then run the goal again.";
        } else if ("UnrecognizedClientException".equals(code) || "InvalidSignatureException".equals(code)) {
            fix = "The credentials were not accepted; check the access key, secret key and session token in use.";
        } else if ("LimitExceededException".equals(code) || "ThrottlingException".equals(code)) {
            fix = "AWS limits how many table operations may run at once, and how often some settings may change"
                    + " (the billing mode once a day); run the goal again later.";
        } else if ("ValidationException".equals(code)) {
            fix = "DynamoDB rejected the request for this table; correct its declaration, or see the AWS limit the"
                    + " message names.";
        } else {
            fix = "Run the goal again; if this persists, check the AWS Health Dashboard for DynamoDB in " + target + ".";
        }
        return new AwsCallException(table, operation, code,
                code + " from " + operation + " on table '" + table + "': " + detail + ". " + fix, e);
    }
}
