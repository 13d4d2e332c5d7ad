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
import io.github.dynamosetup.declaration.WarmThroughput;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import io.github.dynamosetup.testing.WarmThroughputEmulation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Warm throughput and contributor insights against moto behind the behaviour layer (src/test/AWS-BEHAVIOUR.md,
 * the rows on warm throughput and contributor insights): moto keeps warm throughput but lowers it when asked,
 * drops what an index's update leaves out and never says UPDATING; it does not implement contributor insights
 * at all. Each test asserts what the server holds afterwards and what the layer saw.
 */
@ExtendWith(DynamoDbServerExtension.class)
class WarmThroughputAndContributorInsightsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String TABLE = "flash-sale";
    private static final String INDEX = "by-sku";

    private static TableProvisioner provisioner(DynamoDbClient client) {
        return new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, TIMEOUT,
                "region us-east-1 at the behaviour layer");
    }

    /** A client with the plugin's retry strategy, through the layer. */
    private static DynamoDbClient client(AwsBehaviour layer) {
        return TestClients.builder(layer.endpoint(), "us-east-1")
                .overrideConfiguration(o -> o.retryStrategy(DynamoDbConnection.RETRIES)).build();
    }

    /** An on-demand table with one index, declaring what the arguments say (null: nothing). */
    private static DeclaredTable flashSale(WarmThroughput table, WarmThroughput index, Boolean tableInsights,
            Boolean indexInsights) {
        return DeclaredTable.builder(new PomOrigin(1), TABLE)
                .partitionKey(new KeyAttribute("sale_id", AttributeType.S))
                .globalSecondaryIndex(new DeclaredGlobalIndex(INDEX, List.of(new KeyAttribute("sku", AttributeType.S)),
                        List.of(), IndexProjection.KEYS_ONLY, List.of(), null, null, index, indexInsights))
                .warmThroughput(table)
                .contributorInsights(tableInsights)
                .build();
    }

    private static Declaration declaration(DeclaredTable table) throws Exception {
        return Declaration.of(List.of(table));
    }

    private static String warm(software.amazon.awssdk.services.dynamodb.model.TableWarmThroughputDescription warm) {
        return warm.readUnitsPerSecond() + "/" + warm.writeUnitsPerSecond();
    }

    private static String warm(
            software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexWarmThroughputDescription warm) {
        return warm.readUnitsPerSecond() + "/" + warm.writeUnitsPerSecond();
    }

    private static String insights(DynamoDbClient client, String index) {
        return client.describeContributorInsights(r -> r.tableName(TABLE).indexName(index))
                .contributorInsightsStatusAsString();
    }

    @Test
    void createSetsWarmThroughputAndEnablesContributorInsightsAndValidateFindsThemAsDeclared(TestServer server)
            throws Exception {
        DeclaredTable declared = flashSale(new WarmThroughput(15000L, 5000L), new WarmThroughput(14000L, 6000L), true,
                true);
        try (AwsBehaviour layer = AwsBehaviour.likeAws(server.endpoint(), Duration.ofMillis(300));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            RunSummary summary = provisioner(client).create(declaration(declared), TableProvisioner.Options.DEFAULTS);

            assertThat(summary.tables().get(0).actions()).containsExactly("create", "contributor insights",
                    "contributor insights " + INDEX);
            TableDescription table = direct.describeTable(r -> r.tableName(TABLE)).table();
            assertThat(warm(table.warmThroughput())).isEqualTo("15000/5000");
            assertThat(warm(table.globalSecondaryIndexes().get(0).warmThroughput())).isEqualTo("14000/6000");
            assertThat(insights(client, null)).isEqualTo("ENABLED");
            assertThat(insights(client, INDEX)).isEqualTo("ENABLED");
            assertThat(layer.successes("UpdateContributorInsights")).isEqualTo(2);
            assertThat(layer.calls("UpdateTable")).as("CreateTable carried the warm throughput").isZero();

            RunSummary validated = provisioner(client).validate(declaration(declared), true);

            assertThat(validated.names(TableResult.Outcome.UP_TO_DATE)).containsExactly(TABLE);
        }
    }

    @Test
    void warmThroughputAwsRaisedOrAboveADeclarationLoweredSinceIsNoDriftAndNothingIsLowered(TestServer server)
            throws Exception {
        DeclaredTable declared = flashSale(new WarmThroughput(15000L, 5000L), new WarmThroughput(14000L, 6000L), null,
                null);
        try (AwsBehaviour layer = AwsBehaviour.likeAws(server.endpoint(), Duration.ofMillis(300));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            provisioner(client).create(declaration(declared), TableProvisioner.Options.DEFAULTS);
            // traffic grew: AWS raised both by itself
            WarmThroughputEmulation.raiseAsAws(direct, TABLE, null, 40000L, 20000L);
            WarmThroughputEmulation.raiseAsAws(direct, TABLE, INDEX, 30000L, 9000L);

            assertThat(provisioner(client).validate(declaration(declared), true).names(TableResult.Outcome.UP_TO_DATE))
                    .containsExactly(TABLE);
            // a declaration lowered below what the table has is met already: AWS cannot lower warm throughput
            DeclaredTable lowered = flashSale(new WarmThroughput(13000L, null), new WarmThroughput(null, 4000L), null,
                    null);
            RunSummary created = provisioner(client).create(declaration(lowered), TableProvisioner.Options.DEFAULTS);

            assertThat(created.names(TableResult.Outcome.UP_TO_DATE)).containsExactly(TABLE);
            assertThat(layer.calls("UpdateTable")).isZero();
            assertThat(warm(direct.describeTable(r -> r.tableName(TABLE)).table().warmThroughput()))
                    .isEqualTo("40000/20000");
        }
    }

    @Test
    void warmThroughputBelowTheDeclaredIsDriftThatCreateRaisesKeepingWhatItDoesNotDeclare(TestServer server)
            throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.likeAws(server.endpoint(), Duration.ofMillis(300));
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            // made without warm throughput: AWS's on-demand defaults, 12000 reads and 4000 writes a second
            direct.createTable(CreateTableRequests.of(flashSale(null, null, null, null)));
            DeclaredTable declared = flashSale(new WarmThroughput(20000L, null), new WarmThroughput(null, 8000L), null,
                    null);

            assertThatThrownBy(() -> provisioner(client).validate(declaration(declared), true))
                    .isInstanceOf(DriftException.class)
                    .hasMessageContaining("warm throughput: 20000 read -> 12000 read/4000 write")
                    .hasMessageContaining("warm throughput of index " + INDEX + ": 8000 write -> 12000 read/4000 write");

            RunSummary created = provisioner(client).create(declaration(declared), TableProvisioner.Options.DEFAULTS);

            assertThat(created.tables().get(0).outcome()).isEqualTo(TableResult.Outcome.UPDATED);
            assertThat(created.tables().get(0).actions()).containsExactly("warm throughput", "warm throughput");
            // one UpdateTable for the table, one for the index, each asking only for the value that fell short;
            // the values left out are kept (moto alone drops an index's), never lowered
            assertThat(layer.successes("UpdateTable")).isEqualTo(2);
            TableDescription table = direct.describeTable(r -> r.tableName(TABLE)).table();
            assertThat(warm(table.warmThroughput())).isEqualTo("20000/4000");
            assertThat(warm(table.globalSecondaryIndexes().get(0).warmThroughput())).isEqualTo("12000/8000");
            // while AWS still says UPDATING, and after, the table is as declared
            assertThat(provisioner(client).validate(declaration(declared), true).names(TableResult.Outcome.UP_TO_DATE))
                    .containsExactly(TABLE);
            assertThat(provisioner(client).validate(declaration(declared), true).names(TableResult.Outcome.UP_TO_DATE))
                    .containsExactly(TABLE);

            // what moto would take, the layer refuses as AWS does: warm throughput never goes down
            assertThatThrownBy(() -> client.updateTable(r -> r.tableName(TABLE)
                    .warmThroughput(w -> w.readUnitsPerSecond(1L))))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("warm throughput can only be increased");
        }
    }

    @Test
    void contributorInsightsThatEndsFailedIsAClearErrorNamingTheLimit(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).contributorInsights(2)
                .contributorInsightsFailing("LimitExceededException", "Per-account Amazon CloudWatch Contributor"
                        + " Insights rule limit reached. Please disable Contributor Insights for other tables/indexes"
                        + " OR disable Contributor Insights rules before retrying.");
                DynamoDbClient client = client(layer)) {
            DeclaredTable declared = flashSale(null, null, true, null);

            assertThatThrownBy(() -> provisioner(client).create(declaration(declared),
                    TableProvisioner.Options.DEFAULTS))
                    .isInstanceOf(RunFailedException.class)
                    .hasMessageContaining("Contributor insights on table '" + TABLE + "' FAILED: LimitExceededException:"
                            + " Per-account Amazon CloudWatch Contributor Insights rule limit reached.")
                    .hasMessageContaining("disable contributor insights on tables or indexes that no longer need it")
                    .hasMessageContaining(TABLE + ": done: create, ACTIVE; stopped:");

            // failed is not enabled: validate says so, and create would ask again
            assertThatThrownBy(() -> provisioner(client).validate(declaration(declared), true))
                    .isInstanceOf(DriftException.class)
                    .hasMessageContaining("contributor insights: enabled -> failed");
        }
    }

    @Test
    void contributorInsightsDeclaredOffIsTurnedOffAndEnablingCountsAsOn(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).contributorInsights(3);
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            direct.createTable(CreateTableRequests.of(flashSale(null, null, null, null)));
            client.updateContributorInsights(r -> r.tableName(TABLE).indexName(INDEX)
                    .contributorInsightsAction(ContributorInsightsAction.ENABLE));

            // ENABLING, on its way to ENABLED: as declared
            assertThat(provisioner(client).validate(declaration(flashSale(null, null, null, true)), true)
                    .names(TableResult.Outcome.UP_TO_DATE)).containsExactly(TABLE);
            DeclaredTable off = flashSale(null, null, null, false);
            RunSummary created = provisioner(client).create(declaration(off), TableProvisioner.Options.DEFAULTS);

            assertThat(created.tables().get(0).actions()).containsExactly("contributor insights " + INDEX);
            assertThat(insights(client, INDEX)).isEqualTo("DISABLED");
            assertThat(insights(client, null)).as("the table's own was never declared nor touched")
                    .isEqualTo("DISABLED");
        }
    }

    @Test
    void theLayerAnswersContributorInsightsOfAnUnknownTableOrIndexAsNotFound(TestServer server) {
        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).contributorInsights(1);
                DynamoDbClient client = client(layer);
                DynamoDbClient direct = server.client("us-east-1")) {
            assertThatThrownBy(() -> insights(client, null)).isInstanceOf(ResourceNotFoundException.class);
            direct.createTable(CreateTableRequests.of(flashSale(null, null, null, null)));

            assertThat(insights(client, null)).isEqualTo("DISABLED");
            assertThatThrownBy(() -> insights(client, "by-nothing")).isInstanceOf(ResourceNotFoundException.class);
        }
    }
}
