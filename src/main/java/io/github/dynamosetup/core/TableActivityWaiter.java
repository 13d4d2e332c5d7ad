package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Waits for tables to become ACTIVE with the SDK's own DynamoDB waiter, but polling the way a build
 * wants: the first check after 0.1-0.2 s, then exponential backoff with half jitter up
 * to a few seconds, instead of the waiter's fixed 20 seconds. All tables share one deadline.
 */
final class TableActivityWaiter {

    static final Duration FIRST_POLL = Duration.ofMillis(100);
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(3);

    private final DynamoDbClient client;
    private final Duration timeout;

    TableActivityWaiter(DynamoDbClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Returns when every table is ACTIVE.
     *
     * @throws TablesNotActiveException naming the tables still not ACTIVE at the deadline
     * @throws AwsCallException when polling itself fails
     */
    void awaitActive(List<String> tables, ProvisioningListener listener) throws ProvisioningException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> notActive = new ArrayList<>();
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
            for (String table : tables) {
                Duration remaining = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
                try {
                    waiter.waitUntilTableExists(r -> r.tableName(table), o -> o
                            .backoffStrategyV2(BackoffStrategy.exponentialDelayHalfJitter(FIRST_POLL, MAX_POLL_INTERVAL))
                            .waitTimeout(remaining)
                            .maxAttempts(Integer.MAX_VALUE));
                    listener.debug("table " + table + " is " + TableStatus.ACTIVE);
                } catch (SdkException e) {
                    if (System.nanoTime() - deadline >= 0) {
                        notActive.add(table);
                    } else {
                        throw new AwsCallException(table, "DescribeTable", e.getClass().getSimpleName(),
                                "Waiting for table '" + table + "' to become ACTIVE failed: " + e.getMessage()
                                        + ". The table was created; run mvn dynamo-setup:create again to finish"
                                        + " its configuration.", e);
                    }
                }
            }
        }
        if (!notActive.isEmpty()) {
            throw new TablesNotActiveException(notActive, timeout);
        }
    }

    /**
     * Returns when a global secondary index being added is ACTIVE (its backfill done), polling the same
     * way, with the SDK's generic waiter.
     *
     * @throws TablesNotActiveException when the timeout passes first
     */
    void awaitIndexActive(String table, String index) throws ProvisioningException {
        Waiter<DescribeTableResponse> indexWaiter = Waiter.builder(DescribeTableResponse.class)
                .overrideConfiguration(o -> o
                        .backoffStrategyV2(BackoffStrategy.exponentialDelayHalfJitter(FIRST_POLL, MAX_POLL_INTERVAL))
                        .waitTimeout(timeout)
                        .maxAttempts(Integer.MAX_VALUE))
                .addAcceptor(WaiterAcceptor.successOnResponseAcceptor(r -> isActive(r, index)))
                .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(r -> true))
                .build();
        try {
            indexWaiter.run(() -> client.describeTable(r -> r.tableName(table)));
        } catch (SdkException e) {
            throw new TablesNotActiveException(List.of(table + " (index " + index + ")"), timeout);
        }
    }

    private static boolean isActive(DescribeTableResponse response, String index) {
        return response.table().globalSecondaryIndexes().stream()
                .anyMatch(i -> i.indexName().equals(index) && i.indexStatus() == IndexStatus.ACTIVE)
                && response.table().tableStatus() == TableStatus.ACTIVE;
    }
}
