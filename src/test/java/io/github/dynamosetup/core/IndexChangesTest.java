package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;

/**
 * Index changes that finish in one run, against moto behind the behaviour layer (src/test/AWS-BEHAVIOUR.md,
 * rows 8 and 24 to 26): indexes whose keys or projection changed are replaced one at a time with
 * {@code replaceChangedIndexes}, reported with the parameter that would replace them without it, planned step by
 * step, and with {@code waitForIndexes=false} started without waiting for their backfill and reported pending.
 */
@ExtendWith(DynamoDbServerExtension.class)
class IndexChangesTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyAttribute ID = new KeyAttribute("id", AttributeType.S);
    private static final KeyAttribute STATUS = new KeyAttribute("status", AttributeType.S);
    private static final KeyAttribute TENANT = new KeyAttribute("tenant", AttributeType.S);
    private static final KeyAttribute REGION = new KeyAttribute("region", AttributeType.S);
    private static final KeyAttribute PLACED_AT = new KeyAttribute("placed_at", AttributeType.N);

    /** The live table: {@code by-status} keys only, {@code by-place} on tenant then region. */
    private static final DeclaredTable LIVE = DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(ID)
            .globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null, IndexProjection.KEYS_ONLY, List.of()))
            .globalSecondaryIndex(new DeclaredGlobalIndex("by-place", List.of(TENANT, REGION), List.of(),
                    IndexProjection.ALL, List.of(), null, null))
            .build();

    /** The declaration: {@code by-status} projects everything, {@code by-place} has region first and a sort key. */
    private static final DeclaredTable DECLARED = DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(ID)
            .globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null, IndexProjection.ALL, List.of()))
            .globalSecondaryIndex(new DeclaredGlobalIndex("by-place", List.of(REGION, TENANT), List.of(PLACED_AT),
                    IndexProjection.ALL, List.of(), null, null))
            .build();

    private static final TableProvisioner.Options REPLACE = new TableProvisioner.Options(true, true, true, true);

    private static TableProvisioner provisioner(DynamoDbClient client, RecordingListener listener) {
        return new TableProvisioner(client, listener, MavenRemedies.INSTANCE, TIMEOUT,
                "region us-east-1 at the behaviour layer");
    }

    /** A client with the plugin's retry strategy, through the layer. */
    private static DynamoDbClient client(AwsBehaviour layer) {
        return TestClients.builder(layer.endpoint(), "us-east-1")
                .overrideConfiguration(o -> o.retryStrategy(DynamoDbConnection.RETRIES)).build();
    }

    /** Each UpdateTable the server accepted, as {@code Delete by-status} or {@code Create by-status}. */
    private static List<String> indexUpdates(AwsBehaviour layer) throws Exception {
        List<String> updates = new ArrayList<>();
        for (String body : layer.updateTableRequests()) {
            JsonNode request = JSON.readTree(body);
            assertThat(request.path("GlobalSecondaryIndexUpdates")).as(body).hasSize(1);
            JsonNode update = request.path("GlobalSecondaryIndexUpdates").get(0);
            String action = update.fieldNames().next();
            updates.add(action + " " + update.path(action).path("IndexName").asText());
        }
        return updates;
    }

    private static List<String> keySchema(GlobalSecondaryIndexDescription index) {
        return index.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
    }

    @Test
    void aChangedProjectionAndAChangedKeyOfSeveralAttributesAreReplacedOneAtATimeInOneRun(TestServer server)
            throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.likeAws(server.endpoint(), Duration.ofMillis(300));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(LIVE));
            RecordingListener listener = new RecordingListener();

            RunSummary summary = provisioner(client, listener).create(Declaration.of(List.of(DECLARED)), REPLACE);

            assertThat(indexUpdates(layer)).as("one index per call, each deleted then created")
                    .containsExactly("Delete by-status", "Create by-status", "Delete by-place", "Create by-place");
            assertThat(layer.refusals("UpdateTable")).as("each call waited for the one before").isZero();
            assertThat(summary.tables().get(0).actions()).containsExactly("replace index by-status",
                    "replace index by-place");
            assertThat(listener.lines()).containsSubsequence(
                    "INFO ~ update  orders (replace index by-status, replace index by-place)",
                    "INFO   index   orders (deleted by-status, to create it as declared)",
                    "INFO   index   orders (added by-status)",
                    "INFO   index   orders (deleted by-place, to create it as declared)",
                    "INFO   index   orders (added by-place)");
            var indexes = direct.describeTable(r -> r.tableName("orders")).table().globalSecondaryIndexes();
            assertThat(indexes).filteredOn(i -> i.indexName().equals("by-status")).singleElement()
                    .satisfies(i -> assertThat(i.projection().projectionTypeAsString()).isEqualTo("ALL"));
            assertThat(indexes).filteredOn(i -> i.indexName().equals("by-place")).singleElement()
                    .satisfies(i -> assertThat(keySchema(i))
                            .containsExactly("region:HASH", "tenant:HASH", "placed_at:RANGE"));
            assertThat(provisioner(client, new RecordingListener()).validate(Declaration.of(List.of(DECLARED)), true)
                    .names(TableResult.Outcome.UP_TO_DATE)).containsExactly("orders");
        }
    }

    @Test
    void withoutReplaceChangedIndexesAChangedIndexIsDriftNamingTheParameterAndNothingIsWritten(TestServer server)
            throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.likeAws(server.endpoint(), Duration.ofMillis(300));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(LIVE));

            assertThatThrownBy(() -> provisioner(client, new RecordingListener())
                    .create(Declaration.of(List.of(DECLARED)), new TableProvisioner.Options(true, true)))
                    .isInstanceOf(DriftException.class)
                    .hasMessageContaining("global secondary index by-status: status:S ALL -> status:S KEYS_ONLY")
                    .hasMessageContaining("run mvn dynamo-setup:create -Ddynamo-setup.applyIndexChanges"
                            + " -Ddynamo-setup.replaceChangedIndexes=true to delete it and create it as declared");

            assertThat(layer.calls("UpdateTable")).isZero();
        }
    }

    @Test
    void planListsTheStepsInOrderMarksTheBackfillsAndWritesNothing(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.likeAws(server.endpoint(), Duration.ofMillis(300));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(LIVE));
            RecordingListener listener = new RecordingListener();

            RunSummary plan = provisioner(client, listener).plan(Declaration.of(List.of(DECLARED)), REPLACE);

            assertThat(plan.tables().get(0).outcome()).isEqualTo(TableResult.Outcome.WOULD_UPDATE);
            String backfill = " (waits on a backfill: minutes, hours on a large table)";
            assertThat(listener.lines()).containsSubsequence(
                    "INFO ~ update  orders (replace index by-status, replace index by-place)",
                    "INFO     1. delete index by-status",
                    "INFO     2. wait until index by-status is gone",
                    "INFO     3. create index by-status",
                    "INFO     4. wait for index by-status to backfill" + backfill,
                    "INFO     5. delete index by-place",
                    "INFO     6. wait until index by-place is gone",
                    "INFO     7. create index by-place",
                    "INFO     8. wait for index by-place to backfill" + backfill);
            assertThat(layer.calls("UpdateTable")).isZero();
        }
    }

    @Test
    void withoutWaitingForIndexesCreateReturnsWhileTheIndexIsCreatingAndReportsItPending(TestServer server)
            throws Exception {
        DeclaredTable declared = DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(ID)
                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null, IndexProjection.ALL, List.of()))
                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-tenant", TENANT, null, IndexProjection.ALL, List.of()))
                .build();
        // a backfill far longer than the run: it must return without waiting for it
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).strictUpdateTable()
                        .updating(Duration.ofMillis(100)).backfilling(Duration.ofMinutes(10))
                        .indexOperations(Duration.ofMillis(300));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(DeclaredTable.builder(new PomOrigin(1), "orders")
                    .partitionKey(ID).build()));
            RecordingListener listener = new RecordingListener();

            RunSummary summary = provisioner(client, listener).create(Declaration.of(List.of(declared)),
                    new TableProvisioner.Options(true, true, false, false));

            assertThat(indexUpdates(layer)).as("one index change started, the other left").containsExactly(
                    "Create by-status");
            assertThat(client.describeTable(r -> r.tableName("orders")).table().globalSecondaryIndexes())
                    .singleElement().satisfies(i -> {
                        assertThat(i.indexStatusAsString()).isEqualTo("CREATING");
                        assertThat(i.backfilling()).isTrue();
                    });
            TableResult orders = summary.tables().get(0);
            assertThat(orders.outcome()).isEqualTo(TableResult.Outcome.UPDATED);
            assertThat(orders.unresolvedDrift()).isEmpty();
            assertThat(orders.pending()).extracting(Difference::toString).containsExactlyInAnyOrder(
                    "global secondary index by-tenant: tenant:S ALL -> none",
                    "global secondary index by-status: status:S ALL -> CREATING");
            assertThat(listener.lines()).contains(
                    "INFO   index   orders (creating by-status: pending, its backfill not waited for"
                            + " (waitForIndexes=false))",
                    "INFO   pending orders (global secondary index by-tenant: none; left for the next run: with"
                            + " waitForIndexes=false one index change starts per table and run (AWS takes no other"
                            + " while index by-status backfills); run mvn dynamo-setup:create again once it is"
                            + " ACTIVE)");
            assertThat(listener.lines().get(listener.lines().size() - 1)).contains("1 with index work pending");

            // validate right after: the index being built is pending, not drift
            DeclaredTable startedOnly = DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(ID)
                    .globalSecondaryIndex(declared.globalSecondaryIndexes().get(0)).build();
            RecordingListener validated = new RecordingListener();
            RunSummary validation = provisioner(client, validated).validate(Declaration.of(List.of(startedOnly)),
                    true);
            assertThat(validation.names(TableResult.Outcome.UP_TO_DATE)).containsExactly("orders");
            assertThat(validated.lines()).contains("INFO = up to date  orders",
                    "INFO   pending orders (global secondary index by-status: CREATING, backfilling; AWS is still"
                            + " creating it: not drift; queries on it work once it is ACTIVE)");
        }
    }

    @Test
    void theLayerCreatesAndDeletesIndexesAsAwsDoes(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).indexOperations(Duration.ofSeconds(30));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(LIVE));

            // moto accepts both in one call
            assertThatThrownBy(() -> client.updateTable(r -> r.tableName("orders").globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("by-status")).build(),
                    GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("by-place")).build())))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("only one global secondary index can be created or deleted per UpdateTable");
            // moto answers HTTP 500
            assertThatThrownBy(() -> client.updateTable(r -> r.tableName("orders").globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("missing")).build())))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                    .hasMessageContaining("Requested resource not found: Index: missing");

            client.updateTable(r -> r.tableName("orders").globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("by-status")).build()));

            // moto removes it at once; AWS describes it DELETING until it is gone
            assertThat(direct.describeTable(r -> r.tableName("orders")).table().globalSecondaryIndexes())
                    .extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("by-place");
            assertThat(client.describeTable(r -> r.tableName("orders")).table().globalSecondaryIndexes())
                    .filteredOn(i -> i.indexName().equals("by-status")).singleElement()
                    .satisfies(i -> assertThat(i.indexStatusAsString()).isEqualTo("DELETING"));
            // one index operation at a time per table: the name is not free before the index is gone
            assertThatThrownBy(() -> client.updateTable(CreateTableRequests.addIndex(DECLARED,
                    DECLARED.globalSecondaryIndexes().get(0))))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("Only 1 online index can be created or deleted simultaneously per table");
        }
    }
}
