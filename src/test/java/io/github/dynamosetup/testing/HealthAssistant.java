package io.github.dynamosetup.testing;

import io.github.dynamosetup.spec.AttributeType;
import io.github.dynamosetup.spec.BillingMode;
import io.github.dynamosetup.spec.GlobalSecondaryIndexSpec;
import io.github.dynamosetup.spec.KeySpec;
import io.github.dynamosetup.spec.PomOrigin;
import io.github.dynamosetup.spec.Projection;
import io.github.dynamosetup.spec.TableSpec;
import java.util.List;
import java.util.Map;

/** The seed's three tables, the fixture every test starts from, and what the server must hold after create. */
public final class HealthAssistant {

    public static final Map<String, String> TAGS = Map.of("Application", "HealthAssistantAPI", "Environment", "test");

    private HealthAssistant() {}

    public static List<TableSpec> tables() {
        return List.of(
                TableSpec.builder(new PomOrigin(1), "doctores")
                        .partitionKey(new KeySpec("doctor_id", AttributeType.S))
                        .globalSecondaryIndex(GlobalSecondaryIndexSpec.of("especialidad-index",
                                new KeySpec("especialidad", AttributeType.S), null, Projection.ALL, List.of()))
                        .tags(TAGS)
                        .build(),
                TableSpec.builder(new PomOrigin(2), "horarios_doctores")
                        .partitionKey(new KeySpec("doctor_id", AttributeType.S))
                        .sortKey(new KeySpec("fecha_hora", AttributeType.S))
                        .tags(TAGS)
                        .build(),
                TableSpec.builder(new PomOrigin(3), "user_sessions")
                        .partitionKey(new KeySpec("user_id", AttributeType.S))
                        .timeToLiveAttribute("ttl")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .tags(TAGS)
                        .build());
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
