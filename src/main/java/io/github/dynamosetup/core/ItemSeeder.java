package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.DeclaredTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes the seed's items: BatchWriteItem calls of at most 25 puts, several at once, each call's
 * {@code UnprocessedItems} sent again with exponential backoff and jitter until the run's deadline. Puts are
 * idempotent: a second seed writes the same items again.
 *
 * <p>AWS's API reference of BatchWriteItem
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html): "up to 25 put or
 * delete requests" and "up to 16 MB of data" a call, items up to 400 KB (25 of them stay under 16 MB, so only the
 * count bounds a call here); "If any requested operations fail because the table's provisioned throughput is
 * exceeded or an internal processing failure occurs, the failed operations are returned in the UnprocessedItems
 * response parameter", and "we strongly recommend that you use an exponential backoff algorithm" for them.
 */
final class ItemSeeder {

    /** AWS's limit of requests in one BatchWriteItem call. */
    static final int BATCH_SIZE = 25;

    /**
     * Calls in flight at once, at most (and at most {@code maxConcurrency}). Chosen, not tuned: with 8, the seed
     * benchmark (10,000 items, 2 cores shared with other builds) wrote 5,500 to 5,800 items a second on dynalite
     * and 1,700 to 2,400 on moto, 1.3 to 3.2 times boto3's batch_writer on the same server; other bounds were not
     * measured.
     */
    static final int WRITE_CONCURRENCY = 8;

    /** UnprocessedItems mean throttling: back off from 50 ms up to 5 s, with full jitter, as AWS asks. */
    private static final BackoffStrategy BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(50),
            Duration.ofSeconds(5));

    private final DynamoDbClient client;
    private final AwsCalls calls;
    private final StopSignal stop;
    private final int concurrency;

    ItemSeeder(DynamoDbClient client, AwsCalls calls, StopSignal stop, int concurrency) {
        this.client = client;
        this.calls = calls;
        this.stop = stop;
        this.concurrency = Math.max(1, Math.min(concurrency, WRITE_CONCURRENCY));
    }

    /**
     * Writes every item and returns, per table, how many were written.
     *
     * @throws ItemsNotWrittenException when items stayed unprocessed until the deadline
     */
    Map<DeclaredTable, Integer> seed(ItemFiles.Items items) throws ProvisioningException {
        List<Batch> batches = new ArrayList<>();
        Map<DeclaredTable, AtomicInteger> unwritten = new LinkedHashMap<>();
        items.items().forEach((table, list) -> {
            unwritten.put(table, new AtomicInteger());
            for (int from = 0; from < list.size(); from += BATCH_SIZE) {
                batches.add(new Batch(table, list.subList(from, Math.min(list.size(), from + BATCH_SIZE))));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, batches.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "dynamo-setup-seed");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Batch batch : batches) {
                futures.add(pool.submit(() -> write(batch)));
            }
            ProvisioningException failure = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    unwritten.get(batches.get(i).table()).addAndGet(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (failure == null && e.getCause() instanceof ProvisioningException provisioning) {
                        failure = provisioning;
                    } else if (failure == null) {
                        failure = new UnexpectedFailureException(batches.get(i).table().name(),
                                e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.request();
            throw new RunStoppedException(batches.get(0).table().name(), "while writing items");
        } finally {
            pool.shutdown();
        }
        Map<DeclaredTable, Integer> written = new LinkedHashMap<>();
        items.items().forEach((table, list) -> written.put(table, list.size() - unwritten.get(table).get()));
        if (unwritten.values().stream().anyMatch(count -> count.get() > 0)) {
            throw new ItemsNotWrittenException(written, unwritten, calls.deadline().timeout());
        }
        return written;
    }

    /** Writes one batch until all its items are processed or the deadline passes; returns how many were not. */
    private int write(Batch batch) throws ProvisioningException {
        String table = batch.table().name();
        List<WriteRequest> requests = batch.items().stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList();
        for (int attempt = 1; ; attempt++) {
            List<WriteRequest> pending = requests;
            BatchWriteItemResponse response = calls.call(table, "BatchWriteItem",
                    () -> client.batchWriteItem(b -> b.requestItems(Map.of(table, pending))));
            requests = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of())
                    : List.of();
            if (requests.isEmpty()) {
                return 0;
            }
            if (calls.deadline().passed()) {
                return requests.size();
            }
            Duration delay = Duration.ofMillis(Math.min(BACKOFF.computeDelay(attempt).toMillis(),
                    calls.deadline().remaining().toMillis()));
            calls.events().on(new ProvisioningEvent.Retrying(table, "BatchWriteItem", "UnprocessedItems", delay));
            if (stop.sleep(delay)) {
                throw new RunStoppedException(table, "while waiting to write unprocessed items again");
            }
        }
    }

    private record Batch(DeclaredTable table, List<Map<String, AttributeValue>> items) {}
}
