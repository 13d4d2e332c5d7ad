package io.github.dynamosetup.testing;

import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The seed's three tables, the fixture every test starts from, and what the server must hold after create. */
public final class HealthAssistant {

    public static final Map<String, String> TAGS = Map.of("Application", "HealthAssistantAPI", "Environment", "test");

    private HealthAssistant() {}

    public static List<DeclaredTable> tables() {
        return List.of(
                DeclaredTable.builder(new PomOrigin(1), "doctores")
                        .partitionKey(new KeyAttribute("doctor_id", AttributeType.S))
                        .globalSecondaryIndex(DeclaredGlobalIndex.of("especialidad-index",
                                new KeyAttribute("especialidad", AttributeType.S), null, IndexProjection.ALL, List.of()))
                        .tags(TAGS)
                        .build(),
                DeclaredTable.builder(new PomOrigin(2), "horarios_doctores")
                        .partitionKey(new KeyAttribute("doctor_id", AttributeType.S))
                        .sortKey(new KeyAttribute("fecha_hora", AttributeType.S))
                        .tags(TAGS)
                        .build(),
                DeclaredTable.builder(new PomOrigin(3), "user_sessions")
                        .partitionKey(new KeyAttribute("user_id", AttributeType.S))
                        .timeToLiveAttribute("ttl")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .tags(TAGS)
                        .build());
    }

    /** Makes tables as create does, with the engine alone: where the tests of the other goals start. */
    public static void create(DynamoDbClient client, List<DeclaredTable> tables)
            throws InvalidDeclarationException, ProvisioningException {
        new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1), "test server")
                .create(Declaration.of(tables), TableProvisioner.Options.DEFAULTS);
    }

    /** What DescribeTable, DescribeTimeToLive and ListTagsOfResource must show for each table. */
    public static Map<String, TableSnapshot> expected(Map<String, String> tags) {
        return Map.of(
                "doctores", new TableSnapshot("doctor_id:S", null, Map.of("especialidad-index", "especialidad:S ALL"),
                        "PAY_PER_REQUEST", "DISABLED", tags),
                "horarios_doctores", new TableSnapshot("doctor_id:S", "fecha_hora:S", Map.of(), "PAY_PER_REQUEST",
                        "DISABLED", tags),
                "user_sessions", new TableSnapshot("user_id:S", null, Map.of(), "PAY_PER_REQUEST", "ENABLED ttl", tags));
    }
}
