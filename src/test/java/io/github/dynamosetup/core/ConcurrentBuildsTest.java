package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.testing.CreateProcess;
import io.github.dynamosetup.testing.DynaliteServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Several builds (separate JVM processes, not threads) run create on the same tables at once, on dynalite
 * where tables stay CREATING for a second: all succeed, and each table is created by exactly one of them;
 * the others see ResourceInUseException, wait for it to be ACTIVE and bring it to its declaration.
 */
class ConcurrentBuildsTest {

    private static final int BUILDS = 3;

    @Test
    void concurrentBuildsAllSucceedAndCreateEachTableOnce() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(1000);
                DynamoDbClient client = dynalite.client()) {
            List<Process> builds = new ArrayList<>();
            for (int i = 0; i < BUILDS; i++) {
                builds.add(start(dynalite));
            }
            List<String> outcomes = new ArrayList<>();
            for (Process build : builds) {
                String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(build.waitFor(2, TimeUnit.MINUTES)).isTrue();
                assertThat(build.exitValue()).as(output).isZero();
                output.lines().filter(l -> l.matches("\\S+ [A-Z_]+")).forEach(outcomes::add);
            }

            assertThat(outcomes).hasSize(BUILDS * 3);
            for (String table : List.of("doctores", "horarios_doctores", "user_sessions")) {
                assertThat(outcomes).as(table + " created by exactly one build").filteredOn(line -> line.equals(table + " CREATED"))
                        .hasSize(1);
                assertThat(client.describeTable(r -> r.tableName(table)).table().tableStatusAsString())
                        .isEqualTo("ACTIVE");
            }
            assertThat(client.listTables().tableNames()).hasSize(3);
        }
    }

    private static Process start(DynaliteServer dynalite) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CreateProcess.class.getName(), dynalite.endpoint().toString()).redirectErrorStream(true);
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        return builder.start();
    }
}
