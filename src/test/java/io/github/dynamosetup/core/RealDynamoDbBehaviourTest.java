package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;

/**
 * create, validate and plan against moto behind the behaviour layer, which answers the control plane the
 * way real DynamoDB does (src/test/AWS-BEHAVIOUR.md): each test switches on the behaviours it is about and
 * asserts the effect on the server, and what the layer refused.
 *
 * <p>Over 300 lines: one test per catalogue entry that changes what the plugin does, each with its own setup.
 */
@ExtendWith(DynamoDbServerExtension.class)
class RealDynamoDbBehaviourTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static TableProvisioner provisioner(DynamoDbClient client, RecordingListener listener, Duration timeout) {
        return new TableProvisioner(client, listener, MavenRemedies.INSTANCE, timeout, "region us-east-1 at the behaviour layer");
    }

    /** A client with the plugin's retry strategy, through the layer. */
    private static DynamoDbClient client(AwsBehaviour layer) {
        return TestClients.builder(layer.endpoint(), "us-east-1")
                .overrideConfiguration(o -> o.retryStrategy(DynamoDbConnection.RETRIES)).build();
    }

    private static List<DeclaredTable> healthAssistantWithRecovery() {
        List<DeclaredTable> tables = new ArrayList<>(HealthAssistant.tables());
        tables.set(2, tables.get(2).toBuilder().pointInTimeRecovery(true).build());
        return tables;
    }

    private static String recovery(DynamoDbClient direct, String table) {
        return direct.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString();
    }

    @Test
    void createEndsWithEveryTableConfiguredAgainstEveryBehaviourAtOnce(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.likeAws(server.endpoint(), Duration.ofMillis(1500));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            RecordingListener listener = new RecordingListener();

            RunSummary summary = provisioner(client, listener, TIMEOUT)
                    .create(Declaration.of(healthAssistantWithRecovery()), TableProvisioner.Options.DEFAULTS);

            assertThat(summary.names(TableResult.Outcome.CREATED)).hasSize(3);
            HealthAssistant.expected(HealthAssistant.TAGS).forEach((table, expected) ->
                    assertThat(TableSnapshot.read(direct, table)).as(table).isEqualTo(expected));
            assertThat(recovery(direct, "user_sessions")).isEqualTo("ENABLED");
            assertThat(layer.refusals("UpdateContinuousBackups")).as("refused while backups were being enabled")
                    .isPositive();
            assertThat(layer.successes("UpdateContinuousBackups")).isEqualTo(1);
            assertThat(layer.successes("UpdateTimeToLive")).isEqualTo(1);

            // and validate sees TTL ENABLING as enabled: the run is converged
            provisioner(client, new RecordingListener(), TIMEOUT)
                    .validate(Declaration.of(healthAssistantWithRecovery()), true);
        }
    }

    @Test
    void pointInTimeRecoveryStillUnavailableAtTheTimeoutFailsNamingWhy(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint())
                        .backupsUnavailableAfterCreate(Duration.ofMinutes(5));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            DeclaredTable table = healthAssistantWithRecovery().get(2);

            assertThatThrownBy(() -> provisioner(client, new RecordingListener(), Duration.ofSeconds(3))
                    .create(Declaration.of(List.of(table)), TableProvisioner.Options.DEFAULTS))
                    .isInstanceOf(RunFailedException.class)
                    .hasMessageContaining("from UpdateContinuousBackups on table 'user_sessions'")
                    .hasMessageContaining("AWS was still enabling backups for the new table")
                    .hasMessageContaining("user_sessions: done: create, ACTIVE, ttl; stopped:");
            assertThat(recovery(direct, "user_sessions")).isEqualTo("DISABLED");
        }
    }

    @Test
    void aRecoveryPeriodAwsRefusesIsCaughtOfflineAndNeverSent(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).recoveryPeriodRange();
                DynamoDbClient client = client(layer)) {
            DeclaredTable sessions = healthAssistantWithRecovery().get(2);
            // the layer refuses what moto accepts
            client.createTable(CreateTableRequests.of(sessions));
            assertThatThrownBy(() -> client.updateContinuousBackups(r -> r.tableName("user_sessions")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(36))))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("Member must have value less than or equal to 35");

            assertThatThrownBy(() -> Declaration.of(List.of(sessions.toBuilder().recoveryPeriodInDays(36L).build())))
                    .isInstanceOf(InvalidDeclarationException.class)
                    .hasMessageContaining("36 days; the recovery period is 1 to 35 days");
            RunSummary summary = provisioner(client, new RecordingListener(), TIMEOUT).create(Declaration.of(List.of(
                    sessions.toBuilder().recoveryPeriodInDays(35L).build())), TableProvisioner.Options.DEFAULTS);

            assertThat(summary.tables().get(0).actions()).contains("pitr");
            assertThat(layer.calls("UpdateContinuousBackups")).isEqualTo(2);
            assertThat(layer.refusals("UpdateContinuousBackups")).isEqualTo(1);
        }
    }

    @Test
    void anIndexKeyOfSeveralAttributesIsCreatedReadBackInOrderAndComparedInOrder(TestServer server) throws Exception {
        KeyAttribute tenant = new KeyAttribute("tenant", AttributeType.S);
        KeyAttribute region = new KeyAttribute("region", AttributeType.S);
        KeyAttribute round = new KeyAttribute("round", AttributeType.N);
        KeyAttribute playedAt = new KeyAttribute("played_at", AttributeType.S);
        DeclaredTable declared = DeclaredTable.builder(new PomOrigin(1), "matches")
                .partitionKey(new KeyAttribute("match_id", AttributeType.S))
                .globalSecondaryIndex(new DeclaredGlobalIndex("by-place", List.of(tenant, region),
                        List.of(round, playedAt), IndexProjection.ALL, List.of(), null, null))
                .build();
        try (AwsBehaviour layer = AwsBehaviour.likeAws(server.endpoint(), Duration.ofMillis(300));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            // the layer refuses what moto keeps: five HASH elements, two on the table's key
            assertThatThrownBy(() -> client.createTable(CreateTableRequests.of(declared.toBuilder()
                    .globalSecondaryIndex(new DeclaredGlobalIndex("wide", List.of(tenant, region, round, playedAt,
                            new KeyAttribute("x", AttributeType.S)), List.of(), IndexProjection.ALL, List.of(), null,
                            null)).build())))
                    .isInstanceOf(DynamoDbException.class).hasMessageContaining("5 HASH and 0 RANGE elements");
            assertThatThrownBy(() -> client.createTable(r -> r.tableName("wrong")
                    .attributeDefinitions(a -> a.attributeName("a").attributeType("S"),
                            a -> a.attributeName("b").attributeType("S"))
                    .keySchema(k -> k.attributeName("a").keyType("HASH"), k -> k.attributeName("b").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST")))
                    .isInstanceOf(DynamoDbException.class).hasMessageContaining("Invalid KeySchema of table");

            provisioner(client, new RecordingListener(), TIMEOUT)
                    .create(Declaration.of(List.of(declared)), TableProvisioner.Options.DEFAULTS);

            assertThat(direct.describeTable(r -> r.tableName("matches")).table().globalSecondaryIndexes().get(0)
                    .keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("tenant:HASH", "region:HASH", "round:RANGE", "played_at:RANGE");
            provisioner(client, new RecordingListener(), TIMEOUT).validate(Declaration.of(List.of(declared)), true);

            DeclaredTable reordered = DeclaredTable.builder(new PomOrigin(1), "matches")
                    .partitionKey(new KeyAttribute("match_id", AttributeType.S))
                    .globalSecondaryIndex(new DeclaredGlobalIndex("by-place", List.of(region, tenant),
                            List.of(round, playedAt), IndexProjection.ALL, List.of(), null, null))
                    .build();
            assertThatThrownBy(() -> provisioner(client, new RecordingListener(), TIMEOUT)
                    .validate(Declaration.of(List.of(reordered)), true))
                    .isInstanceOf(DriftException.class)
                    .hasMessageContaining("global secondary index by-place");
        }
    }

    @Test
    void timeToLiveEnabledByAnotherBuildMeanwhileIsSuccess(TestServer server) throws Exception {
        try (DynamoDbClient direct = server.client("us-east-1");
                AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).timeToLive(Duration.ofSeconds(2));
                DynamoDbClient client = client(layer)) {
            DeclaredTable sessions = HealthAssistant.tables().get(2);
            direct.createTable(CreateTableRequests.of(sessions.toBuilder().timeToLiveAttribute(null).build()));
            // the other build enables TTL between this run's read and its UpdateTimeToLive
            layer.onceBefore("UpdateTimeToLive", () -> direct.updateTimeToLive(r -> r.tableName("user_sessions")
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName("ttl"))));
            RecordingListener listener = new RecordingListener();

            RunSummary summary = provisioner(client, listener, TIMEOUT)
                    .create(Declaration.of(List.of(sessions)), TableProvisioner.Options.DEFAULTS);

            assertThat(layer.refusals("UpdateTimeToLive")).isEqualTo(1);
            assertThat(listener.lines()).contains("INFO   done    user_sessions (ttl: made meanwhile by another run;"
                    + " ValidationException)");
            assertThat(summary.tables().get(0).actions()).doesNotContain("ttl");
            assertThat(TableSnapshot.read(direct, "user_sessions").timeToLive()).isEqualTo("ENABLED ttl");
        }
    }

    @Test
    void aStreamOrIndexAddedByAnotherBuildMeanwhileIsSuccess(TestServer server) throws Exception {
        KeyAttribute id = new KeyAttribute("id", AttributeType.S);
        DeclaredGlobalIndex byStatus = DeclaredGlobalIndex.of("by-status",
                new KeyAttribute("status", AttributeType.S), null, IndexProjection.KEYS_ONLY, List.of());
        DeclaredTable declared = DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(id)
                .globalSecondaryIndex(byStatus)
                .stream(new StreamSpecification(true, StreamViewType.NEW_IMAGE)).build();
        try (DynamoDbClient direct = server.client("us-east-1");
                AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).strictUpdateTable()
                        .updating(Duration.ofMillis(300)).backfilling(Duration.ofMillis(600));
                DynamoDbClient client = client(layer);
                DynamoDbClient other = client(layer)) {
            direct.createTable(CreateTableRequests.of(DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(id)
                    .build()));
            layer.onceBefore("UpdateTable", () -> {
                other.updateTable(r -> r.tableName("orders")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE")));
                awaitActive(other, "orders");
                other.updateTable(r -> r.tableName("orders")
                        .attributeDefinitions(a -> a.attributeName("status").attributeType("S"))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
                                .indexName("by-status").keySchema(k -> k.attributeName("status").keyType("HASH"))
                                .projection(p -> p.projectionType("KEYS_ONLY"))).build()));
            });
            RecordingListener listener = new RecordingListener();

            RunSummary summary = provisioner(client, listener, TIMEOUT)
                    .create(Declaration.of(List.of(declared)), new TableProvisioner.Options(true, true));

            assertThat(listener.lines()).contains(
                    "INFO   done    orders (index by-status: made meanwhile by another run; ResourceInUseException)",
                    "INFO   done    orders (stream: made meanwhile by another run; ValidationException)");
            assertThat(summary.tables().get(0).drift()).isNotEmpty();
            assertThat(TableSnapshot.read(direct, "orders").globalSecondaryIndexes())
                    .containsEntry("by-status", "status:S KEYS_ONLY");
            assertThat(direct.describeTable(r -> r.tableName("orders")).table().streamSpecification().streamViewType()
                    .toString()).isEqualTo("NEW_IMAGE");
            provisioner(client, new RecordingListener(), TIMEOUT).validate(Declaration.of(List.of(declared)), true);
        }
    }

    @Test
    void updateTableIsSentOneKindOfChangeAtATimeOnceTheTableIsActive(TestServer server) throws Exception {
        KeyAttribute id = new KeyAttribute("id", AttributeType.S);
        DeclaredTable before = DeclaredTable.builder(new PomOrigin(1), "ledger").partitionKey(id)
                .billingMode(BillingMode.PROVISIONED).capacity(new Capacity(5L, 5L)).build();
        DeclaredTable declared = before.toBuilder()
                .capacity(new Capacity(10L, 10L))
                .stream(new StreamSpecification(true, StreamViewType.KEYS_ONLY))
                .deletionProtection(true)
                .globalSecondaryIndex(new DeclaredGlobalIndex("by-account", new KeyAttribute("account", AttributeType.S),
                        null, IndexProjection.ALL, List.of(), new Capacity(5L, 5L), RequestUnits.NONE))
                .globalSecondaryIndex(new DeclaredGlobalIndex("by-day", new KeyAttribute("day", AttributeType.S),
                        null, IndexProjection.KEYS_ONLY, List.of(), new Capacity(5L, 5L), RequestUnits.NONE))
                .build();
        try (DynamoDbClient direct = server.client("us-east-1");
                AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).strictUpdateTable()
                        .updating(Duration.ofMillis(400)).backfilling(Duration.ofMillis(800));
                DynamoDbClient client = client(layer)) {
            direct.createTable(CreateTableRequests.of(before));

            RunSummary summary = provisioner(client, new RecordingListener(), TIMEOUT)
                    .create(Declaration.of(List.of(declared)), new TableProvisioner.Options(true, true));

            assertThat(layer.refusals("UpdateTable")).as("no UpdateTable refused: each waited for ACTIVE").isZero();
            assertThat(layer.updateTableRequests()).hasSize(5);
            assertThat(summary.tables().get(0).actions()).containsExactly("index by-account", "index by-day",
                    "capacity", "stream", "deletion protection");
            var table = direct.describeTable(r -> r.tableName("ledger")).table();
            assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(10L);
            assertThat(table.streamSpecification().streamEnabled()).isTrue();
            assertThat(table.deletionProtectionEnabled()).isTrue();
            assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName())
                    .containsExactlyInAnyOrder("by-account", "by-day");
        }
    }

    @Test
    void anUpdateRefusedWhileAnotherBuildUpdatesTheTableIsTriedAgainOnceItIsActive(TestServer server)
            throws Exception {
        KeyAttribute id = new KeyAttribute("id", AttributeType.S);
        DeclaredTable before = DeclaredTable.builder(new PomOrigin(1), "ledger").partitionKey(id)
                .billingMode(BillingMode.PROVISIONED).capacity(new Capacity(5L, 5L)).build();
        DeclaredTable declared = before.toBuilder().stream(new StreamSpecification(true, StreamViewType.KEYS_ONLY)).build();
        try (DynamoDbClient direct = server.client("us-east-1");
                AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).strictUpdateTable()
                        .updating(Duration.ofMillis(800));
                DynamoDbClient client = client(layer);
                DynamoDbClient other = client(layer)) {
            direct.createTable(CreateTableRequests.of(before));
            // the table is ACTIVE when this run looks, and UPDATING (another build's capacity change) when it writes
            layer.onceBefore("UpdateTable", () -> other.updateTable(r -> r.tableName("ledger")
                    .provisionedThroughput(t -> t.readCapacityUnits(6L).writeCapacityUnits(6L))));

            provisioner(client, new RecordingListener(), TIMEOUT)
                    .create(Declaration.of(List.of(declared)), new TableProvisioner.Options(false, false));

            assertThat(layer.refusals("UpdateTable")).isEqualTo(1);
            assertThat(direct.describeTable(r -> r.tableName("ledger")).table().streamSpecification().streamEnabled())
                    .isTrue();
        }
    }

    @Test
    void validateRightAfterTaggingIsNotFooledByTagReadsThatLag(TestServer server) throws Exception {
        DeclaredTable declared = HealthAssistant.tables().get(1);
        try (DynamoDbClient direct = server.client("us-east-1");
                AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).tagReadsLag(Duration.ofSeconds(2));
                DynamoDbClient client = client(layer)) {
            direct.createTable(CreateTableRequests.of(declared).toBuilder()
                    .tags((java.util.Collection<software.amazon.awssdk.services.dynamodb.model.Tag>) null).build());

            provisioner(client, new RecordingListener(), TIMEOUT)
                    .create(Declaration.of(List.of(declared)), TableProvisioner.Options.DEFAULTS);
            String arn = direct.describeTable(r -> r.tableName("horarios_doctores")).table().tableArn();
            assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).as("tag reads still lag").isEmpty();
            RunSummary validated = provisioner(client, new RecordingListener(), TIMEOUT)
                    .validate(Declaration.of(List.of(declared)), true);

            assertThat(validated.names(TableResult.Outcome.UP_TO_DATE)).containsExactly("horarios_doctores");
        }
    }

    @Test
    void validateUnderSustainedThrottlingSlowsDownAndFinishes(TestServer server) throws Exception {
        List<DeclaredTable> tables = manyTables(120);
        try (DynamoDbClient direct = server.client("us-east-1");
                AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).throttleReads(15);
                DynamoDbClient client = client(layer)) {
            tables.forEach(table -> direct.createTable(CreateTableRequests.of(table)));

            RunSummary summary = provisioner(client, new RecordingListener(), TIMEOUT)
                    .validate(Declaration.of(tables), true);

            assertThat(summary.names(TableResult.Outcome.UP_TO_DATE)).hasSize(120);
            assertThat(layer.refusals("DescribeTable") + layer.refusals("DescribeTimeToLive")
                    + layer.refusals("ListTagsOfResource")).as("calls throttled along the way").isGreaterThan(50);
        }
    }

    @Test
    void throttlingThatOutlastsTheTimeoutFailsNamingTheThrottledOperation(TestServer server) throws Exception {
        List<DeclaredTable> tables = manyTables(5);
        try (DynamoDbClient direct = server.client("us-east-1");
                // every read throttled for the whole run: with a rate above zero, a loaded machine spaces the calls
                // out enough for the SDK's own retries to get through, and the run ends without failing
                AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).throttleReads(0);
                DynamoDbClient client = client(layer)) {
            tables.forEach(table -> direct.createTable(CreateTableRequests.of(table)));

            assertThatThrownBy(() -> provisioner(client, new RecordingListener(), Duration.ofSeconds(3))
                    .validate(Declaration.of(tables), true))
                    .isInstanceOf(AwsCallException.class)
                    .hasMessageMatching("(?s)ThrottlingException from (DescribeTable|DescribeTimeToLive|ListTagsOfResource)"
                            + " on table 'table-\\d+': .*")
                    .hasMessageContaining("AWS was still refusing")
                    .hasMessageContaining("throttled all along");
        }
    }

    @Test
    void aQuotaCountedOverTheDayFailsAtOnceWithoutWaitingForTheTimeout(TestServer server) throws Exception {
        KeyAttribute id = new KeyAttribute("id", AttributeType.S);
        DeclaredTable table = DeclaredTable.builder(new PomOrigin(1), "ledger").partitionKey(id)
                .billingMode(BillingMode.PROVISIONED).capacity(new Capacity(20L, 20L)).build();
        try (DynamoDbClient direct = server.client("us-east-1");
                AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).strictUpdateTable().quotas();
                DynamoDbClient client = client(layer)) {
            direct.createTable(CreateTableRequests.of(table));
            for (long units = 19; units >= 16; units--) {
                long capacity = units;
                client.updateTable(r -> r.tableName("ledger")
                        .provisionedThroughput(t -> t.readCapacityUnits(capacity).writeCapacityUnits(capacity)));
            }

            assertThatThrownBy(() -> provisioner(client, new RecordingListener(), TIMEOUT).create(Declaration.of(List.of(
                    table.toBuilder().capacity(new Capacity(10L, 10L)).build())), TableProvisioner.Options.DEFAULTS))
                    .isInstanceOf(AwsCallException.class)
                    .hasMessageContaining("LimitExceededException from UpdateTable on table 'ledger': Subscriber limit"
                            + " exceeded: Provisioned throughput decreases are limited")
                    .hasMessageContaining("the quota is used up");
            assertThat(layer.refusals("UpdateTable")).as("refused once, not retried until the timeout").isEqualTo(1);
        }
    }

    private static List<DeclaredTable> manyTables(int count) {
        List<DeclaredTable> tables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tables.add(DeclaredTable.builder(new PomOrigin(i + 1), "table-" + i)
                    .partitionKey(new KeyAttribute("id", AttributeType.S))
                    .tags(Map.of("Team", "ledger"))
                    .build());
        }
        return tables;
    }

    private static void awaitActive(DynamoDbClient client, String table) {
        try {
            new AwsCalls(Goal.CREATE, "the behaviour layer", Deadline.after(Duration.ofSeconds(30)), event -> { },
                    MavenRemedies.INSTANCE, Waiting.NONE, new StopSignal()).waiter(client).awaitActive(table);
        } catch (ProvisioningException e) {
            throw new IllegalStateException(e);
        }
    }
}
