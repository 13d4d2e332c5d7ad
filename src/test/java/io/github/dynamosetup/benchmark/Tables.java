package io.github.dynamosetup.benchmark;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.core.ProvisioningListener;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** The benchmark's tables, and the engine it runs on them in this JVM. */
final class Tables {

    private static final ProvisioningListener QUIET = event -> { };

    private Tables() {}

    /** {@code count} tables named prefix1, prefix2, ..., each with a string partition key {@code id}. */
    static List<DeclaredTable> numbered(String prefix, int count, Map<String, String> tags) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> DeclaredTable.builder(new PomOrigin(i), prefix + i)
                        .partitionKey(new KeyAttribute("id", AttributeType.S)).tags(tags).build())
                .toList();
    }

    static DynamoDbConnection connect(URI endpoint) throws Exception {
        return DynamoDbConnection.open(new ConnectionSettings("us-east-1", endpoint, null, null,
                Duration.ofMinutes(1), Map.of()), message -> {});
    }

    /** The create goal's engine, silent, on the connection's client. */
    static TableProvisioner provisioner(DynamoDbConnection connection) {
        return new TableProvisioner(connection.client(), QUIET, MavenRemedies.INSTANCE, Duration.ofMinutes(10),
                "benchmark");
    }

    /**
     * Creates the tables, then tags them one by one as a user would: dynalite 4.0.0 keeps no tags given to
     * CreateTable.
     */
    static void createTagged(URI endpoint, List<DeclaredTable> tables) throws Exception {
        try (DynamoDbConnection connection = connect(endpoint)) {
            provisioner(connection).create(Declaration.of(tables.stream()
                    .map(t -> t.toBuilder().tags(Map.of()).build()).toList()), TableProvisioner.Options.DEFAULTS);
            DynamoDbClient client = connection.client();
            for (DeclaredTable table : tables) {
                String arn = client.describeTable(r -> r.tableName(table.name())).table().tableArn();
                client.tagResource(r -> r.resourceArn(arn).tags(table.tags().entrySet().stream()
                        .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList()));
            }
        }
    }
}
