package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code delete} and {@code reset} against moto behind the behaviour layer (src/test/AWS-BEHAVIOUR.md, rows 31 to 34:
 * DeleteTable refused while CREATING or UPDATING and for deletion protection, tables DELETING for a while, Scan
 * pages that end before the table does) and against dynalite, which keeps deleted tables DELETING itself.
 */
@ExtendWith(DynamoDbServerExtension.class)
class DeleteAndResetTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final KeyAttribute ID = new KeyAttribute("id", AttributeType.S);
    /** A reserved word of DynamoDB as a key name: the Scan's projection must name it through a placeholder. */
    private static final KeyAttribute DATE = new KeyAttribute("date", AttributeType.N);
    private static final KeyAttribute KIND = new KeyAttribute("kind", AttributeType.S);

    private static DeclaredTable table(String name) {
        return DeclaredTable.builder(new PomOrigin(1), name).partitionKey(ID).build();
    }

    private static DeclaredTable events() {
        return DeclaredTable.builder(new PomOrigin(1), "events").partitionKey(ID).sortKey(DATE)
                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-kind", KIND, null, IndexProjection.ALL, List.of()))
                .timeToLiveAttribute("expires").stream(new StreamSpecification(true, StreamViewType.NEW_IMAGE)).build();
    }

    private static TableProvisioner provisioner(DynamoDbClient client, RecordingListener listener) {
        return new TableProvisioner(client, listener, MavenRemedies.INSTANCE, TIMEOUT, "region us-east-1");
    }

    private static DynamoDbClient client(URI endpoint) {
        return TestClients.builder(endpoint, "us-east-1")
                .overrideConfiguration(o -> o.retryStrategy(DynamoDbConnection.RETRIES)).build();
    }

    private static AwsBehaviour layer(TestServer server) {
        return AwsBehaviour.inFrontOf(server.endpoint()).creating(Duration.ofMillis(400))
                .updating(Duration.ofMillis(400)).deletingTables(Duration.ofMillis(400), 40);
    }

    private static void put(DynamoDbClient client, String table, int count, boolean withSortKey) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = withSortKey
                    ? Map.of("id", AttributeValue.fromS("id-" + i % 7), "date", AttributeValue.fromN(String.valueOf(i)),
                            "kind", AttributeValue.fromS("kind-" + i % 3), "payload", AttributeValue.fromS("x".repeat(100)))
                    : Map.of("id", AttributeValue.fromS("id-" + i), "payload", AttributeValue.fromS("x".repeat(100)));
            batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> requests = List.copyOf(batch);
                client.batchWriteItem(r -> r.requestItems(Map.of(table, requests)));
                batch.clear();
            }
        }
    }

    private static boolean exists(DynamoDbClient client, String table) {
        try {
            client.describeTable(r -> r.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    @Test
    void deleteRemovesOnlyTheDeclaredTablesWaitsUntilTheyAreGoneAndReportsAMissingOne(TestServer server)
            throws Exception {
        try (AwsBehaviour layer = layer(server);
                DynamoDbClient client = client(layer.endpoint());
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(table("orders")));
            direct.createTable(CreateTableRequests.of(table("not-declared")));
            RecordingListener listener = new RecordingListener();

            RunSummary summary = provisioner(client, listener)
                    .delete(Declaration.of(List.of(table("orders"), table("never-created"))));

            assertThat(summary.names(TableResult.Outcome.DELETED)).containsExactly("orders");
            assertThat(summary.names(TableResult.Outcome.MISSING)).containsExactly("never-created");
            assertThat(exists(client, "orders")).as("gone, not DELETING, when delete returns").isFalse();
            assertThat(exists(direct, "not-declared")).as("an undeclared table survives").isTrue();
            assertThat(layer.calls("ListTables")).as("tables are never listed").isZero();
            assertThat(layer.calls("DeleteTable")).isEqualTo(1);
            assertThat(listener.lines()).contains("INFO - delete  orders", "INFO   gone    orders",
                    "INFO = gone    never-created (did not exist)");
            assertThat(listener.lines()).anyMatch(l -> l.startsWith("INFO delete: 2 tables in region us-east-1 - 1"
                    + " deleted, 1 did not exist, 0 protected (left as they are) ("));
        }
    }

    @Test
    void theLayerRefusesDeleteTableAsAwsDoesWhileATableIsCreatingOrUpdatingOrProtected(TestServer server)
            throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).creating(Duration.ofMinutes(5))
                .deletingTables(Duration.ofMinutes(5), 40);
                DynamoDbClient client = client(layer.endpoint());
                DynamoDbClient direct = server.client("us-east-1")) {
            client.createTable(CreateTableRequests.of(table("orders")));
            direct.createTable(CreateTableRequests.of(table("ledger").toBuilder().deletionProtection(true).build()));

            assertThatThrownBy(() -> client.deleteTable(r -> r.tableName("orders")))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("ResourceInUseException"))
                    .hasMessageContaining("Table is being created: orders");
            assertThatThrownBy(() -> client.deleteTable(r -> r.tableName("ledger")))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("ValidationException"))
                    .hasMessageContaining("protected against deletion. Disable deletion protection first.");
            direct.updateTable(r -> r.tableName("ledger").deletionProtectionEnabled(false));
            client.deleteTable(r -> r.tableName("ledger"));
            assertThat(client.describeTable(r -> r.tableName("ledger")).table().tableStatusAsString())
                    .as("DELETING for a while").isEqualTo("DELETING");
            client.deleteTable(r -> r.tableName("ledger")); // no error while DELETING, as AWS answers
            assertThatThrownBy(() -> client.createTable(CreateTableRequests.of(table("ledger"))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("ResourceInUseException"));
        }
    }

    @Test
    void aTableStillCreatingIsWaitedForBeforeDeleteTableWhichAwsWouldRefuse(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).creating(Duration.ofSeconds(2))
                .deletingTables(Duration.ofMillis(400), 40);
                DynamoDbClient client = client(layer.endpoint())) {
            client.createTable(CreateTableRequests.of(table("orders")));

            provisioner(client, new RecordingListener()).delete(Declaration.of(List.of(table("orders"))));

            assertThat(layer.refusals("DeleteTable")).as("DeleteTable sent once the table was ACTIVE").isZero();
            assertThat(layer.calls("DescribeTable")).as("read, waited for ACTIVE, waited until gone")
                    .isGreaterThanOrEqualTo(3);
            assertThat(exists(client, "orders")).isFalse();
        }
    }

    @Test
    void aProtectedTableIsReportedAndLeftProtectedWhileTheOthersAreDeleted(TestServer server) throws Exception {
        try (AwsBehaviour layer = layer(server);
                DynamoDbClient client = client(layer.endpoint());
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(table("ledger").toBuilder().deletionProtection(true).build()));
            direct.createTable(CreateTableRequests.of(table("scratch")));
            RecordingListener listener = new RecordingListener();

            assertThatThrownBy(() -> provisioner(client, listener)
                    .delete(Declaration.of(List.of(table("ledger"), table("scratch")))))
                    .isInstanceOf(TablesProtectedException.class)
                    .hasMessage("The table ledger in region us-east-1 has deletion protection, so it was not deleted;"
                            + " dynamo-setup never turns the protection off (deleted: scratch). If it is meant to go,"
                            + " turn deletion protection off yourself (aws dynamodb update-table"
                            + " --no-deletion-protection-enabled --table-name NAME) and run the goal again; if it is"
                            + " not, leave it out of the tables this goal deletes.");

            assertThat(layer.calls("DeleteTable")).as("DeleteTable only for the unprotected table").isEqualTo(1);
            assertThat(layer.calls("UpdateTable")).as("protection never turned off").isZero();
            assertThat(direct.describeTable(r -> r.tableName("ledger")).table().deletionProtectionEnabled()).isTrue();
            assertThat(exists(direct, "scratch")).isFalse();
            assertThat(listener.lines()).contains("WARN ! protected ledger (deletion protection is on: not deleted,"
                    + " and never turned off by dynamo-setup)");
        }
    }

    @Test
    void resetEmptiesTablesOfManyPagesAndLeavesThemAsDeclaredWithTheirStream(TestServer server) throws Exception {
        try (AwsBehaviour layer = layer(server);
                DynamoDbClient client = client(layer.endpoint());
                DynamoDbClient direct = server.client("us-east-1")) {
            List<DeclaredTable> tables = List.of(table("orders"), events(), table("empty"));
            provisioner(direct, new RecordingListener()).create(Declaration.of(tables), TableProvisioner.Options.DEFAULTS);
            put(direct, "orders", 260, false);
            put(direct, "events", 130, true);
            String stream = direct.describeTable(r -> r.tableName("events")).table().latestStreamArn();
            RecordingListener listener = new RecordingListener();

            RunSummary summary = provisioner(client, listener).reset(Declaration.of(tables), Long.MAX_VALUE);

            assertThat(summary.names(TableResult.Outcome.EMPTIED)).containsExactly("orders", "events", "empty");
            for (DeclaredTable table : tables) {
                assertThat(direct.scan(r -> r.tableName(table.name())).count()).as(table.name()).isZero();
            }
            assertThat(layer.calls("Scan")).as("pages followed through LastEvaluatedKey")
                    .isGreaterThan(3 * TableRemoval.SEGMENTS);
            assertThat(layer.calls("DeleteTable") + layer.calls("CreateTable")).as("tables kept").isZero();
            assertThat(direct.describeTable(r -> r.tableName("events")).table().latestStreamArn()).isEqualTo(stream);
            assertThat(listener.lines()).contains("INFO   emptied orders (260 items deleted)",
                    "INFO   emptied events (130 items deleted)", "INFO   emptied empty (0 items deleted)");
            assertThat(summary.tables().get(0).actions()).containsExactly("deleted 260 items");
            assertThat(provisioner(direct, new RecordingListener()).validate(Declaration.of(tables), true)
                    .names(TableResult.Outcome.UP_TO_DATE)).containsExactly("orders", "events", "empty");
        }
    }

    @Test
    void resetCreatesATableOfManyItemsAgainAsDeclaredAndEmptiesTheSmallOnes(TestServer server) throws Exception {
        try (DynamoDbClient direct = server.client("us-east-1")) {
            List<DeclaredTable> tables = List.of(table("orders"), events());
            provisioner(direct, new RecordingListener()).create(Declaration.of(tables), TableProvisioner.Options.DEFAULTS);
            put(direct, "orders", 260, false);
            put(direct, "events", 30, true);
            RecordingListener listener = new RecordingListener();

            RunSummary summary = provisioner(direct, listener).reset(Declaration.of(tables), 100);

            assertThat(summary.names(TableResult.Outcome.RECREATED)).containsExactly("orders");
            assertThat(summary.names(TableResult.Outcome.EMPTIED)).containsExactly("events");
            assertThat(summary.tables().get(0).actions()).startsWith("delete", "gone", "create");
            assertThat(direct.scan(r -> r.tableName("orders")).count()).isZero();
            assertThat(direct.scan(r -> r.tableName("events")).count()).isZero();
            assertThat(listener.lines()).contains("INFO   emptied orders (deleted and created again as declared:"
                    + " faster than deleting its items on a local server)", "INFO   emptied events (30 items deleted)");
            assertThat(listener.lines()).anyMatch(l -> l.startsWith("INFO reset: 2 tables in region us-east-1 - 1"
                    + " emptied, 1 created again, 0 missing ("));
            assertThat(provisioner(direct, new RecordingListener()).validate(Declaration.of(tables), true)
                    .names(TableResult.Outcome.UP_TO_DATE)).containsExactly("orders", "events");
        }
    }

    @Test
    void resetOfAMissingTableFailsNamingItAndEmptiesTheOthers(TestServer server) throws Exception {
        try (DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(table("orders")));
            put(direct, "orders", 30, false);

            assertThatThrownBy(() -> provisioner(direct, new RecordingListener())
                    .reset(Declaration.of(List.of(table("orders"), table("never-created"))), Long.MAX_VALUE))
                    .isInstanceOf(DriftException.class)
                    .hasMessageContaining("never-created: missing. Create it with: mvn dynamo-setup:create");
            assertThat(direct.scan(r -> r.tableName("orders")).count()).isZero();
            assertThat(exists(direct, "never-created")).isFalse();
        }
    }

    @Test
    void onDynaliteDeleteWaitsOutDeletingAndResetEmptiesTables() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(200, 400); DynamoDbClient client = dynalite.client()) {
            List<DeclaredTable> tables = List.of(table("orders"), events());
            // with an index: the Scan reads, and BatchWriteItem deletes by, the table's key only, which dynalite checks
            provisioner(client, new RecordingListener()).create(Declaration.of(List.of(table("orders"),
                    DeclaredTable.builder(new PomOrigin(1), "events").partitionKey(ID).sortKey(DATE)
                            .globalSecondaryIndex(DeclaredGlobalIndex.of("by-kind", KIND, null, IndexProjection.ALL,
                                    List.of())).build())),
                    TableProvisioner.Options.DEFAULTS);
            put(client, "orders", 120, false);
            put(client, "events", 60, true);

            RunSummary reset = provisioner(client, new RecordingListener()).reset(Declaration.of(tables), Long.MAX_VALUE);
            assertThat(reset.names(TableResult.Outcome.EMPTIED)).containsExactly("orders", "events");
            assertThat(client.scan(r -> r.tableName("orders")).count()).isZero();
            assertThat(client.scan(r -> r.tableName("events")).count()).isZero();

            RunSummary deleted = provisioner(client, new RecordingListener()).delete(Declaration.of(tables));
            assertThat(deleted.names(TableResult.Outcome.DELETED)).containsExactly("orders", "events");
            assertThat(client.listTables().tableNames()).as("gone, not DELETING").isEmpty();
        }
    }
}
