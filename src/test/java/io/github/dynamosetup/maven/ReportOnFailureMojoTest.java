package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.FaultProxy;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A failed run leaves the truth in {@code <goal>-report.json}: the failure, and per table what was done and
 * where it stopped; never the success of an earlier run.
 */
@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class ReportOnFailureMojoTest {

    private static final String HEALTH_ASSISTANT = "src/test/resources/unit/health-assistant/pom.xml";
    private static final String EARLIER_SUCCESS = "{\"goal\": \"create\", \"tables\": [], \"earlier\": true}";

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Inject
    private MojoExecution mojoExecution;

    private TestServer testServer;
    private DynamoDbClient server;

    @BeforeEach
    void pointAtTheTestServer(TestServer testServer) {
        MojoHarness.asInABuild(session, project, mojoExecution);
        this.testServer = testServer;
        session.getUserProperties().setProperty("dynamo-setup.endpoint", testServer.endpoint().toString());
        server = testServer.client("us-east-1");
    }

    @AfterEach
    void close() {
        server.close();
    }

    /** Points the configured mojo at a server started by the test itself. */
    private static void endpoint(AbstractDynamoSetupMojo mojo, String endpoint) throws ReflectiveOperationException {
        java.lang.reflect.Field field = AbstractDynamoSetupMojo.class.getDeclaredField("endpoint");
        field.setAccessible(true);
        field.set(mojo, endpoint);
    }

    private static Path report(String directory, String goal) throws IOException {
        Path file = Path.of(MojoExtension.getBasedir(), directory, goal + "-report.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, EARLIER_SUCCESS);
        return file;
    }

    private static JsonNode read(Path report) throws IOException {
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.has("earlier")).as("the earlier run's report is gone").isFalse();
        return json;
    }

    @Test
    @InjectMojo(goal = "validate", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/failed-validate")
    void driftFailsTheBuildAndTheReportSaysWhy(ValidateMojo mojo) throws Exception {
        Path report = report("target/dynamo-setup-test/failed-validate", "validate");
        new TableProvisioner(server, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofMinutes(1), "server")
                .create(Declaration.of(HealthAssistant.tables().subList(0, 2)), TableProvisioner.Options.DEFAULTS);

        assertThatThrownBy(mojo::execute).isInstanceOf(DriftFailure.class).hasCauseInstanceOf(
                io.github.dynamosetup.core.DriftException.class);

        JsonNode json = read(report);
        assertThat(json.get("failure").get("message").asText())
                .endsWith("  user_sessions: missing. Create it with: mvn dynamo-setup:create");
        assertThat(json.get("tables").get(0).get("outcome").asText()).isEqualTo("up-to-date");
        assertThat(json.get("tables").get(2).get("outcome").asText()).isEqualTo("missing");
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/failed-run")
    void aRunThatFailsPartWaySaysInTheReportWhereEachTableStopped(CreateMojo mojo) throws Exception {
        Path report = report("target/dynamo-setup-test/failed-run", "create");
        try (FaultProxy proxy = FaultProxy.inFrontOf(testServer.endpoint())
                .failFirst("UpdateTimeToLive", 10, new FaultProxy.Fault.AwsError(400, "ValidationException"))) {
            endpoint(mojo, proxy.endpoint().toString());

            assertThatThrownBy(mojo::execute).isExactlyInstanceOf(ProvisioningFailure.class)
                    .hasMessageStartingWith("create did not finish: ValidationException from UpdateTimeToLive");
        }

        JsonNode json = read(report);
        assertThat(json.get("failure").get("message").asText()).contains("Where each table stands:");
        JsonNode doctores = json.get("tables").get(0);
        assertThat(doctores.get("outcome").asText()).isEqualTo("created");
        JsonNode sessions = json.get("tables").get(2);
        assertThat(sessions.get("outcome").asText()).isEqualTo("failed");
        assertThat(sessions.get("actions").toString()).isEqualTo("[\"create\",\"ACTIVE\"]");
        assertThat(sessions.get("error").asText()).startsWith("ValidationException from UpdateTimeToLive on table"
                + " 'user_sessions'");
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/not-active")
    @MojoParameter(name = "timeout", value = "PT2S")
    void tablesThatDoNotBecomeActiveInTimeAreInTheReport(CreateMojo mojo) throws Exception {
        Path report = report("target/dynamo-setup-test/not-active", "create");
        try (DynaliteServer dynalite = DynaliteServer.start(120_000)) {
            endpoint(mojo, dynalite.endpoint().toString());

            assertThatThrownBy(mojo::execute).isExactlyInstanceOf(ProvisioningFailure.class)
                    .hasMessageStartingWith("The tables doctores, horarios_doctores, user_sessions did not become"
                            + " ACTIVE within PT2S.");
        }

        JsonNode json = read(report);
        assertThat(json.get("failure").get("message").asText()).contains("did not become ACTIVE within PT2S");
        for (JsonNode table : json.get("tables")) {
            assertThat(table.get("outcome").asText()).isEqualTo("failed");
            assertThat(table.get("actions").toString()).isEqualTo("[\"create\"]");
            assertThat(table.get("error").asText()).contains("did not become ACTIVE");
        }
    }

    @Test
    @InjectMojo(goal = "plan", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/unreachable")
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:1")
    @MojoParameter(name = "timeout", value = "PT5S")
    void anAwsErrorReplacesTheEarlierReportWithTheFailure(PlanMojo mojo) throws Exception {
        Path report = report("target/dynamo-setup-test/unreachable", "plan");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .isNotInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("SdkClientException from DescribeTable on table 'doctores': ");

        JsonNode json = read(report);
        assertThat(json.get("goal").asText()).isEqualTo("plan");
        assertThat(json.get("failure").get("message").asText()).startsWith("SdkClientException from DescribeTable");
        assertThat(json.get("tables")).hasSize(3);
        for (JsonNode table : json.get("tables")) {
            assertThat(table.get("outcome").asText()).isEqualTo("failed");
            assertThat(table.get("actions")).isEmpty();
        }
    }

    @Test
    @InjectMojo(goal = "validate", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/invalid-configuration")
    @MojoParameter(name = "timeout", value = "banana")
    void aRunThatStopsOnItsConfigurationLeavesNoEarlierReport(ValidateMojo mojo) throws Exception {
        Path report = report("target/dynamo-setup-test/invalid-configuration", "validate");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<timeout>: 'banana' is not a positive ISO-8601 duration");

        assertThat(report).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/skipped")
    @MojoParameter(name = "skip", value = "true")
    void aSkippedGoalLeavesNoEarlierReport(CreateMojo mojo) throws Exception {
        Path report = report("target/dynamo-setup-test/skipped", "create");

        mojo.execute();

        assertThat(report).doesNotExist();
    }
}
