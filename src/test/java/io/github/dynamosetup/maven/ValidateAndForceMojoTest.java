package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TestServer;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
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

@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class ValidateAndForceMojoTest {

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

    private void createTable(String name, String partitionKey) {
        server.createTable(r -> r.tableName(name)
                .keySchema(k -> k.attributeName(partitionKey).keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName(partitionKey).attributeType("S"))
                .billingMode("PAY_PER_REQUEST"));
    }

    /** The Health Assistant tables as create makes them, without the plugin's Maven side. */
    private void createHealthAssistantTables() throws Exception {
        HealthAssistant.create(server, HealthAssistant.tables());
    }

    @Test
    @InjectMojo(goal = "validate", pom = HEALTH_ASSISTANT)
    void validateFailsNamingTheMissingTableAndTheFix(ValidateMojo mojo) throws Exception {
        createHealthAssistantTables();
        server.deleteTable(r -> r.tableName("horarios_doctores"));
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("validate: 1 of 3 tables in region us-east-1 at http://127.0.0.1:")
                .hasMessageEndingWith(" does not match the declaration:\n"
                        + "  horarios_doctores: missing. Create it with: mvn dynamo-setup:create");
        assertThat(log.lines()).contains("WARN ! missing horarios_doctores", "INFO = up to date  doctores");
        assertThat(server.listTables().tableNames()).containsExactlyInAnyOrder("doctores", "user_sessions");
    }

    @Test
    @InjectMojo(goal = "validate", pom = HEALTH_ASSISTANT)
    void validatePassesWhenEveryTableIsAsDeclared(ValidateMojo mojo) throws Exception {
        createHealthAssistantTables();
        mojo.setLog(log);

        mojo.execute();

        assertThat(log.lines()).anyMatch(l -> l.startsWith("INFO validate: 3 tables in region us-east-1 at http://"
                + "127.0.0.1:") && l.contains(" - 3 up to date, 0 with drift, 0 missing ("));
    }

    @Test
    @InjectMojo(goal = "validate", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "skipValidate", value = "true")
    void validateHasItsOwnSkip(ValidateMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(log.lines()).containsExactly("INFO Skipping dynamo-setup:validate (dynamo-setup.validate.skip is true)");
    }

    @Test
    @InjectMojo(goal = "force", pom = HEALTH_ASSISTANT)
    void forceFailsNamingExistingTablesAndCreatesTheMissingOne(ForceMojo mojo) {
        createTable("doctores", "doctor_id");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("ResourceInUseException: the table doctores already exists in region us-east-1")
                .hasMessageContaining("created: horarios_doctores, user_sessions.");
        assertThat(server.listTables().tableNames()).containsExactlyInAnyOrder("doctores", "horarios_doctores", "user_sessions");
        assertThat(server.describeTimeToLive(r -> r.tableName("user_sessions")).timeToLiveDescription()
                .timeToLiveStatusAsString()).isEqualTo("ENABLED");
    }

    @Test
    @InjectMojo(goal = "force", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "skip", value = "true")
    void forceIsSkippedByTheGlobalSkip(ForceMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(server.listTables().tableNames()).isEmpty();
        assertThat(log.lines()).containsExactly("INFO Skipping dynamo-setup:force (dynamo-setup.skip is true)");
    }
}
