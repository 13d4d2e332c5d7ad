package io.github.dynamosetup.core;

import io.github.dynamosetup.core.TableResult.Outcome;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.KeyAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The steps of {@code delete} and {@code reset} for one table: DeleteTable and the wait until the table is gone, or
 * every item deleted with Scan and BatchWriteItem. Never lists tables: only the declared ones are touched.
 */
final class TableRemoval {

    /** BatchWriteItem takes "up to 25 item put or delete operations" a call (API_BatchWriteItem). */
    static final int BATCH = 25;

    /**
     * Scan segments read at once per table ("parallel scan", Scan's Segment and TotalSegments). Four keep two
     * cores busy on a local server without flooding it; see README "Integration tests" for the measurement.
     */
    static final int SEGMENTS = 4;

    private final DynamoDbClient client;

    TableRemoval(DynamoDbClient client) {
        this.client = client;
    }

    /** The table as DescribeTable answers it, or null when it does not exist (ResourceNotFoundException). */
    TableDescription describe(String table, AwsCalls calls) throws ProvisioningException {
        try {
            return calls.call(table, "DescribeTable", () -> client.describeTable(r -> r.tableName(table)).table());
        } catch (AwsCallException e) {
            if ("ResourceNotFoundException".equals(e.errorCode())) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Deletes one declared table and waits until it is gone. DynamoDB refuses DeleteTable while the table is
     * CREATING or UPDATING with ResourceInUseException ("If a table is in CREATING or UPDATING states, then
     * DynamoDB returns a ResourceInUseException", API_DeleteTable), so such a table is waited for until ACTIVE
     * first. A table with deletion protection is reported and left as it is: DeleteTable would answer
     * ValidationException, and turning the protection off is the owner's decision, never this goal's.
     */
    TableResult delete(DeclaredTable declared, AwsCalls calls, long tableStart) throws ProvisioningException {
        String name = declared.name();
        TableActivityWaiter waiter = calls.waiter(client);
        TableDescription live = describe(name, calls);
        for (int attempt = 1; ; attempt++) {
            if (live == null) {
                calls.events().on(new ProvisioningEvent.Removed(name, Outcome.MISSING, 0));
                return result(declared, Outcome.MISSING, List.of(), null, tableStart);
            }
            if (Boolean.TRUE.equals(live.deletionProtectionEnabled())) {
                calls.events().on(new ProvisioningEvent.Removed(name, Outcome.PROTECTED, 0));
                return result(declared, Outcome.PROTECTED, List.of(), live.tableArn(), tableStart);
            }
            String status = live.tableStatusAsString();
            if ("DELETING".equals(status)) {
                // DeleteTable on a DELETING table returns no error (API_DeleteTable): it is someone else's deletion
                waiter.awaitDeleted(name);
                calls.events().on(new ProvisioningEvent.Removed(name, Outcome.DELETED, 0));
                return result(declared, Outcome.DELETED, List.of("gone"), live.tableArn(), tableStart);
            }
            if (!"ACTIVE".equals(status)) {
                live = waiter.awaitActive(name);
                continue;
            }
            try {
                calls.run(name, "DeleteTable", () -> client.deleteTable(r -> r.tableName(name)));
            } catch (AwsCallException e) {
                if ("ResourceNotFoundException".equals(e.errorCode())) {
                    live = null; // deleted meanwhile by another run
                    continue;
                }
                if (attempt < 3 && ("ResourceInUseException".equals(e.errorCode()) || protectionRefusal(e))) {
                    live = describe(name, calls); // changed since it was read: look again
                    continue;
                }
                throw e;
            }
            calls.events().on(new ProvisioningEvent.DeleteAccepted(name));
            waiter.awaitDeleted(name);
            calls.events().on(new ProvisioningEvent.Removed(name, Outcome.DELETED, 0));
            return result(declared, Outcome.DELETED, List.of("delete", "gone"), live.tableArn(), tableStart);
        }
    }

    /** DeleteTable's refusal of a protected table: ValidationException naming deletion protection. */
    private static boolean protectionRefusal(AwsCallException e) {
        String message = e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return "ValidationException".equals(e.errorCode())
                && (message.contains("deletion protection") || message.contains("deletionprotection"));
    }

    /**
     * Deletes every item of one table: parallel Scan segments that read only the key attributes
     * (ProjectionExpression), each page's keys deleted with BatchWriteItem 25 at a time, pages followed through
     * LastEvaluatedKey until a segment has none ("If LastEvaluatedKey is empty, then the last page of results has
     * been processed", API_Scan). Unprocessed deletes are sent again with the run's backoff until the deadline
     * ("If any requested operations fail ... UnprocessedItems", API_BatchWriteItem). A table not ACTIVE is waited
     * for first. A table whose DescribeTable ItemCount is {@code recreateFrom} or more is deleted instead (and
     * {@link Outcome#RECREATED}: the caller creates it again); only on local servers, where ItemCount is live and a
     * new table has no CREATING time, no stream consumers and no backups to lose.
     */
    TableResult empty(DeclaredTable declared, AwsCalls calls, ExecutorService segments, long recreateFrom,
            long tableStart) throws ProvisioningException {
        String name = declared.name();
        TableDescription live = describe(name, calls);
        if (live == null) {
            return result(declared, Outcome.MISSING, List.of(), null, tableStart);
        }
        if (live.itemCount() != null && live.itemCount() >= recreateFrom
                && !Boolean.TRUE.equals(live.deletionProtectionEnabled())) {
            TableResult deleted = delete(declared, calls, tableStart);
            return deleted.outcome() == Outcome.DELETED ? result(declared, Outcome.RECREATED, List.of("delete",
                    "gone"), live.tableArn(), tableStart) : deleted;
        }
        if (!"ACTIVE".equals(live.tableStatusAsString())) {
            live = calls.waiter(client).awaitActive(name);
        }
        AtomicLong deleted = new AtomicLong();
        List<Future<Void>> running = new ArrayList<>();
        for (int segment = 0; segment < SEGMENTS; segment++) {
            int number = segment;
            running.add(segments.submit(() -> {
                emptySegment(declared, number, calls, deleted);
                return null;
            }));
        }
        for (Future<Void> segment : running) {
            join(name, segment);
        }
        calls.events().on(new ProvisioningEvent.Removed(name, Outcome.EMPTIED, deleted.get()));
        return result(declared, Outcome.EMPTIED, deleted.get() == 0 ? List.of() : List.of("deleted " + deleted.get() + " items"),
                live.tableArn(), tableStart);
    }

    private static void join(String table, Future<Void> segment) throws ProvisioningException {
        try {
            segment.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException(table, "while its items were being deleted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProvisioningException failure) {
                throw failure;
            }
            throw e.getCause() instanceof RuntimeException unexpected ? unexpected : new IllegalStateException(e);
        }
    }

    private void emptySegment(DeclaredTable declared, int segment, AwsCalls calls, AtomicLong deleted)
            throws ProvisioningException {
        String name = declared.name();
        Map<String, String> names = new HashMap<>();
        List<String> projection = new ArrayList<>();
        // the table's own key only: DeleteRequest's Key takes exactly it (API_DeleteRequest: "All of the table's
        // primary key attributes must be specified, and their data types must match those of the table's key
        // schema"); dynalite, as AWS, refuses an index key in it, where moto ignores it
        List<KeyAttribute> tableKey = declared.sortKey() == null ? List.of(declared.partitionKey())
                : List.of(declared.partitionKey(), declared.sortKey());
        for (KeyAttribute key : tableKey) {
            String placeholder = "#k" + names.size(); // key names may be reserved words (e.g. "date")
            names.put(placeholder, key.attributeName());
            projection.add(placeholder);
        }
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = calls.call(name, "Scan", () -> client.scan(r -> r.tableName(name)
                    .segment(segment).totalSegments(SEGMENTS).projectionExpression(String.join(", ", projection))
                    .expressionAttributeNames(names).exclusiveStartKey(from)));
            List<WriteRequest> deletes = page.items().stream()
                    .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(keyOf(item, names))).build())
                    .toList();
            for (int i = 0; i < deletes.size(); i += BATCH) {
                write(name, deletes.subList(i, Math.min(i + BATCH, deletes.size())), calls);
            }
            deleted.addAndGet(deletes.size());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, Map<String, String> keys) {
        Map<String, AttributeValue> key = new HashMap<>();
        keys.values().forEach(name -> key.put(name, item.get(name)));
        return key;
    }

    /** One BatchWriteItem, and again for what it left unprocessed, until the deadline. */
    private void write(String table, List<WriteRequest> deletes, AwsCalls calls) throws ProvisioningException {
        List<WriteRequest> pending = deletes;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<WriteRequest> batch = pending;
            BatchWriteItemResponse response = calls.call(table, "BatchWriteItem",
                    () -> client.batchWriteItem(r -> r.requestItems(Map.of(table, batch))));
            pending = response.unprocessedItems().getOrDefault(table, List.of());
            if (!pending.isEmpty()) {
                if (calls.deadline().passed()) {
                    throw new AwsCallException("UnprocessedItems", "BatchWriteItem on table '" + table + "' left "
                            + pending.size() + " deletes unprocessed until the run's timeout (" + calls.deadline()
                            .timeout() + ") passed. Run the goal again, or raise "
                            + calls.remedies().setting(Remedies.RunSetting.TIMEOUT) + ".", null);
                }
                calls.pause(attempt, "UnprocessedItems", table, "BatchWriteItem");
            }
        }
    }

    private static TableResult result(DeclaredTable declared, Outcome outcome, List<String> actions, String arn,
            long tableStart) {
        return new TableResult(declared, outcome, actions, List.of(), arn, null, TableWriter.since(tableStart));
    }
}
