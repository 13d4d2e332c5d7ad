package io.github.dynamosetup.core;

import io.github.dynamosetup.aws.AwsErrors;
import io.github.dynamosetup.core.Remedies.RunSetting;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs DynamoDB calls for one goal and turns their failures into typed exceptions naming table, operation
 * and fix. Refusals that only mean "not now" are waited out until the run's deadline, with the SDK's
 * exponential backoff with jitter; the SDK's own retries (a few attempts within seconds) come first. Also
 * what every step of the run shares: its deadline, its events, its remedies, its progress line and its stop
 * signal, before which no call starts.
 */
final class AwsCalls {

    /**
     * Refusals that clear with time, each documented by AWS (see src/test/AWS-BEHAVIOUR.md):
     * LimitExceededException while too many table operations (or another index creation on the table)
     * are in flight (CreateTable and UpdateTable, API reference); ContinuousBackupsUnavailableException
     * while a new table's backups are being enabled (UpdateContinuousBackups, API reference); and
     * sustained throttling of the control plane (ThrottlingException, "Error handling with DynamoDB"),
     * which outlasts the SDK's attempts when a shared account is busy. Application Auto Scaling answers
     * ConcurrentUpdateException while another update of the same scalable target or policy is pending
     * (API_RegisterScalableTarget, Errors). Right after a table turns ACTIVE,
     * the backups APIs (Describe- and UpdateContinuousBackups) may also still answer TableNotFoundException
     * for a few seconds.
     * LimitExceededException for a quota counted over hours or a day ("... are limited ...": capacity
     * decreases, switches to on-demand, encryption changes) does not clear within a build and fails at once.
     */
    private static final Set<String> NOT_NOW = Set.of("LimitExceededException", "ContinuousBackupsUnavailableException",
            "ThrottlingException", "ConcurrentUpdateException");

    /** The requests built from the declaration: a refusal of one of them can be the declaration's fault. */
    private static final Set<String> CARRIES_DECLARATION = Set.of("CreateTable", "UpdateTable", "TagResource",
            "UpdateTimeToLive", "RegisterScalableTarget", "PutScalingPolicy", "PutResourcePolicy");

    /** These clear as other operations finish, or as the account's request rate falls: seconds, not milliseconds. */
    private static final BackoffStrategy WAIT_OUT = BackoffStrategy.exponentialDelay(Duration.ofMillis(500),
            Duration.ofSeconds(10));

    private final Goal goal;
    private final String target;
    private final Deadline deadline;
    private final ProvisioningListener events;
    private final Remedies remedies;
    private final Waiting waiting;
    private final StopSignal stop;
    private final PollSchedule polling = new PollSchedule();

    /**
     * @param target where the tables live, for messages
     * @param events where the run's events go
     * @param remedies how messages name what the user can do
     * @param waiting what the run waits for, for its progress line
     * @param stop the run's stop signal: no call starts once it is given
     */
    AwsCalls(Goal goal, String target, Deadline deadline, ProvisioningListener events, Remedies remedies,
            Waiting waiting, StopSignal stop) {
        this.goal = goal;
        this.target = target;
        this.deadline = deadline;
        this.events = events;
        this.remedies = remedies;
        this.waiting = waiting;
        this.stop = stop;
    }

    Deadline deadline() {
        return deadline;
    }

    Remedies remedies() {
        return remedies;
    }

    ProvisioningListener events() {
        return events;
    }

    /** A waiter for tables of this run: its deadline, its progress line, its stop signal, its polling. */
    TableActivityWaiter waiter(DynamoDbClient client) {
        return new TableActivityWaiter(client, deadline, waiting, remedies, stop, polling);
    }

    Waiting waiting() {
        return waiting;
    }

    /**
     * One call. A refusal that only means "not now" is tried again, with backoff, until the deadline; any
     * other failure, or the deadline, ends it with an {@link AwsCallException}.
     */
    <T> T call(String table, String operation, Supplier<T> request) throws AwsCallException, RunStoppedException {
        for (int attempt = 1; ; attempt++) {
            stop.check(table, "before " + operation);
            try {
                return request.get();
            } catch (SdkException e) {
                if (!notNow(operation, e) || deadline.passed()) {
                    throw translate(table, operation, e);
                }
                pause(attempt, e, table, operation);
            }
        }
    }

    void run(String table, String operation, Runnable request) throws AwsCallException, RunStoppedException {
        call(table, operation, () -> {
            request.run();
            return null;
        });
    }

    /** Waits before trying again, at most until the deadline; a stop request ends the wait. */
    void pause(int attempt, SdkException cause, String table, String operation) throws RunStoppedException {
        pause(attempt, AwsErrors.errorCode(cause), table, operation);
    }

    /** Waits before trying again after {@code errorCode}, at most until the deadline; a stop request ends the wait. */
    void pause(int attempt, String errorCode, String table, String operation) throws RunStoppedException {
        Duration delay = Duration.ofMillis(Math.min(WAIT_OUT.computeDelay(attempt).toMillis(),
                deadline.remaining().toMillis()));
        events.on(new ProvisioningEvent.Retrying(table, operation, errorCode, delay));
        if (stop.sleep(delay)) {
            throw new RunStoppedException(table, "while waiting to try " + operation + " again");
        }
    }

    private static boolean notNow(String operation, SdkException e) {
        if (!(e instanceof AwsServiceException service)) {
            return false;
        }
        String code = AwsErrors.errorCode(e);
        if ("LimitExceededException".equals(code)) {
            String detail = AwsErrors.detail(e);
            return detail == null || !detail.contains("limited");
        }
        return service.isThrottlingException() || NOT_NOW.contains(code)
                || "TableNotFoundException".equals(code) && operation.endsWith("ContinuousBackups");
    }

    /** The calls a run makes first on a table: a failure there says nothing of what the server implements. */
    private static final Set<String> OPENING_CALLS = Set.of("DescribeTable", "CreateTable", "ListTables");

    /**
     * The failure as the user should read it. Advice blames what caused it: the network, the credentials,
     * AWS's limits, the server at the endpoint, or the declaration, and only the declaration when the
     * request carried it.
     */
    AwsCallException translate(String table, String operation, SdkException e) {
        String code = AwsErrors.errorCode(e);
        String detail = AwsErrors.detail(e);
        if (AwsErrors.isAccessDenied(e)) {
            return new PermissionDeniedException(table, operation, goal, detail, e);
        }
        int status = e instanceof AwsServiceException service ? service.statusCode() : 0;
        boolean hasCode = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null;
        String fix;
        if (e instanceof SdkClientException) {
            fix = "DynamoDB could not be reached in " + target + ". Check " + remedies.setting(RunSetting.REGION) + "/"
                    + remedies.setting(RunSetting.ENDPOINT) + " and the network, then run the goal again.";
        } else if (notNow(operation, e)) {
            fix = "AWS was still refusing " + operation + " for now when the run's timeout (" + deadline.timeout()
                    + ") passed: " + notNowReason(code) + " Run the goal again later, or raise "
                    + remedies.setting(RunSetting.TIMEOUT) + ".";
        } else if ("ResourceInUseException".equals(code)) {
            fix = "The table is being created, updated or deleted by someone else; run " + remedies.run(Goal.VALIDATE)
                    + " to see its state, then run the goal again.";
        } else if ("LimitExceededException".equals(code)) {
            fix = "AWS counts this kind of change over hours or a day and the quota is used up (see the message for"
                    + " when the next change may be made); run the goal again after that time.";
        } else if ("UnrecognizedClientException".equals(code) || "InvalidSignatureException".equals(code)) {
            fix = "The credentials were not accepted; check the access key, secret key and session token in use.";
        } else if ("UnknownOperationException".equals(code)) {
            fix = "The server in " + target + " does not implement " + operation + ": it is not DynamoDB itself (dynalite,"
                    + " for one, has no UpdateTimeToLive). Use a server that implements it (moto, DynamoDB Local),"
                    + " or leave out the setting that needs it for this server.";
        } else if (!hasCode && status >= 500 && !OPENING_CALLS.contains(operation)) {
            // moto answers an operation it lacks with HTTP 500 and its NotImplementedError, no DynamoDB error code
            // (UpdateContributorInsights in moto 5.2.1); a run makes this call only after the server has answered
            // the table's DescribeTable or CreateTable, so the server is a DynamoDB one that lacks the operation
            fix = "The server in " + target + " answered HTTP " + status + " without a DynamoDB error, after"
                    + " answering this run's other calls: a local server that does not implement " + operation
                    + " answers so (moto, for one, has no UpdateContributorInsights). Use a server that implements it,"
                    + " or leave out the setting that needs it for this server (a Maven profile, or a Condition in a"
                    + " template).";
        } else if (!hasCode) {
            fix = "The endpoint answered HTTP " + status + " without a DynamoDB error, which DynamoDB never does: "
                    + target + " is probably not a DynamoDB endpoint. Check " + remedies.setting(RunSetting.ENDPOINT) + " and "
                    + remedies.setting(RunSetting.REGION) + ".";
        } else if (status >= 500) {
            fix = "DynamoDB failed on its side (HTTP " + status + ") and kept failing through the retries. Run the"
                    + " goal again; if this persists, check the AWS Health Dashboard for DynamoDB in " + target + ".";
        } else if ("ValidationException".equals(code) && detail != null
                && detail.contains("modified multiple times within a fixed interval")) {
            fix = "AWS allows one TTL change per table an hour; run the goal again once the hour has passed.";
        } else if ("ValidationException".equals(code) && CARRIES_DECLARATION.contains(operation)) {
            fix = "DynamoDB refused the request made from this table's declaration; correct the setting the message"
                    + " names (or see the AWS limit it names).";
        } else {
            fix = "Run the goal again; if this persists, please report it with the message above.";
        }
        String said = detail == null || detail.isBlank() ? "(no message)" : detail.strip();
        return new AwsCallException(code, code + " from " + operation + " on table '" + table
                + "': " + (said.endsWith(".") ? said : said + ".") + " " + fix, e);
    }

    private static String notNowReason(String code) {
        return switch (code) {
            case "LimitExceededException" -> "AWS limits how many table operations run at once in an account and"
                    + " region (and one index creation at a time per table).";
            case "ContinuousBackupsUnavailableException", "TableNotFoundException" -> "AWS was still enabling backups for the new table, which"
                    + " can take several minutes; point-in-time recovery can be turned on once they are.";
            case "ConcurrentUpdateException" -> "another update of the same auto scaling target or policy was"
                    + " still pending (another build or tool at work).";
            default -> "the account's control-plane requests were throttled all along (other builds or tools share"
                    + " its request rate).";
        };
    }
}
