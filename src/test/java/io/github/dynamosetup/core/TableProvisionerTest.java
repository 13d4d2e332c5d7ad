package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredLocalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.ProvisionerFixture;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;

@ExtendWith(DynamoDbServerExtension.class)
class TableProvisionerTest {

    private ProvisionerFixture fixture;
    private DynamoDbClient server;

    @BeforeEach
    void connect(ProvisionerFixture fixture) {
        this.fixture = fixture;
        server = fixture.server();
    }

    private RunSummary create(Declaration declaration) throws ProvisioningException {
        return fixture.provisioner().create(declaration, TableProvisioner.Options.DEFAULTS);
    }

    private static Declaration healthAssistant() throws Exception {
        return Declaration.of(HealthAssistant.tables());
    }

    @Test
    void createMakesTheThreeTablesExactlyAsDeclared() throws Exception {
        RunSummary summary = create(healthAssistant());

        assertThat(summary.names(TableResult.Outcome.CREATED))
                .containsExactly("doctores", "horarios_doctores", "user_sessions");
        HealthAssistant.expected(HealthAssistant.TAGS).forEach((table, expected) ->
                assertThat(TableSnapshot.read(server, table)).as(table).isEqualTo(expected));
        assertThat(fixture.calls().writeOperations()).containsExactlyInAnyOrder("CreateTable", "CreateTable",
                "CreateTable", "UpdateTimeToLive");
        List<String> lines = fixture.listener().lines();
        assertThat(lines).contains("INFO + create  doctores", "INFO   ttl     user_sessions (enabled on 'ttl')");
        assertThat(lines.get(lines.size() - 1))
                .startsWith("INFO create: 3 tables in region us-east-1 - 3 created, 0 updated, 0 up to date, 0 with drift (");
    }

    @Test
    void createAppliesEveryFeatureOfTheTable() throws Exception {
        KeyAttribute customer = new KeyAttribute("customer_id", AttributeType.S);
        KeyAttribute createdAt = new KeyAttribute("created_at", AttributeType.N);
        DeclaredTable orders = DeclaredTable.builder(new PomOrigin(1), "orders")
                .partitionKey(customer)
                .sortKey(createdAt)
                .globalSecondaryIndex(new DeclaredGlobalIndex("by-status", new KeyAttribute("status", AttributeType.S),
                        createdAt, IndexProjection.INCLUDE, List.of("total", "currency"), null, new RequestUnits(20L, 10L)))
                .localSecondaryIndex(new DeclaredLocalIndex("by-total", new KeyAttribute("total", AttributeType.N),
                        IndexProjection.KEYS_ONLY, List.of()))
                .onDemandThroughput(new RequestUnits(100L, 50L))
                .stream(new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES))
                .encryption(Encryption.CUSTOMER_MANAGED, "arn:aws:kms:us-east-1:123456789012:key/orders")
                .pointInTimeRecovery(true)
                .deletionProtection(true)
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .timeToLiveAttribute("expires_at")
                .tags(Map.of("Team", "checkout"))
                .build();

        create(Declaration.of(List.of(orders)));

        TableDescription table = server.describeTable(r -> r.tableName("orders")).table();
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(lsi -> {
            assertThat(lsi.indexName()).isEqualTo("by-total");
            assertThat(lsi.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("customer_id:HASH", "total:RANGE");
            assertThat(lsi.projection().projectionTypeAsString()).isEqualTo("KEYS_ONLY");
        });
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("status:HASH", "created_at:RANGE");
            assertThat(gsi.projection().projectionTypeAsString()).isEqualTo("INCLUDE");
            assertThat(gsi.projection().nonKeyAttributes()).containsExactly("total", "currency");
        });
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(table.latestStreamArn()).isNotBlank();
        assertThat(table.sseDescription().sseTypeAsString()).isEqualTo("KMS");
        assertThat(table.sseDescription().kmsMasterKeyArn()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/orders");
        assertThat(table.deletionProtectionEnabled()).isTrue();
        assertThat(server.describeContinuousBackups(r -> r.tableName("orders")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
        assertThat(TableSnapshot.read(server, "orders").timeToLive()).isEqualTo("ENABLED expires_at");
        assertThat(TableSnapshot.read(server, "orders").tags()).containsExactly(Map.entry("Team", "checkout"));
        // moto keeps neither the table class nor on-demand limits: what was sent is the proof
        CreateTableRequest sent = fixture.calls().requests(CreateTableRequest.class).get(0);
        assertThat(sent.tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        assertThat(sent.onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
        assertThat(sent.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(50L);
        assertThat(sent.globalSecondaryIndexes().get(0).onDemandThroughput().maxReadRequestUnits()).isEqualTo(20L);
        assertThat(fixture.calls().writeOperations()).containsExactly("CreateTable", "UpdateTimeToLive",
                "UpdateContinuousBackups");
        assertThat(fixture.listener().lines()).contains("INFO   pitr    orders (point-in-time recovery enabled)");
        // no period declared: none is sent, and DynamoDB keeps its default of 35 days
        assertThat(fixture.calls().requests(UpdateContinuousBackupsRequest.class)).singleElement()
                .satisfies(u -> assertThat(u.pointInTimeRecoverySpecification().recoveryPeriodInDays()).isNull());
    }

    @Test
    void aDeclaredRecoveryPeriodIsSetWithPointInTimeRecoveryAndValidates() throws Exception {
        DeclaredTable ledger = DeclaredTable.builder(new PomOrigin(1), "ledger")
                .partitionKey(new KeyAttribute("id", AttributeType.S))
                .pointInTimeRecovery(true)
                .recoveryPeriodInDays(7L)
                .build();
        Declaration declaration = Declaration.of(List.of(ledger));

        create(declaration);

        assertThat(server.describeContinuousBackups(r -> r.tableName("ledger")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(7);
        assertThat(fixture.listener().lines())
                .contains("INFO   pitr    ledger (point-in-time recovery enabled, 7 days)");
        assertThat(fixture.provisioner().validate(declaration, true).tables().get(0).outcome())
                .isEqualTo(TableResult.Outcome.UP_TO_DATE);
    }

    @Test
    void awsManagedEncryptionAsksForKmsWithoutAKey() throws Exception {
        DeclaredTable sessions = DeclaredTable.builder(new PomOrigin(1), "sessions")
                .partitionKey(new KeyAttribute("id", AttributeType.S))
                .encryption(Encryption.AWS_MANAGED, null)
                .billingMode(BillingMode.PROVISIONED)
                .capacity(new Capacity(2L, 1L))
                .build();

        create(Declaration.of(List.of(sessions)));

        TableDescription table = server.describeTable(r -> r.tableName("sessions")).table();
        assertThat(table.sseDescription().sseTypeAsString()).isEqualTo("KMS");
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(2L);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(1L);
        assertThat(fixture.calls().requests(CreateTableRequest.class).get(0).sseSpecification().kmsMasterKeyId())
                .isNull();
    }

    @Test
    void aSecondCreateMakesNoWriteCall() throws Exception {
        create(healthAssistant());
        fixture.calls().clear();

        RunSummary second = create(healthAssistant());

        assertThat(second.names(TableResult.Outcome.UP_TO_DATE))
                .containsExactly("doctores", "horarios_doctores", "user_sessions");
        assertThat(fixture.calls().writeOperations()).isEmpty();
        assertThat(fixture.calls().operations()).containsExactlyInAnyOrder(
                "DescribeTable", "DescribeTimeToLive", "ListTagsOfResource",
                "DescribeTable", "DescribeTimeToLive", "ListTagsOfResource",
                "DescribeTable", "DescribeTimeToLive", "ListTagsOfResource");
        List<String> lines = fixture.listener().lines();
        assertThat(lines).contains("INFO = up to date  user_sessions");
        assertThat(lines.get(lines.size() - 1))
                .startsWith("INFO create: 3 tables in region us-east-1 - 0 created, 0 updated, 3 up to date, 0 with"
                        + " drift (");
    }

    @Test
    void createLeavesATableWithOtherKeysAloneCreatesTheRestAndFailsNamingTheDrift() throws Exception {
        server.createTable(r -> r.tableName("doctores")
                .keySchema(k -> k.attributeName("other").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("other").attributeType("N"))
                .billingMode("PAY_PER_REQUEST"));

        assertThatThrownBy(() -> create(healthAssistant()))
                .isInstanceOf(DriftException.class)
                .satisfies(e -> {
                    RunSummary summary = ((DriftException) e).summary();
                    assertThat(summary.names(TableResult.Outcome.CREATED))
                            .containsExactly("horarios_doctores", "user_sessions");
                });
        assertThat(TableSnapshot.read(server, "doctores").partitionKey()).isEqualTo("other:N");
        assertThat(TableSnapshot.read(server, "user_sessions").timeToLive()).isEqualTo("ENABLED ttl");
    }

    @Test
    void validatePassesWhenEveryTableExistsWithReadsOnly() throws Exception {
        create(healthAssistant());
        fixture.calls().clear();

        RunSummary summary = fixture.provisioner().validate(healthAssistant(), true);

        assertThat(summary.names(TableResult.Outcome.UP_TO_DATE)).hasSize(3);
        assertThat(fixture.calls().writeOperations()).isEmpty();
    }

    @Test
    void validateNamesEveryMissingTableAndTheFix() throws Exception {
        create(healthAssistant());
        server.deleteTable(r -> r.tableName("horarios_doctores"));
        server.deleteTable(r -> r.tableName("user_sessions"));
        fixture.calls().clear();

        assertThatThrownBy(() -> fixture.provisioner().validate(healthAssistant(), true))
                .isInstanceOf(DriftException.class)
                .hasMessage("validate: 2 of 3 tables in region us-east-1 do not match the declaration:\n"
                        + "  horarios_doctores: missing. Create it with: mvn dynamo-setup:create\n"
                        + "  user_sessions: missing. Create it with: mvn dynamo-setup:create");
        assertThat(fixture.calls().writeOperations()).isEmpty();
        assertThat(fixture.listener().lines()).contains("WARN ! missing horarios_doctores");
    }

    @Test
    void forceFailsNamingExistingTablesAndStillCreatesTheMissingOne() throws Exception {
        create(healthAssistant());
        server.deleteTable(r -> r.tableName("user_sessions"));

        assertThatThrownBy(() -> fixture.provisioner().force(healthAssistant()))
                .isInstanceOf(TablesAlreadyExistException.class)
                .hasMessageStartingWith("ResourceInUseException: the tables doctores, horarios_doctores already exist"
                        + " in region us-east-1, so CreateTable was refused; created: user_sessions.")
                .hasMessageContaining("mvn dynamo-setup:validate")
                .hasMessageContaining("mvn dynamo-setup:create");
        assertThat(TableSnapshot.read(server, "user_sessions"))
                .isEqualTo(HealthAssistant.expected(HealthAssistant.TAGS).get("user_sessions"));
    }

    @Test
    void forceOnAnEmptyServerCreatesEverything() throws Exception {
        RunSummary summary = fixture.provisioner().force(healthAssistant());

        assertThat(summary.names(TableResult.Outcome.CREATED)).hasSize(3);
        assertThat(server.listTables().tableNames()).containsExactlyInAnyOrder("doctores", "horarios_doctores", "user_sessions");
    }

    @Test
    void aServerThatCannotBeReachedIsAnAwsCallExceptionNamingTableAndOperation() throws Exception {
        try (DynamoDbClient unreachable = TestClients.builder(java.net.URI.create("http://127.0.0.1:1"), "us-east-1")
                .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(5)))
                .build()) {
            TableProvisioner offline = new TableProvisioner(unreachable, fixture.listener(), MavenRemedies.INSTANCE, Duration.ofSeconds(5),
                    "region us-east-1 at http://127.0.0.1:1");
            assertThatThrownBy(() -> offline.create(healthAssistant(), TableProvisioner.Options.DEFAULTS))
                    .isInstanceOf(AwsCallException.class)
                    .hasMessageStartingWith("SdkClientException from DescribeTable on table 'doctores': ")
                    .hasMessageContaining("DynamoDB could not be reached in region us-east-1 at http://127.0.0.1:1");
        }
    }
}
