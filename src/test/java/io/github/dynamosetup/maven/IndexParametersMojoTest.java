package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code applyIndexChanges}, {@code replaceChangedIndexes} and {@code waitForIndexes} on create and plan, through
 * maven-plugin-testing-harness against the test server: the index of the Health Assistant's {@code doctores}
 * table, made with another projection than declared.
 */
@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class IndexParametersMojoTest {

    private static final String HEALTH_ASSISTANT = "src/test/resources/unit/health-assistant/pom.xml";

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Inject
    private MojoExecution mojoExecution;

    private final RecordingLog log = new RecordingLog();
    private DynamoDbClient server;

    @BeforeEach
    void pointAtTheTestServer(TestServer testServer, DynamoDbClient server) {
        MojoHarness.asInABuild(session, project, mojoExecution);
        session.getUserProperties().setProperty("dynamo-setup.endpoint", testServer.endpoint().toString());
        this.server = server;
    }

    /** The Health Assistant tables, {@code doctores}'s index projecting keys only where ALL is declared. */
    private void createWithAChangedIndex() throws Exception {
        List<DeclaredTable> tables = new ArrayList<>(HealthAssistant.tables());
        DeclaredGlobalIndex declared = tables.get(0).globalSecondaryIndexes().get(0);
        tables.set(0, DeclaredTable.builder(tables.get(0).origin(), "doctores")
                .partitionKey(tables.get(0).partitionKey())
                .globalSecondaryIndex(DeclaredGlobalIndex.of(declared.name(), declared.partitionKey(), null,
                        IndexProjection.KEYS_ONLY, List.of()))
                .tags(HealthAssistant.TAGS)
                .build());
        HealthAssistant.create(server, tables);
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "replaceChangedIndexes", value = "true")
    void replacingIndexesWithoutApplyingIndexChangesIsAConfigurationMistake(CreateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no AWS call was made")
                .hasMessageContaining("plugin configuration, <replaceChangedIndexes>: true without <applyIndexChanges>"
                        + "true</applyIndexChanges>: indexes are replaced only where index changes are applied; set"
                        + " <applyIndexChanges>true</applyIndexChanges> (-Ddynamo-setup.applyIndexChanges) too, or"
                        + " leave replaceChangedIndexes false");
        assertThat(server.listTables().tableNames()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "plan", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "replaceChangedIndexes", value = "true")
    void planSaysTheSameMistake(PlanMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<replaceChangedIndexes>: true without <applyIndexChanges>");
    }

    @Test
    @InjectMojo(goal = "plan", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "applyIndexChanges", value = "true")
    @MojoParameter(name = "replaceChangedIndexes", value = "true")
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/index-plan")
    void planPrintsAndReportsTheStepsOfAReplacementAndWritesNothing(PlanMojo mojo) throws Exception {
        createWithAChangedIndex();
        mojo.setLog(log);

        mojo.execute();

        assertThat(log.lines()).contains("INFO ~ update  doctores (replace index especialidad-index)",
                "INFO     1. delete index especialidad-index");
        JsonNode report = new ObjectMapper().readTree(Path.of(MojoExtension.getBasedir(),
                "target/dynamo-setup-test/index-plan/plan-report.json").toFile());
        JsonNode steps = report.path("tables").get(0).path("steps");
        assertThat(steps).extracting(s -> s.path("step").asText() + (s.path("backfill").asBoolean() ? " *" : ""))
                .containsExactly("delete index especialidad-index", "wait until index especialidad-index is gone",
                        "create index especialidad-index", "wait for index especialidad-index to backfill *");
        assertThat(TableSnapshot.read(server, "doctores").globalSecondaryIndexes())
                .containsEntry("especialidad-index", "especialidad:S KEYS_ONLY");
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "applyIndexChanges", value = "true")
    @MojoParameter(name = "replaceChangedIndexes", value = "true")
    void createReplacesTheChangedIndex(CreateMojo mojo) throws Exception {
        createWithAChangedIndex();
        mojo.setLog(log);

        mojo.execute();

        assertThat(log.lines()).contains("INFO   index   doctores (deleted especialidad-index, to create it as declared)",
                "INFO   index   doctores (added especialidad-index)");
        HealthAssistant.expected(HealthAssistant.TAGS).forEach((table, expected) ->
                assertThat(TableSnapshot.read(server, table)).as(table).isEqualTo(expected));
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "applyIndexChanges", value = "true")
    void withoutReplaceChangedIndexesCreateFailsForDriftNamingIt(CreateMojo mojo) throws Exception {
        createWithAChangedIndex();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Ddynamo-setup.replaceChangedIndexes=true");
        assertThat(TableSnapshot.read(server, "doctores").globalSecondaryIndexes())
                .containsEntry("especialidad-index", "especialidad:S KEYS_ONLY");
    }
}
