package io.github.dynamosetup.benchmark;

import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.TestServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * How {@code reset} should empty a table, measured ({@code -Dbenchmark.only=reset}): deleting its items (parallel
 * Scan of the keys, BatchWriteItem deletes: what {@code reset} does) against deleting the table and creating it
 * again with the plugin's own {@code delete} and {@code create}, for 0, 100 and 10,000 items, on moto and on
 * dynalite with no CREATING or DELETING time (the best case for re-creating: on AWS each re-created table adds its
 * CREATING time, seconds to minutes). The table is the Health Assistant's {@code doctores}: a GSI, on-demand.
 * Filling the table is not timed.
 */
final class ResetRows {

    private static final int[] ITEMS = {0, 100, 10_000};

    private final int repeats;
    private final Report report;

    ResetRows(int repeats) {
        this.repeats = repeats;
        this.report = new Report("reset: delete the items, or delete and create the table (" + repeats
                + " repeats; medians; filling not timed)", null);
    }

    Report run() throws Exception {
        try (TestServer moto = TestServer.start()) {
            rows("moto", moto.endpoint());
        }
        try (DynaliteServer dynalite = DynaliteServer.start(0, 0)) {
            rows("dynalite", dynalite.endpoint());
        }
        return report;
    }

    private static DeclaredTable doctores() {
        return DeclaredTable.builder(new PomOrigin(1), "doctores")
                .partitionKey(new KeyAttribute("doctor_id", AttributeType.S))
                .globalSecondaryIndex(DeclaredGlobalIndex.of("especialidad-index",
                        new KeyAttribute("especialidad", AttributeType.S), null, IndexProjection.ALL, List.of()))
                .build();
    }

    private void rows(String server, URI endpoint) throws Exception {
        try {
            measure(server, endpoint);
        } catch (io.github.dynamosetup.core.ProvisioningException e) {
            report.row(server + ": failed: " + e.getMessage().lines().findFirst().orElse(""), "", "", "", "");
            e.printStackTrace();
        }
    }

    private void measure(String server, URI endpoint) throws Exception {
        Declaration declaration = Declaration.of(List.of(doctores()));
        try (DynamoDbConnection connection = Tables.connect(endpoint)) {
            TableProvisioner provisioner = Tables.provisioner(connection);
            provisioner.create(declaration, TableProvisioner.Options.DEFAULTS);
            fill(connection.client(), 100);
            provisioner.reset(declaration, Long.MAX_VALUE); // warm-up: the JIT, the HTTP connections
            for (int items : ITEMS) {
                Samples deleting = Samples.of(repeats, () -> {
                    fill(connection.client(), items);
                    long start = System.nanoTime();
                    provisioner.reset(declaration, Long.MAX_VALUE);
                    return (System.nanoTime() - start) / 1_000_000;
                });
                Samples recreating = Samples.of(repeats, () -> {
                    fill(connection.client(), items);
                    long start = System.nanoTime();
                    provisioner.delete(declaration);
                    provisioner.create(declaration, TableProvisioner.Options.DEFAULTS);
                    return (System.nanoTime() - start) / 1_000_000;
                });
                report.row(server + ": " + items + " items, delete the items (reset)", deleting,
                        Report.ratio(deleting.median() / Math.max(1, recreating.median())) + " of re-create",
                        "items < 1,000, or AWS");
                report.row(server + ": " + items + " items, DeleteTable + CreateTable (delete, create)", recreating,
                        "", "local, items >= 1,000");
            }
        }
    }

    /** Puts {@code count} items, 25 a BatchWriteItem, 8 calls at a time. */
    private static void fill(DynamoDbClient client, int count) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int first = 0; first < count; first += 25) {
                List<WriteRequest> batch = new ArrayList<>();
                for (int i = first; i < Math.min(first + 25, count); i++) {
                    Map<String, AttributeValue> item = Map.of("doctor_id", AttributeValue.fromS("doctor-" + i),
                            "especialidad", AttributeValue.fromS("specialty-" + i % 20),
                            "nombre", AttributeValue.fromS("Dr. " + i));
                    batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
                }
                calls.add(writers.submit(() -> {
                    List<WriteRequest> pending = batch;
                    while (!pending.isEmpty()) {
                        List<WriteRequest> sending = pending;
                        pending = client.batchWriteItem(r -> r.requestItems(Map.of("doctores", sending)))
                                .unprocessedItems().getOrDefault("doctores", List.of());
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }
}
