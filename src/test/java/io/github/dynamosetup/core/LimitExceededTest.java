package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.FaultProxy;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** LimitExceededException, which the SDK does not retry, is waited out: every table is created once. */
@ExtendWith(DynamoDbServerExtension.class)
class LimitExceededTest {

    @Test
    void refusedCreateTableCallsAreRetriedUntilEveryTableExistsOnce(TestServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.inFrontOf(server.endpoint())
                        .failFirst("CreateTable", 4, 400, "LimitExceededException");
                DynamoDbClient client = TestClients.client(proxy.endpoint(), "us-east-1");
                DynamoDbClient direct = server.client("us-east-1")) {
            RecordingListener listener = new RecordingListener();

            RunSummary summary = new TableProvisioner(client, listener, MavenRemedies.INSTANCE, Duration.ofMinutes(1), "proxy")
                    .create(Declaration.of(HealthAssistant.tables()), TableProvisioner.Options.DEFAULTS);

            assertThat(summary.names(TableResult.Outcome.CREATED)).hasSize(3);
            // WireMock's scenario may refuse a fifth call when the first ones arrive at once: count what it did
            int refused = proxy.calls("CreateTable") - proxy.successes("CreateTable");
            assertThat(proxy.successes("CreateTable")).as("each table created once").isEqualTo(3);
            assertThat(refused).isGreaterThanOrEqualTo(4);
            HealthAssistant.expected(HealthAssistant.TAGS).forEach((table, expected) ->
                    assertThat(TableSnapshot.read(direct, table)).as(table).isEqualTo(expected));
            assertThat(listener.lines()).filteredOn(l -> l.contains("LimitExceededException from CreateTable"))
                    .hasSize(refused);
        }
    }
}
