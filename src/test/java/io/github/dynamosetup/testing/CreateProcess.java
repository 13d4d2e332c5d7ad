package io.github.dynamosetup.testing;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.core.TableResult;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.maven.MavenRemedies;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A build's create, as its own process: the concurrent-builds test starts several at once on the same
 * tables. Prints one line per table, {@code table outcome}, and exits non-zero on failure.
 *
 * <p>Arguments: the endpoint, then {@code full} for the Health Assistant tables as declared plus
 * point-in-time recovery on user_sessions (moto behind the behaviour layer), or nothing for them without
 * TTL (dynalite has none).
 */
public final class CreateProcess {

    private CreateProcess() {}

    public static void main(String[] args) throws Exception {
        boolean full = args.length > 1 && args[1].equals("full");
        List<DeclaredTable> tables = HealthAssistant.tables().stream()
                .map(t -> full ? t.toBuilder().pointInTimeRecovery(t.timeToLiveAttribute() != null).build()
                        : t.toBuilder().timeToLiveAttribute(null).build())
                .toList();
        try (DynamoDbConnection connection = DynamoDbConnection.open(new ConnectionSettings("us-east-1",
                URI.create(args[0]), null, null, Duration.ofMinutes(1), Map.of()), message -> {})) {
            RunSummary summary = new TableProvisioner(connection.client(), new RecordingListener(), MavenRemedies.INSTANCE,
                    Duration.ofMinutes(2), "dynalite").create(Declaration.of(tables), TableProvisioner.Options.DEFAULTS);
            for (TableResult table : summary.tables()) {
                System.out.println(table.declared().name() + " " + table.outcome());
            }
        }
    }
}
