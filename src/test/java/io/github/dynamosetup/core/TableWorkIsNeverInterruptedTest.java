package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One table's failure, or the build being stopped, never cuts another table's work short: an AWS call in
 * flight (a CreateTable, above all) is let finish, so that a run always knows what it created.
 */
@ExtendWith(DynamoDbServerExtension.class)
class TableWorkIsNeverInterruptedTest {

    private static final Declaration TWO_TABLES = declaration(0, 2);

    private static Declaration declaration(int from, int to) {
        try {
            return Declaration.of(HealthAssistant.tables().subList(from, to));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnexpectedExceptionOnOneTableIsASentenceNamingItAndTheOtherTablesFinish(TestServer server)
            throws Exception {
        // a defect that throws on one worker thread: here the listener, which every table's work calls
        RecordingListener recording = new RecordingListener();
        ProvisioningListener failingOnOneTable = event -> {
            recording.on(event);
            if (event instanceof ProvisioningEvent.Created created && created.table().equals("horarios_doctores")) {
                throw new IllegalStateException("listener defect");
            }
        };
        try (DynamoDbClient client = server.client("us-east-1")) {
            TableProvisioner provisioner = new TableProvisioner(client, failingOnOneTable, MavenRemedies.INSTANCE,
                    Duration.ofMinutes(1), "region us-east-1");

            assertThatThrownBy(() -> provisioner.create(Declaration.of(HealthAssistant.tables()),
                    TableProvisioner.Options.DEFAULTS))
                    .isInstanceOf(RunFailedException.class)
                    .hasMessageContaining("dynamo-setup failed unexpectedly while working on table 'horarios_doctores'"
                            + " (java.lang.IllegalStateException: listener defect). This is a defect of dynamo-setup,"
                            + " not of the declaration or of AWS: please report it with the stack trace.")
                    .hasMessageContaining("  doctores: done: create, ACTIVE\n")
                    .hasMessageContaining("  user_sessions: done: create, ACTIVE, ttl\n")
                    .hasRootCauseInstanceOf(IllegalStateException.class);

            HealthAssistant.expected(HealthAssistant.TAGS).entrySet().stream()
                    .filter(e -> !e.getKey().equals("horarios_doctores"))
                    .forEach(e -> assertThat(TableSnapshot.read(client, e.getKey())).as(e.getKey())
                            .isEqualTo(e.getValue()));
        }
    }

    @Test
    void aStopLetsTheCreateTableCallsInFlightFinishAndStartsNothingAfterThem(TestServer server) throws Exception {
        try (FaultProxy slowCreates = slowCreates(server);
                DynamoDbClient client = TestClients.builder(slowCreates.endpoint(), "us-east-1").build();
                DynamoDbClient direct = server.client("us-east-1")) {
            TableProvisioner provisioner = new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE,
                    Duration.ofMinutes(1), "proxy");
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> create(provisioner, TWO_TABLES));
            awaitCalls(slowCreates, "CreateTable", 2);

            provisioner.stop();

            assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RunFailedException.class)
                    .hasMessageStartingWith("create did not finish: the run was stopped before waiting for ACTIVE")
                    .hasMessageContaining("  doctores: done: create; stopped: the run was stopped before waiting"
                            + " for ACTIVE on table 'doctores'")
                    .hasMessageContaining("  horarios_doctores: done: create; stopped: ");
            assertThat(slowCreates.successes("CreateTable")).as("both CreateTable calls were answered").isEqualTo(2);
            assertThat(direct.listTables().tableNames()).containsExactlyInAnyOrder("doctores", "horarios_doctores");
        }
    }

    @Test
    void interruptingTheRunsThreadStopsItTheSameWayWithoutCuttingACreateTable(TestServer server) throws Exception {
        try (FaultProxy slowCreates = slowCreates(server);
                DynamoDbClient client = TestClients.builder(slowCreates.endpoint(), "us-east-1").build();
                DynamoDbClient direct = server.client("us-east-1")) {
            TableProvisioner provisioner = new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE,
                    Duration.ofMinutes(1), "proxy");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread runner = new Thread(() -> {
                try {
                    provisioner.create(TWO_TABLES, TableProvisioner.Options.DEFAULTS);
                } catch (ProvisioningException e) {
                    failure.set(e);
                }
            });
            runner.start();
            awaitCalls(slowCreates, "CreateTable", 2);

            runner.interrupt();
            runner.join(10_000);

            assertThat(runner.isAlive()).isFalse();
            assertThat(failure.get()).isInstanceOf(RunFailedException.class)
                    .hasMessageContaining("  doctores: done: create; stopped: ");
            assertThat(slowCreates.successes("CreateTable")).isEqualTo(2);
            assertThat(direct.listTables().tableNames()).containsExactlyInAnyOrder("doctores", "horarios_doctores");
        }
    }

    /** A proxy that answers the first two CreateTable calls 1.5 s late: long enough to act while they are in flight. */
    private static FaultProxy slowCreates(TestServer server) {
        return FaultProxy.inFrontOf(server.endpoint()).failFirst("CreateTable", 2, new Fault.Delay(1500));
    }

    private static RunSummary create(TableProvisioner provisioner, Declaration declaration) {
        try {
            return provisioner.create(declaration, TableProvisioner.Options.DEFAULTS);
        } catch (ProvisioningException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static void awaitCalls(FaultProxy proxy, String operation, int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (proxy.calls(operation) < count && System.nanoTime() < end) {
            Thread.sleep(20); // FaultProxy counts calls but offers nothing to wait on: poll, bounded above
        }
        assertThat(proxy.calls(operation)).as(operation + " calls in flight").isEqualTo(count);
    }
}
