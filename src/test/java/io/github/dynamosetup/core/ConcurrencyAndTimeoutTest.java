package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

/**
 * On dynalite, which keeps new tables CREATING for a while as AWS does: tables are worked on
 * concurrently within the bound, and the timeout names the tables that never became ACTIVE. Nothing here
 * asserts how long anything took; the benchmark measures that.
 */
class ConcurrencyAndTimeoutTest {

    /** For each table, the order of its CreateTable call and of its last DescribeTable, on one shared counter. */
    private static final class TableSpans implements ExecutionInterceptor {
        private final AtomicLong clock = new AtomicLong();
        private final Map<String, long[]> spans = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof CreateTableRequest create) {
                long now = clock.incrementAndGet();
                spans.put(create.tableName(), new long[] {now, now});
            } else if (context.request() instanceof DescribeTableRequest describe) {
                long now = clock.incrementAndGet();
                spans.computeIfPresent(describe.tableName(), (table, span) -> new long[] {span[0], now});
            }
        }

        /** The most tables whose spans overlap at one point. */
        int maxOverlap() {
            List<long[]> all = new ArrayList<>(spans.values());
            int max = 0;
            for (long[] span : all) {
                long point = span[0];
                max = Math.max(max, (int) all.stream().filter(s -> s[0] <= point && point <= s[1]).count());
            }
            return max;
        }
    }

    private static DynamoDbClient client(DynaliteServer server, ExecutionInterceptor interceptor) {
        return TestClients.builder(server.endpoint(), "us-east-1")
                .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))
                .build();
    }

    private static Declaration tables(String prefix, int count) throws Exception {
        return Declaration.of(IntStream.rangeClosed(1, count)
                .mapToObj(i -> DeclaredTable.builder(new PomOrigin(i), prefix + i)
                        .partitionKey(new KeyAttribute("id", AttributeType.S)).build())
                .toList());
    }

    @Test
    void tablesAreWorkedOnConcurrentlyWithinTheBound() throws Exception {
        TableSpans spans = new TableSpans();
        try (DynaliteServer dynalite = DynaliteServer.start(400);
                DynamoDbClient client = client(dynalite, spans)) {
            TableProvisioner provisioner = new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1),
                    "dynalite", 3);

            RunSummary summary = provisioner.create(tables("bounded_", 9), TableProvisioner.Options.DEFAULTS);

            assertThat(summary.names(TableResult.Outcome.CREATED)).hasSize(9);
            assertThat(client.listTables().tableNames()).hasSize(9);
            assertThat(spans.maxOverlap()).as("tables in work at once").isBetween(2, 3);
        }
    }

    @Test
    void oneAtATimeWhenTheBoundIsOne() throws Exception {
        TableSpans spans = new TableSpans();
        try (DynaliteServer dynalite = DynaliteServer.start(100);
                DynamoDbClient client = client(dynalite, spans)) {
            new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1), "dynalite", 1)
                    .create(tables("single_", 4), TableProvisioner.Options.DEFAULTS);

            assertThat(spans.maxOverlap()).isEqualTo(1);
        }
    }

    @Test
    void theTimeoutNamesEveryTableThatIsStillNotActive() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(120_000);
                DynamoDbClient client = client(dynalite, new TableSpans())) {
            TableProvisioner provisioner = new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofSeconds(2),
                    "dynalite");

            assertThatThrownBy(() -> provisioner.create(tables("slow_", 2), TableProvisioner.Options.DEFAULTS))
                    .isInstanceOf(TablesNotActiveException.class)
                    .hasMessage("The tables slow_1, slow_2 did not become ACTIVE within PT2S. They exist and may still"
                            + " become ACTIVE: run mvn dynamo-setup:create again to finish their configuration, or"
                            + " raise <timeout> (-Ddynamo-setup.timeout=PT20M).");
            assertThat(client.describeTable(r -> r.tableName("slow_1")).table().tableStatusAsString())
                    .isEqualTo("CREATING");
        }
    }
}
