package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.FaultProxy;
import io.github.dynamosetup.testing.FaultProxy.Fault;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.time.Duration;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * create under faults injected between the plugin and moto: whatever happens, every table ends up created
 * exactly once and fully configured, at once or after a rerun, and a failed run says where each table
 * stands. Each fault kind runs {@value #RUNS} times; the summary line it prints is the closing note's table.
 */
@ExtendWith(DynamoDbServerExtension.class)
class FaultToleranceTest {

    static final int RUNS = 3;
    private static final int TABLES = 3;

    static Stream<Arguments> faults() {
        return Stream.of(
                fault("ThrottlingException on the first 2 CreateTable", p -> p.failFirst("CreateTable", 2,
                        new Fault.AwsError(400, "ThrottlingException"))),
                fault("LimitExceededException on the first 3 CreateTable", p -> p.failFirst("CreateTable", 3,
                        new Fault.AwsError(400, "LimitExceededException"))),
                fault("HTTP 500 on the first 2 CreateTable", p -> p.failFirst("CreateTable", 2,
                        new Fault.HttpStatus(500))),
                fault("HTTP 503 on one DescribeTable in 2", p -> p.failOneIn("DescribeTable", 2,
                        new Fault.HttpStatus(503))),
                fault("connection reset on the first 2 CreateTable", p -> p.failFirst("CreateTable", 2,
                        new Fault.ConnectionReset())),
                fault("CreateTable answer delayed beyond the client's timeout", p -> p.failFirst("CreateTable", 1,
                        new Fault.Delay(2500))),
                fault("ThrottlingException on one UpdateTimeToLive in 2", p -> p.failOneIn("UpdateTimeToLive", 2,
                        new Fault.AwsError(400, "ThrottlingException"))),
                fault("HTTP 500 on 6 UpdateTimeToLive in a row (beyond the 5 attempts)", p -> p.failFirst(
                        "UpdateTimeToLive", 6, new Fault.HttpStatus(500))));
    }

    private static Arguments fault(String name, UnaryOperator<FaultProxy> faults) {
        return Arguments.of(name, faults);
    }

    /** The plugin's client settings, through the proxy, with a 1 s attempt timeout so that delays count. */
    private static DynamoDbClient client(FaultProxy proxy) {
        return TestClients.builder(proxy.endpoint(), "us-east-1")
                .overrideConfiguration(o -> o.retryStrategy(DynamoDbConnection.RETRIES)
                        .apiCallAttemptTimeout(Duration.ofSeconds(1)))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void createEndsWithEveryTableCreatedOnceAndConfigured(String name, UnaryOperator<FaultProxy> faults,
            TestServer server) throws Exception {
        int failedRuns = 0;
        for (int run = 1; run <= RUNS; run++) {
            server.reset();
            try (FaultProxy proxy = faults.apply(FaultProxy.inFrontOf(server.endpoint()));
                    DynamoDbClient client = client(proxy);
                    DynamoDbClient direct = server.client("us-east-1")) {
                Declaration declaration = Declaration.of(HealthAssistant.tables());
                int createdByRerun = 0;
                try {
                    new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1), "proxy")
                            .create(declaration, TableProvisioner.Options.DEFAULTS);
                } catch (ProvisioningException e) {
                    failedRuns++;
                    if (e instanceof RunFailedException) {
                        assertThat(e.getMessage()).contains("Where each table stands:", "; stopped: ",
                                "Run mvn dynamo-setup:create again");
                    } else {
                        // failed while reading, before any write (the SDK's retries were all faulted)
                        assertThat(e).isInstanceOf(AwsCallException.class);
                        assertThat(direct.listTables().tableNames()).isEmpty();
                    }
                    // the rerun, without faults, finishes the job
                    createdByRerun = new TableProvisioner(direct, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1),
                            "server").create(declaration, TableProvisioner.Options.DEFAULTS)
                            .names(TableResult.Outcome.CREATED).size();
                }
                assertThat(proxy.successes("CreateTable") + createdByRerun).as("CreateTable calls that created a"
                        + " table: each table once, no duplicates").isEqualTo(TABLES);
                assertThat(direct.listTables().tableNames()).hasSize(TABLES);
                HealthAssistant.expected(HealthAssistant.TAGS).forEach((table, expected) ->
                        assertThat(TableSnapshot.read(direct, table)).as(table).isEqualTo(expected));
            }
        }
        System.out.printf("fault tolerance | %-70s | runs %d | failed at first %d | tables created %d | duplicates 0"
                + " | unconfigured after rerun 0%n", name, RUNS, failedRuns, RUNS * TABLES);
    }

    @Test
    void errorsThatMustNotBeRetriedFailAtOnce(TestServer server) throws Exception {
        for (String error : new String[] {"AccessDeniedException", "ValidationException"}) {
            server.reset();
            try (FaultProxy proxy = FaultProxy.inFrontOf(server.endpoint())
                            .failFirst("CreateTable", 10, new Fault.AwsError(400, error));
                    DynamoDbClient client = client(proxy)) {
                assertThatThrownBy(() -> new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1),
                        "proxy").create(Declaration.of(HealthAssistant.tables().subList(0, 1)),
                        TableProvisioner.Options.DEFAULTS))
                        .isInstanceOf(AwsCallException.class)
                        .hasMessageContaining(error);
                assertThat(proxy.calls("CreateTable")).as(error + " is not retried").isEqualTo(1);
            }
        }
    }

    @Test
    void aRunKilledAfterCreateTableIsFinishedByTheNextCreate(TestServer server) throws Exception {
        try (DynamoDbClient direct = server.client("us-east-1")) {
            // the state a run leaves when killed right after CreateTable: no TTL, no tags
            direct.createTable(r -> r.tableName("user_sessions")
                    .keySchema(k -> k.attributeName("user_id").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("user_id").attributeType("S"))
                    .billingMode("PAY_PER_REQUEST"));

            RunSummary summary = new TableProvisioner(direct, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1), "server")
                    .create(Declaration.of(HealthAssistant.tables()), TableProvisioner.Options.DEFAULTS);

            assertThat(summary.tables().get(2).outcome()).isEqualTo(TableResult.Outcome.UPDATED);
            assertThat(summary.tables().get(2).actions()).containsExactly("ttl", "tags");
            HealthAssistant.expected(HealthAssistant.TAGS).forEach((table, expected) ->
                    assertThat(TableSnapshot.read(direct, table)).as(table).isEqualTo(expected));
        }
    }

    @Test
    void theFailureReportListsWhatWasDoneForEachTable(TestServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.inFrontOf(server.endpoint())
                        .failFirst("UpdateTimeToLive", 10, new Fault.AwsError(400, "ValidationException"));
                DynamoDbClient client = client(proxy)) {
            assertThatThrownBy(() -> new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1),
                    "proxy").create(Declaration.of(HealthAssistant.tables()), TableProvisioner.Options.DEFAULTS))
                    .isInstanceOf(RunFailedException.class)
                    .hasMessageStartingWith("create did not finish: ValidationException from UpdateTimeToLive on table"
                            + " 'user_sessions': ")
                    .hasMessageContaining("\nWhere each table stands:\n"
                            + "  doctores: done: create, ACTIVE\n"
                            + "  horarios_doctores: done: create, ACTIVE\n"
                            + "  user_sessions: done: create, ACTIVE; stopped: ValidationException from"
                            + " UpdateTimeToLive on table 'user_sessions'");
        }
    }

    @Test
    void aTableBeingDeletedIsWaitedOutThenCreated() throws Exception {
        try (var dynalite = io.github.dynamosetup.testing.DynaliteServer.start(50, 1500);
                DynamoDbClient client = dynalite.client()) {
            Declaration declaration = Declaration.of(HealthAssistant.tables().subList(1, 2));
            TableProvisioner provisioner = new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE,
                    Duration.ofMinutes(1), "dynalite");
            provisioner.create(declaration, new TableProvisioner.Options(false, false));
            client.deleteTable(r -> r.tableName("horarios_doctores"));
            assertThat(client.describeTable(r -> r.tableName("horarios_doctores")).table().tableStatusAsString())
                    .isEqualTo("DELETING");
            RecordingListener listener = new RecordingListener();

            RunSummary summary = new TableProvisioner(client, listener, MavenRemedies.INSTANCE, Duration.ofMinutes(1), "dynalite")
                    .create(declaration, new TableProvisioner.Options(false, false));

            assertThat(listener.lines()).contains("INFO   waiting horarios_doctores (DELETING; created again once it"
                    + " is gone)");
            assertThat(summary.tables().get(0).outcome()).isEqualTo(TableResult.Outcome.CREATED);
            assertThat(client.describeTable(r -> r.tableName("horarios_doctores")).table().tableStatusAsString())
                    .isEqualTo("ACTIVE");
        }
    }

}
