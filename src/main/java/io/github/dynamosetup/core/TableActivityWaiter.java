package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Waits for a table (or an index being added) to become ACTIVE with the SDK's own waiters, on the run's
 * {@link PollSchedule} instead of the DynamoDB waiter's fixed 20 s: a table the run has just created is first
 * polled when the run's tables created before it became ACTIVE, counted from its own CreateTable, and any
 * wait polls every twentieth of the time it has waited, 0.1 to 0.5 s apart, all of a run's waits together at
 * most 500 times a second. The 0.5 s cap is measured: at 3 s, 50 tables took 2.3x their CREATING time. The
 * schedule within it replaced a plain backoff (0.1 s doubling to 0.5 s, half jitter), measured before and
 * after in one interleaved run of the benchmark's in-JVM create rows (dynalite, tables CREATING for 2 s, 10
 * runs each, on 2 cores loaded by other builds): a table is seen ACTIVE a median 42 ms after it turned so
 * for 3 tables (175 ms before), 94 ms for 50 (202 ms) and 122 ms for 200 (222 ms), with 25, 9 and 6
 * DescribeTable calls a table (8, 8 and 6), and the runs took 1.06x, 1.41x and 2.40x the CREATING interval
 * (1.17x, 1.77x and 2.74x). Every wait of a run ends at the run's deadline, or at the first poll after the
 * run is asked to stop; the pause before a new table's first poll ends at once.
 */
final class TableActivityWaiter {

    private final DynamoDbClient client;
    private final Deadline deadline;
    private final Waiting waiting;
    private final Remedies remedies;
    private final StopSignal stop;
    private final PollSchedule schedule;

    /** Made by {@link AwsCalls#waiter}: the run's deadline, progress line, remedies, stop signal and polling. */
    TableActivityWaiter(DynamoDbClient client, Deadline deadline, Waiting waiting, Remedies remedies, StopSignal stop,
            PollSchedule schedule) {
        this.client = client;
        this.deadline = deadline;
        this.waiting = waiting;
        this.remedies = remedies;
        this.stop = stop;
        this.schedule = schedule;
    }

    /**
     * Returns the table this run has just created once it and the indexes made with it are ACTIVE. A table
     * that CreateTable answered ACTIVE (DynamoDB Local, moto) is not polled at all; the others are first polled
     * when the run's tables created before them became ACTIVE, counted from their own CreateTable (see
     * {@link PollSchedule}).
     *
     * @param created the table as CreateTable answered it
     * @throws TablesNotActiveException when the deadline passes first
     * @throws AwsCallException when polling itself fails
     */
    TableDescription awaitCreated(String table, TableDescription created) throws ProvisioningException {
        stop.check(table, "before waiting for ACTIVE");
        if (isActive(created)) {
            return created;
        }
        // tables with secondary indexes take several times longer than tables without (AWS-BEHAVIOUR.md, row 1)
        PollSchedule.Wait wait = schedule.start(created.hasGlobalSecondaryIndexes()
                || created.hasLocalSecondaryIndexes() ? "table with indexes" : "table");
        waiting.seen(table, created.tableStatusAsString());
        TableDescription active = awaitActive(table, wait, true);
        wait.ended();
        return active;
    }

    /**
     * Returns the table once it and all its global secondary indexes are ACTIVE: only then does AWS take the
     * next UpdateTable (UpdateTable, API reference).
     *
     * @return the table as the poll that found it ACTIVE described it
     * @throws TablesNotActiveException when the deadline passes first
     * @throws AwsCallException when polling itself fails
     */
    TableDescription awaitActive(String table) throws ProvisioningException {
        stop.check(table, "before waiting for ACTIVE");
        return awaitActive(table, schedule.start(null), false);
    }

    private TableDescription awaitActive(String table, PollSchedule.Wait wait, boolean scheduled)
            throws ProvisioningException {
        try {
            if (scheduled) {
                while (wait.listening() && !deadline.remaining().isZero()) {
                    pause(table, PollSchedule.LISTEN_INTERVAL);
                }
                pause(table, wait.first());
            }
            return poll(table, table, wait,
                    WaiterAcceptor.successOnResponseAcceptor(TableActivityWaiter::isActive),
                    // a table just created may not be visible everywhere yet
                    WaiterAcceptor.retryOnExceptionAcceptor(e -> e instanceof ResourceNotFoundException))
                    .matched().response().orElseThrow().table();
        } finally {
            waiting.over(table);
        }
    }

    /**
     * Returns when a table being deleted is gone (DescribeTable answers ResourceNotFoundException).
     *
     * @throws TablesNotActiveException when the deadline passes first
     */
    void awaitDeleted(String table) throws ProvisioningException {
        stop.check(table, "before waiting for the table to be deleted");
        waiting.seen(table, "DELETING");
        try {
            poll(table, table + " (still DELETING)", schedule.start(null),
                    WaiterAcceptor.successOnExceptionAcceptor(e -> e instanceof ResourceNotFoundException));
        } finally {
            waiting.over(table);
        }
    }

    /**
     * Returns when a global secondary index being added is ACTIVE (its backfill done), with the SDK's
     * generic waiter.
     *
     * @throws TablesNotActiveException when the deadline passes first
     */
    void awaitIndexActive(String table, String index) throws ProvisioningException {
        stop.check(table, "before waiting for index " + index);
        try {
            poll(table, table + " (index " + index + ")", schedule.start(null),
                    WaiterAcceptor.successOnResponseAcceptor(r -> isActive(r, index)));
        } finally {
            waiting.over(table);
        }
    }

    /**
     * Returns the table once it is ACTIVE and its replica in {@code region} is no longer being created: ACTIVE, or
     * a state it does not leave by itself (CREATION_FAILED, REGION_DISABLED, INACCESSIBLE_ENCRYPTION_CREDENTIALS,
     * REPLICATION_NOT_AUTHORIZED, ...: ReplicaDescription, API reference), which the caller reports.
     *
     * @throws TablesNotActiveException when the deadline passes first
     */
    TableDescription awaitReplica(String table, String region) throws ProvisioningException {
        stop.check(table, "before waiting for the replica in " + region);
        try {
            return poll(table, table + " (replica in " + region + ")", schedule.start(null),
                    WaiterAcceptor.successOnResponseAcceptor(r -> isActive(r)
                            && r.table().replicas().stream().anyMatch(replica -> region.equals(replica.regionName())
                                    && !"CREATING".equals(replica.replicaStatusAsString())
                                    && !"UPDATING".equals(replica.replicaStatusAsString()))))
                    .matched().response().orElseThrow().table();
        } finally {
            waiting.over(table);
        }
    }

    /**
     * Returns contributor insights on the table ({@code index} null) or on one of its global secondary indexes once
     * it has settled: ENABLED (or DISABLED when {@code enabled} is false), or FAILED, which AWS reports only once
     * the change is under way (API_DescribeContributorInsights). ENABLING and DISABLING are waited out.
     *
     * @throws TablesNotActiveException when the deadline passes first
     */
    DescribeContributorInsightsResponse awaitContributorInsights(String table, String index, boolean enabled)
            throws ProvisioningException {
        String what = table + (index == null ? "" : " (index " + index + ")") + " contributor insights";
        stop.check(table, "before waiting for " + what);
        ContributorInsightsStatus settled = enabled ? ContributorInsightsStatus.ENABLED
                : ContributorInsightsStatus.DISABLED;
        try {
            return waiter(DescribeContributorInsightsResponse.class, table, schedule.start(null),
                    r -> "contributor insights " + r.contributorInsightsStatusAsString(),
                    WaiterAcceptor.successOnResponseAcceptor(r -> r.contributorInsightsStatus() == settled
                            || r.contributorInsightsStatus() == ContributorInsightsStatus.FAILED))
                    .run(() -> client.describeContributorInsights(r -> r.tableName(table).indexName(index)))
                    .matched().response().orElseThrow();
        } catch (SdkException e) {
            throw failure(table, what, e);
        } finally {
            waiting.over(table);
        }
    }

    /**
     * Returns when a global secondary index being deleted is gone: DescribeTable no longer lists it, and only
     * then may an index of that name be created again (an index is DELETING for a while: UpdateTable, API
     * reference).
     *
     * @throws TablesNotActiveException when the deadline passes first
     */
    void awaitIndexGone(String table, String index) throws ProvisioningException {
        stop.check(table, "before waiting for index " + index + " to be deleted");
        try {
            poll(table, table + " (index " + index + " still DELETING)", schedule.start(null),
                    WaiterAcceptor.successOnResponseAcceptor(r -> r.table().globalSecondaryIndexes().stream()
                            .noneMatch(i -> i.indexName().equals(index))));
        } finally {
            waiting.over(table);
        }
    }

    /** Waits {@code duration} before the first poll, or until the deadline or a stop if either comes first. */
    private void pause(String table, Duration duration) throws RunStoppedException {
        Duration left = deadline.remaining();
        if (!duration.isZero() && stop.sleep(duration.compareTo(left) < 0 ? duration : left)) {
            throw new RunStoppedException(table, "while waiting for " + table);
        }
    }

    @SafeVarargs
    private WaiterResponse<DescribeTableResponse> poll(String table, String what, PollSchedule.Wait wait,
            WaiterAcceptor<? super DescribeTableResponse>... acceptors) throws ProvisioningException {
        try {
            return waiter(DescribeTableResponse.class, table, wait, TableActivityWaiter::state, acceptors)
                    .run(() -> client.describeTable(r -> r.tableName(table)));
        } catch (SdkException e) {
            throw failure(table, what, e);
        }
    }

    /**
     * The SDK's generic waiter with our polling and deadline. Any other answer means "not yet"; a poll
     * that fails for a passing reason (throttling, 5xx, a dropped connection: what the SDK retries) is
     * only a poll lost, and the next one comes at the next interval. Other errors end the wait, and so does
     * a stop request, at the next poll.
     */
    @SafeVarargs
    private <T> Waiter<T> waiter(Class<T> type, String table, PollSchedule.Wait wait, Function<T, String> state,
            WaiterAcceptor<? super T>... acceptors) {
        var builder = Waiter.builder(type)
                .overrideConfiguration(o -> o
                        .backoffStrategyV2(wait)
                        .waitTimeout(deadline.remaining())
                        .maxAttempts(Integer.MAX_VALUE))
                .addAcceptor(WaiterAcceptor.errorOnResponseAcceptor(r -> stop.requested()))
                .addAcceptor(WaiterAcceptor.errorOnExceptionAcceptor(e -> stop.requested()));
        for (WaiterAcceptor<? super T> acceptor : acceptors) {
            builder.addAcceptor(acceptor);
        }
        return builder
                .addAcceptor(WaiterAcceptor.retryOnExceptionAcceptor(TableActivityWaiter::isTransient))
                .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(r -> {
                    waiting.seen(table, state.apply(r));
                    return true;
                }))
                .build();
    }

    /** What a table not ready yet is doing, for the progress line: its status, or its indexes'. */
    private static String state(DescribeTableResponse response) {
        if (response.table().tableStatus() != TableStatus.ACTIVE) {
            return response.table().tableStatusAsString();
        }
        return response.table().globalSecondaryIndexes().stream()
                .filter(i -> i.indexStatus() != null && i.indexStatus() != IndexStatus.ACTIVE)
                .map(i -> "index " + i.indexName() + " " + i.indexStatusAsString()
                        + (Boolean.TRUE.equals(i.backfilling()) ? ", backfilling" : ""))
                .findFirst().orElse("ACTIVE");
    }

    private static boolean isTransient(Throwable e) {
        if (e instanceof SdkClientException) {
            return true; // connection refused, reset or timed out
        }
        return e instanceof AwsServiceException service
                && (service.statusCode() >= 500 || service.isThrottlingException());
    }

    private ProvisioningException failure(String table, String what, SdkException e) {
        if (stop.requested()) {
            return new RunStoppedException(table, "while waiting for " + what);
        }
        // the waiter gives up as soon as its next poll would fall after the deadline
        if (deadline.remaining().compareTo(PollSchedule.MAX_INTERVAL) <= 0) {
            return new TablesNotActiveException(List.of(what), deadline.timeout(), remedies);
        }
        return new AwsCallException(e.getClass().getSimpleName(), "Waiting for table " + what
                + " to become ACTIVE failed: " + e.getMessage() + ". The table exists; run " + remedies.run(Goal.CREATE)
                + " again to finish its configuration.", e);
    }

    private static boolean isActive(DescribeTableResponse response) {
        return isActive(response.table());
    }

    private static boolean isActive(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE
                && table.globalSecondaryIndexes().stream()
                        .allMatch(i -> i.indexStatus() == null || i.indexStatus() == IndexStatus.ACTIVE);
    }

    private static boolean isActive(DescribeTableResponse response, String index) {
        return response.table().tableStatus() == TableStatus.ACTIVE
                && response.table().globalSecondaryIndexes().stream()
                        .anyMatch(i -> i.indexName().equals(index) && i.indexStatus() == IndexStatus.ACTIVE);
    }
}
