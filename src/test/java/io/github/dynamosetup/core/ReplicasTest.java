package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Global table replicas on moto, behind the behaviour layer that makes them as DynamoDB does (catalogue row 28):
 * added once the table is ACTIVE, one UpdateTable each, waited for until ACTIVE, compared on drift, never removed.
 */
@ExtendWith(DynamoDbServerExtension.class)
class ReplicasTest {

    private static final Duration CREATING = Duration.ofMillis(300);

    private AwsBehaviour layer;
    private DynamoDbClient client;
    private final RecordingListener listener = new RecordingListener();
    private TableProvisioner provisioner;

    @BeforeEach
    void start(TestServer server) {
        layer = AwsBehaviour.inFrontOf(server.endpoint()).replicas(CREATING).strictUpdateTable().autoScalingLikeAws();
        client = TestClients.client(layer.endpoint(), "us-east-1");
        provisioner = new TableProvisioner(client, listener, MavenRemedies.INSTANCE, Duration.ofMinutes(1),
                "region us-east-1");
    }

    @AfterEach
    void stop() {
        client.close();
        layer.close();
    }

    private static DeclaredTable.Builder orders(String... regions) {
        return DeclaredTable.builder(new PomOrigin(1), "orders")
                .partitionKey(new KeyAttribute("id", AttributeType.S))
                .replicaRegions(List.of(regions));
    }

    private TableDescription described() {
        return client.describeTable(r -> r.tableName("orders")).table();
    }

    private Map<String, String> replicas() {
        Map<String, String> replicas = new TreeMap<>();
        described().replicas().forEach(r -> replicas.put(r.regionName(), r.replicaStatusAsString()));
        return replicas;
    }

    @Test
    void createAddsEachReplicaOnceTheTableIsActiveAndWaitsUntilItIsActive() throws Exception {
        RunSummary created = provisioner.create(Declaration.of(List.of(orders("eu-west-1", "ap-southeast-2").build())),
                TableProvisioner.Options.DEFAULTS);

        assertThat(replicas()).containsExactly(Map.entry("ap-southeast-2", "ACTIVE"), Map.entry("eu-west-1", "ACTIVE"));
        assertThat(described().globalTableVersion()).isEqualTo("2019.11.21");
        // one replica per UpdateTable, the second once the first was made (the table is UPDATING meanwhile)
        assertThat(layer.updateTableRequests()).hasSize(2)
                .allSatisfy(body -> assertThat(body).contains("ReplicaUpdates"));
        assertThat(layer.refusals("UpdateTable")).isZero();
        assertThat(listener.lines()).contains("INFO   replica orders (eu-west-1 ACTIVE)",
                "INFO   replica orders (ap-southeast-2 ACTIVE)");
        // AWS turned the stream on for the replicas; the result carries its ARN
        assertThat(described().streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(created.tables().get(0).streamArn()).isEqualTo(described().latestStreamArn());
    }

    @Test
    void aGlobalTableAsDeclaredValidatesCleanAndASecondCreateWritesNothing() throws Exception {
        Declaration declaration = Declaration.of(List.of(orders("eu-west-1").build()));
        provisioner.create(declaration, TableProvisioner.Options.DEFAULTS);
        int updates = layer.updateTableRequests().size();

        // the stream AWS turned on for the replica is not drift either
        assertThat(provisioner.validate(declaration, true).tables().get(0).outcome())
                .isEqualTo(TableResult.Outcome.UP_TO_DATE);
        provisioner.create(declaration, TableProvisioner.Options.DEFAULTS);

        assertThat(layer.updateTableRequests()).hasSize(updates);
    }

    @Test
    void aReplicaNobodyDeclaredIsToldOfNeverDriftAndNeverRemoved() throws Exception {
        Declaration declaration = Declaration.of(List.of(orders("eu-west-1").build()));
        provisioner.create(declaration, TableProvisioner.Options.DEFAULTS);
        layer.replicaAddedByHand("orders", "us-west-2");
        int updates = layer.updateTableRequests().size();

        RunSummary validated = provisioner.validate(declaration, true);
        provisioner.create(declaration, TableProvisioner.Options.DEFAULTS);

        assertThat(validated.tables().get(0).outcome()).isEqualTo(TableResult.Outcome.UP_TO_DATE);
        assertThat(listener.lines()).contains("INFO   note    orders (replica in us-west-2 not declared; left as it"
                + " is (dynamo-setup never removes a replica))");
        assertThat(layer.updateTableRequests()).hasSize(updates);
        assertThat(replicas()).containsKeys("eu-west-1", "us-west-2");
    }

    @Test
    void aDeclaredReplicaAnExistingTableLacksIsDriftThatCreateAdds() throws Exception {
        provisioner.create(Declaration.of(List.of(orders().build())), TableProvisioner.Options.DEFAULTS);
        Declaration declaration = Declaration.of(List.of(orders("eu-central-1").build()));

        TableResult validated = provisioner.validate(declaration, false).tables().get(0);
        assertThat(validated.drift()).extracting(Difference::toString)
                .containsExactly("replica eu-central-1: ACTIVE -> none");
        provisioner.create(declaration, TableProvisioner.Options.DEFAULTS);

        assertThat(replicas()).containsExactly(Map.entry("eu-central-1", "ACTIVE"));
    }

    @Test
    void aProvisionedGlobalTableGetsItsWriteAutoScalingBeforeItsReplica() throws Exception {
        DeclaredTable provisioned = orders("eu-west-1")
                .billingMode(BillingMode.PROVISIONED)
                .capacity(new Capacity(5L, 5L))
                .autoScaling(new AutoScaling(null, new AutoScaling.Dimension(5L, 50L, 70.0)))
                .build();

        provisioner.create(Declaration.of(List.of(provisioned)), TableProvisioner.Options.DEFAULTS);

        assertThat(replicas()).containsExactly(Map.entry("eu-west-1", "ACTIVE"));
        assertThat(layer.calls("RegisterScalableTarget")).isEqualTo(1);
    }

    @Test
    void aReplicaAwsCouldNotMakeFailsTheTableSayingSo() throws Exception {
        layer.replicaFailsIn("eu-west-1");

        assertThatThrownBy(() -> provisioner.create(Declaration.of(List.of(orders("eu-west-1").build())),
                TableProvisioner.Options.DEFAULTS))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("The replica of table 'orders' in eu-west-1 is CREATION_FAILED");
    }

    @Test
    void theLayerRefusesWhatDynamoDbRefusesForReplicas() throws Exception {
        client.createTable(r -> r.tableName("provisioned").billingMode("PROVISIONED")
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType("HASH")));
        provisioner.create(Declaration.of(List.of(orders("eu-west-1").build())), TableProvisioner.Options.DEFAULTS);

        assertThatThrownBy(() -> client.updateTable(r -> r.tableName("provisioned").replicaUpdates(
                ReplicationGroupUpdate.builder().create(c -> c.regionName("eu-west-1")).build())))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("Pay-Per-Request or AutoScaled");
        for (String region : List.of("us-east-1", "mars-west-1")) {
            assertThatThrownBy(() -> client.updateTable(r -> r.tableName("orders").replicaUpdates(
                    ReplicationGroupUpdate.builder().create(c -> c.regionName(region)).build())))
                    .as(region).isInstanceOf(DynamoDbException.class).hasMessageContaining("not a valid region");
        }
        assertThatThrownBy(() -> client.updateTable(r -> r.tableName("orders")
                .streamSpecification(s -> s.streamEnabled(false))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("Disabling Stream is not allowed");
    }

    @Test
    void replicaRegionsAreCheckedAgainstTheTablesOwnRegionAndTheRegionsAwsHas() {
        List<ConfigurationProblem> problems = ReplicaRegions.problems(List.of(
                orders("us-east-1", "eu-west-1", "xx-nowhere-9").build()), "us-east-1");

        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly(
                "table 'orders', <replicas>: the replica region us-east-1 is the table's own region; a replica lives"
                        + " in another region: remove it, or name another",
                "table 'orders', <replicas>: the replica region xx-nowhere-9 is not an AWS region this version of"
                        + " dynamo-setup knows; check its name");
    }
}
