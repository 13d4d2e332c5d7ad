package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.spec.Declaration;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.RecordingInterceptor;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbServerExtension.class)
class TableProvisionerTest {

    private final RecordingInterceptor calls = new RecordingInterceptor();
    private final RecordingListener listener = new RecordingListener();
    private DynamoDbClient client;
    private DynamoDbClient server;
    private TableProvisioner provisioner;

    @BeforeEach
    void connect(TestServer testServer) {
        client = DynamoDbClient.builder()
                .endpointOverride(testServer.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                .build();
        server = testServer.client("us-east-1");
        provisioner = new TableProvisioner(client, listener, Duration.ofMinutes(1), "region us-east-1");
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private static Declaration healthAssistant() throws Exception {
        return Declaration.of(HealthAssistant.tables());
    }

    @Test
    void createMakesTheThreeTablesExactlyAsDeclared() throws Exception {
        RunSummary summary = provisioner.create(healthAssistant());

        assertThat(summary.created()).containsExactly("doctores", "horarios_doctores", "user_sessions");
        HealthAssistant.expected(HealthAssistant.TAGS).forEach((table, expected) ->
                assertThat(TableSnapshot.read(server, table)).as(table).isEqualTo(expected));
        assertThat(calls.writeOperations()).containsExactly("CreateTable", "CreateTable", "CreateTable",
                "UpdateTimeToLive");
        assertThat(listener.lines()).contains("INFO + create  doctores", "INFO   ttl     user_sessions (enabled on 'ttl')");
        assertThat(listener.lines().get(listener.lines().size() - 1))
                .startsWith("INFO create: 3 tables in region us-east-1 - 3 created, 0 already existed (");
    }

    @Test
    void aSecondCreateMakesNoWriteCall() throws Exception {
        provisioner.create(healthAssistant());
        calls.clear();

        RunSummary second = provisioner.create(healthAssistant());

        assertThat(second.created()).isEmpty();
        assertThat(second.existing()).containsExactly("doctores", "horarios_doctores", "user_sessions");
        assertThat(calls.operations()).containsExactly("DescribeTable", "DescribeTable", "DescribeTable");
        assertThat(listener.lines()).contains("INFO = exists  user_sessions (ACTIVE; left as it is)");
    }

    @Test
    void createLeavesAnExistingTableAloneAndCreatesTheRest() throws Exception {
        server.createTable(r -> r.tableName("doctores")
                .keySchema(k -> k.attributeName("other").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("other").attributeType("N"))
                .billingMode("PAY_PER_REQUEST"));

        RunSummary summary = provisioner.create(healthAssistant());

        assertThat(summary.created()).containsExactly("horarios_doctores", "user_sessions");
        assertThat(summary.existing()).containsExactly("doctores");
        assertThat(TableSnapshot.read(server, "doctores").partitionKey()).isEqualTo("other:N");
    }

    @Test
    void validatePassesWhenEveryTableExistsWithReadsOnly() throws Exception {
        provisioner.create(healthAssistant());
        calls.clear();

        RunSummary summary = provisioner.validate(healthAssistant());

        assertThat(summary.existing()).hasSize(3);
        assertThat(calls.writeOperations()).isEmpty();
    }

    @Test
    void validateNamesEveryMissingTableAndTheFix() throws Exception {
        provisioner.create(healthAssistant());
        server.deleteTable(r -> r.tableName("horarios_doctores"));
        server.deleteTable(r -> r.tableName("user_sessions"));
        calls.clear();

        assertThatThrownBy(() -> provisioner.validate(healthAssistant()))
                .isInstanceOf(MissingTablesException.class)
                .hasMessage("2 declared tables do not exist in region us-east-1: horarios_doctores, user_sessions."
                        + " Create them with: mvn dynamo-setup:create");
        assertThat(calls.writeOperations()).isEmpty();
        assertThat(listener.lines()).contains("WARN ! missing horarios_doctores");
    }

    @Test
    void forceFailsNamingExistingTablesAndStillCreatesTheMissingOne() throws Exception {
        provisioner.create(healthAssistant());
        server.deleteTable(r -> r.tableName("user_sessions"));

        assertThatThrownBy(() -> provisioner.force(healthAssistant()))
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
        RunSummary summary = provisioner.force(healthAssistant());

        assertThat(summary.created()).hasSize(3);
        assertThat(server.listTables().tableNames()).containsExactly("doctores", "horarios_doctores", "user_sessions");
    }

    @Test
    void aServerThatCannotBeReachedIsAnAwsCallExceptionNamingTableAndOperation() throws Exception {
        try (DynamoDbClient unreachable = DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:1"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(5)))
                .build()) {
            TableProvisioner offline = new TableProvisioner(unreachable, listener, Duration.ofSeconds(5),
                    "region us-east-1 at http://127.0.0.1:1");
            assertThatThrownBy(() -> offline.create(healthAssistant()))
                    .isInstanceOf(AwsCallException.class)
                    .hasMessageStartingWith("SdkClientException from DescribeTable on table 'doctores': ")
                    .hasMessageContaining("DynamoDB could not be reached in region us-east-1 at http://127.0.0.1:1");
        }
    }
}
