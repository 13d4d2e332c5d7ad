package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.ChildProcess;
import io.github.dynamosetup.testing.CreateProcess;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Several builds (separate JVM processes, not threads) run create on the same tables at once: all succeed,
 * and each table is created by exactly one of them; the others see ResourceInUseException, wait for it to
 * be ACTIVE and bring it to its declaration, taking what another build did meanwhile (TTL "already
 * enabled") as done.
 */
@ExtendWith(DynamoDbServerExtension.class)
class ConcurrentBuildsTest {

    private static final int BUILDS = 3;

    @Test
    void concurrentBuildsAllSucceedAndCreateEachTableOnce() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(1000);
                DynamoDbClient client = dynalite.client()) {
            List<String> outcomes = runBuilds(dynalite.endpoint(), "without-ttl");

            assertCreatedOnceEach(outcomes);
            for (String table : HealthAssistant.expected(HealthAssistant.TAGS).keySet()) {
                assertThat(client.describeTable(r -> r.tableName(table)).table().tableStatusAsString())
                        .isEqualTo("ACTIVE");
            }
            assertThat(client.listTables().tableNames()).hasSize(3);
        }
    }

    @Test
    void concurrentBuildsAllSucceedAgainstRealDynamoDbBehaviour(TestServer server) throws Exception {
        try (AwsBehaviour layer = AwsBehaviour.likeAws(server.endpoint(), Duration.ofSeconds(1));
                DynamoDbClient direct = server.client("us-east-1")) {
            List<String> outcomes = runBuilds(layer.endpoint(), "full");

            assertCreatedOnceEach(outcomes);
            HealthAssistant.expected(HealthAssistant.TAGS).forEach((table, expected) ->
                    assertThat(TableSnapshot.read(direct, table)).as(table).isEqualTo(expected));
            assertThat(direct.describeContinuousBackups(r -> r.tableName("user_sessions")).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
            assertThat(layer.successes("CreateTable")).isEqualTo(3);
            assertThat(layer.successes("UpdateTimeToLive")).as("TTL enabled once; repeats refused as AWS does")
                    .isEqualTo(1);
        }
    }

    private static void assertCreatedOnceEach(List<String> outcomes) {
        assertThat(outcomes).hasSize(BUILDS * 3);
        for (String table : List.of("doctores", "horarios_doctores", "user_sessions")) {
            assertThat(outcomes).as(table + " created by exactly one build")
                    .filteredOn(line -> line.equals(table + " CREATED")).hasSize(1);
        }
    }

    /**
     * Starts the builds at once, gives them 2 minutes, and returns their outcome lines; a build still running
     * then is destroyed and fails the test with what it printed, and none outlives the test.
     */
    private static List<String> runBuilds(URI endpoint, String tables) throws Exception {
        List<ChildProcess> builds = new ArrayList<>();
        try {
            for (int i = 1; i <= BUILDS; i++) {
                builds.add(ChildProcess.java("build " + i, CreateProcess.class, endpoint.toString(), tables));
            }
            List<String> outcomes = new ArrayList<>();
            for (ChildProcess build : builds) {
                ChildProcess.Exit exit = build.awaitExit(Duration.ofMinutes(2));
                assertThat(exit.code()).as(exit.output()).isZero();
                exit.output().lines().filter(l -> l.matches("\\S+ [A-Z_]+")).forEach(outcomes::add);
            }
            return outcomes;
        } finally {
            builds.forEach(ChildProcess::close);
        }
    }
}
