package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.MavenSettings;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The seed goal through maven-plugin-testing-harness, against the test server behind the behaviour layer: the
 * items of both formats in the prefixed tables, one console line per table, and bad items failing the build
 * with every problem and no write call.
 */
@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class SeedMojoTest {

    @Inject
    private MavenSession session;

    @Inject
    private MojoExecution mojoExecution;

    @Inject
    private MavenProject project;

    private final RecordingLog log = new RecordingLog();
    private DynamoDbClient server;
    private AwsBehaviour layer;

    @BeforeEach
    void pointAtTheLayerInFrontOfTheTestServer(TestServer testServer, DynamoDbClient server) {
        MojoHarness.asInABuild(session, project, mojoExecution);
        layer = AwsBehaviour.inFrontOf(testServer.endpoint()).batchWrites();
        session.getUserProperties().setProperty("dynamo-setup.endpoint", layer.endpoint().toString());
        this.server = server;
        when(session.getSettings()).thenReturn(MavenSettings.withServerCredentials());
        server.createTable(b -> b.tableName("it-orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        server.createTable(b -> b.tableName("it-readings").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("sensor").keyType("HASH"), k -> k.attributeName("at").keyType("RANGE"))
                .attributeDefinitions(a -> a.attributeName("sensor").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("at").attributeType(ScalarAttributeType.N)));
    }

    @AfterEach
    void closeTheLayer() {
        layer.close();
    }

    @Test
    @InjectMojo(goal = "seed", pom = "src/test/resources/unit/seed/pom.xml")
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/seed")
    void seedsTheItemsOfBothFormatsIntoThePrefixedTables(SeedMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(server.getItem(b -> b.tableName("it-orders").key(Map.of("id", AttributeValue.fromS("1")))).item())
                .containsEntry("total", AttributeValue.fromN("12.5"));
        assertThat(server.scan(b -> b.tableName("it-orders")).count()).isEqualTo(2);
        assertThat(server.getItem(b -> b.tableName("it-readings").key(Map.of("sensor", AttributeValue.fromS("s1"),
                "at", AttributeValue.fromN("1")))).item()).containsEntry("celsius", AttributeValue.fromN("21.5"));
        assertThat(log.lines()).contains("INFO   seeded  it-orders (2 items)", "INFO   seeded  it-readings (1 item)");
        assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO seed: 2 tables in ")
                && line.contains(" - 3 items written ("));
        Path report = Path.of(MojoExtension.getBasedir(), "target/dynamo-setup-test/seed/seed-report.json");
        assertThat(Files.readString(report)).contains("\"outcome\" : \"seeded\"", "\"put 2 items\"");
    }

    @Test
    @InjectMojo(goal = "seed", pom = "src/test/resources/unit/seed/bad-pom.xml")
    void badItemsFailTheBuildWithEveryProblemAndNothingIsWritten(SeedMojo mojo) {
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("The dynamo-setup configuration is invalid (2 problems); no AWS call was made:")
                .hasMessageContaining("\n  - item file src/test/resources/unit/seed/bad/orders.json,"
                        + " $.orders[1].PutRequest.Item.id (item 1 of orders, id=2): is N, but the key attribute id is"
                        + " declared S; give it a string (S)")
                .hasMessageContaining("\n  - item file src/test/resources/unit/seed/bad/readings.json, $.items[0]"
                        + " (item 0 of readings, sensor=s1): lacks the key attribute at (N)");
        assertThat(layer.calls("BatchWriteItem")).isZero();
        assertThat(layer.calls()).isZero();
        assertThat(server.scan(b -> b.tableName("it-orders")).count()).isZero();
    }

    @Test
    @InjectMojo(goal = "seed", pom = "src/test/resources/unit/seed/pom.xml")
    @MojoParameter(name = "itemFiles", value = "src/test/resources/unit/seed/none/*.json")
    void itemFilesThatMatchNothingAreAProblemNamingTheElement(SeedMojo mojo) {
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("plugin configuration, <itemFiles><itemFile>src/test/resources/unit/seed/none/"
                        + "*.json</itemFile>: matches no file under ");
        assertThat(layer.calls()).isZero();
    }
}
