package io.github.dynamosetup.maven;

import static io.github.dynamosetup.maven.PomBeans.noneUnresolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import io.github.dynamosetup.declaration.template.TemplateContext;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The corpus of templates in {@code src/test/resources/templates}, in the shapes real projects have (SAM apps with
 * Globals, {@code cdk synth} output, global tables, conditions and mappings): each run of
 * {@code expectations.json} reads one template with a stack name and parameters, as {@code <templates>} does, and
 * either creates its tables on the test server, behind the layer that makes it behave as DynamoDB does, and reads
 * each one back (keys, indexes, billing, capacity and auto scaling, TTL, point-in-time recovery, stream, encryption,
 * replicas, tags), or is refused before any call with the problems listed, each naming the file, the resource and
 * the property.
 */
@ExtendWith(DynamoDbServerExtension.class)
class TemplateTablesCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/templates");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<JsonNode> runs() throws IOException {
        return StreamSupport.stream(JSON.readTree(CORPUS.resolve("expectations.json").toFile()).spliterator(), false);
    }

    @Test
    void everyTemplateOfTheCorpusHasARun() throws IOException {
        Set<String> templates;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            templates = files.filter(Files::isRegularFile).map(f -> CORPUS.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("expectations.json")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> run = runs().map(r -> r.get("file").asText()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(run).isEqualTo(templates);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("runs")
    void eachTemplateIsCreatedAsItDeclaresOrRefused(JsonNode run, TestServer server) throws Exception {
        String file = run.get("file").asText();
        Map<String, String> parameters = new TreeMap<>();
        run.get("parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue().asText()));
        TemplateFiles.TemplateFile template = new TemplateFiles.TemplateFile(CORPUS.toAbsolutePath().resolve(file),
                new TemplateContext(
                run.path("stackName").asText("stack"), "us-east-1", TemplateFiles.LOCAL_ACCOUNT_ID, parameters));
        DeclarationMapper.Configuration configuration = new DeclarationMapper.Configuration(List.of(), List.of(),
                List.of(template), CORPUS.toAbsolutePath(), Map.of(), "", "", noneUnresolved());

        if (run.has("problems")) {
            InvalidDeclarationException refused = catchThrowableOfType(InvalidDeclarationException.class,
                    () -> DeclarationMapper.map(configuration, List.of()));
            assertThat(refused).as(file + " is refused").isNotNull();
            List<String> problems = refused.problems().stream().map(ConfigurationProblem::toString).toList();
            for (JsonNode expected : run.get("problems")) {
                assertThat(problems).as(file).anySatisfy(p -> assertThat(p).startsWith(expected.asText()));
            }
            return;
        }
        Declaration declaration = DeclarationMapper.map(configuration, List.of());
        Map<String, DeclaredTable> declared = declaration.tables().stream()
                .collect(Collectors.toMap(DeclaredTable::name, t -> t));
        JsonNode tables = run.get("tables");
        assertThat(declared.keySet()).as(file).containsExactlyInAnyOrderElementsOf(() -> tables.fieldNames());

        try (AwsBehaviour layer = AwsBehaviour.inFrontOf(server.endpoint()).replicas(Duration.ofMillis(200))
                        .autoScalingLikeAws();
                DynamoDbClient client = TestClients.client(layer.endpoint(), "us-east-1");
                ApplicationAutoScalingClient autoScaling = TestClients.autoScaling(layer.endpoint(), "us-east-1")) {
            RunSummary summary = new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE,
                    Duration.ofMinutes(1), "region us-east-1", 4, () -> autoScaling)
                    .create(declaration, new TableProvisioner.Options(false, true, false, true));
            assertThat(summary.tables()).as(file).hasSize(declared.size());
            for (Map.Entry<String, JsonNode> table : tables.properties()) {
                assertTable(file, table.getKey(), table.getValue(), declared.get(table.getKey()), client, autoScaling);
            }
        }
    }

    private static void assertTable(String file, String name, JsonNode expected, DeclaredTable declared,
            DynamoDbClient client, ApplicationAutoScalingClient autoScaling) {
        String as = file + ": " + name;
        TableSnapshot snapshot = TableSnapshot.read(client, name);
        TableDescription described = client.describeTable(r -> r.tableName(name)).table();
        assertThat(declared.declaredName()).as(as + " declared name").isEqualTo(expected.get("declaredName").asText());
        assertThat(snapshot.partitionKey()).as(as + " partition key").isEqualTo(expected.get("partitionKey").asText());
        assertThat(snapshot.sortKey()).as(as + " sort key").isEqualTo(expected.path("sortKey").asText(null));
        assertThat(snapshot.globalSecondaryIndexes()).as(as + " indexes").isEqualTo(map(expected.path("indexes")));
        assertThat(snapshot.billingMode()).as(as + " billing").isEqualTo(expected.get("billingMode").asText());
        assertThat(snapshot.tags()).as(as + " tags").isEqualTo(map(expected.path("tags")));
        if (expected.has("capacity")) {
            assertThat(described.provisionedThroughput().readCapacityUnits() + "/"
                    + described.provisionedThroughput().writeCapacityUnits()).as(as + " capacity")
                    .isEqualTo(expected.get("capacity").asText());
        }
        if (expected.has("timeToLive")) {
            assertThat(snapshot.timeToLive()).as(as + " TTL").isEqualTo(expected.get("timeToLive").asText());
        }
        if (expected.has("pointInTimeRecovery")) {
            String status = client.describeContinuousBackups(r -> r.tableName(name)).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString();
            assertThat(status).as(as + " point-in-time recovery")
                    .isEqualTo(expected.get("pointInTimeRecovery").asBoolean() ? "ENABLED" : "DISABLED");
        }
        if (expected.has("stream")) {
            assertThat(described.streamSpecification().streamViewTypeAsString()).as(as + " stream")
                    .isEqualTo(expected.get("stream").asText());
        }
        if (expected.has("encryption")) {
            assertThat(described.sseDescription().sseTypeAsString()).as(as + " encryption")
                    .isEqualTo(expected.get("encryption").asText());
        }
        if (expected.has("deletionProtection")) {
            assertThat(described.deletionProtectionEnabled()).as(as + " deletion protection")
                    .isEqualTo(expected.get("deletionProtection").asBoolean());
        }
        if (expected.has("declaredTableClass")) {
            // moto keeps no table class (see README, "How it is built"): the declaration is what is checked
            assertThat(declared.tableClass()).as(as + " table class").hasToString(expected.get("declaredTableClass")
                    .asText());
        }
        List<String> replicas = new ArrayList<>();
        described.replicas().forEach(r -> replicas.add(r.regionName()));
        replicas.sort(null);
        List<String> expectedReplicas = new ArrayList<>();
        expected.path("replicas").forEach(r -> expectedReplicas.add(r.asText()));
        assertThat(replicas).as(as + " replicas").isEqualTo(expectedReplicas);
        Map<String, String> scaling = new TreeMap<>();
        autoScaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets().stream()
                .filter(t -> t.resourceId().equals("table/" + name) || t.resourceId().startsWith("table/" + name + "/"))
                .forEach(t -> scaling.put(t.resourceId() + " " + t.scalableDimensionAsString(),
                        t.minCapacity() + "-" + t.maxCapacity()));
        assertThat(scaling).as(as + " auto scaling").isEqualTo(map(expected.path("autoScaling")));
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
