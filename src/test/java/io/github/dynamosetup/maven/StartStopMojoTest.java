package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.localserver.FixedBackends;
import io.github.dynamosetup.localserver.LocalServers;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.Ports;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TestClients;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * {@code start}, the goals after it and {@code stop} in one module of one build, against the servers this machine
 * has (moto and dynalite, which the build installs): the server answers, {@code create} finds it with no
 * {@code <endpoint>}, and after {@code stop} nothing listens on its port.
 */
@MojoTest
class StartStopMojoTest {

    private static final String POM = "src/test/resources/unit/local-server/pom.xml";
    private static final Path DYNALITE_CLI = Path.of("src/test/dynalite/node_modules/dynalite/cli.js");

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Inject
    private MojoExecution mojoExecution;

    private final RecordingLog log = new RecordingLog();
    private StopMojo cleanup;

    @BeforeEach
    void inABuild() {
        MojoHarness.asInABuild(session, project, mojoExecution);
    }

    /** A test that fails half-way leaves no server either. */
    @AfterEach
    void stopWhatRuns() throws Exception {
        if (cleanup != null) {
            cleanup.execute();
        }
    }

    /** {@code start} as Maven configures it, with {@code localServer}; the harness injects one goal per test. */
    private StartMojo start(String localServer) throws IllegalAccessException {
        StartMojo mojo = new StartMojo();
        MojoExtension.setVariableValueToObject(mojo, "localServer", localServer);
        MojoExtension.setVariableValueToObject(mojo, "localServerImage", LocalServers.DEFAULT_IMAGE);
        inThisModule(mojo);
        return mojo;
    }

    private StopMojo stop() throws IllegalAccessException {
        StopMojo mojo = new StopMojo();
        inThisModule(mojo);
        cleanup = mojo;
        return mojo;
    }

    private void inThisModule(AbstractMojo mojo) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, "session", session);
        MojoExtension.setVariableValueToObject(mojo, "project", project);
        mojo.setLog(log);
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    void motoStartsAndCreateUsesItWithoutAnEndpointAndStopLeavesNothingListening(CreateMojo create)
            throws Exception {
        StopMojo stop = stop();
        start("moto").execute();
        URI endpoint = URI.create(project.getProperties().getProperty("dynamo-setup.localServer.endpoint"));

        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(project.getProperties().getProperty("dynamo-setup.localServer.port"))
                .isEqualTo(String.valueOf(endpoint.getPort()));
        assertThat(project.getProperties().getProperty("dynamo-setup.endpoint")).isEqualTo(endpoint.toString());
        assertThat(Files.readString(logFile("moto", endpoint.getPort()))).as("moto's output file").isNotNull();

        create.execute();
        try (DynamoDbClient client = TestClients.client(endpoint, "us-east-1")) {
            assertThat(client.describeTable(r -> r.tableName("orders")).table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
        }

        stop.execute();
        assertThat(Ports.listens(endpoint.getPort())).as("something listens on " + endpoint).isFalse();
        assertThat(project.getProperties()).doesNotContainKeys("dynamo-setup.endpoint",
                "dynamo-setup.localServer.endpoint", "dynamo-setup.localServer.port");
        assertThat(log.lines()).contains("INFO dynamo-setup:stop: stopped moto (python3 -m moto.server) at "
                + endpoint);
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    void onMotoATemplatesGlobalTableGoesWithoutTheReplicasMotoIgnores(CreateMojo create)
            throws Exception {
        StopMojo stop = stop();
        start("moto").execute();
        PomTemplate template = new PomTemplate();
        template.file = Path.of("src/test/resources/templates/global-table.yaml").toAbsolutePath().toString();
        MojoExtension.setVariableValueToObject(create, "templates", new ArrayList<>(List.of(template)));
        MojoExtension.setVariableValueToObject(create, "tables", new ArrayList<>());
        create.setLog(log);

        create.execute();

        URI endpoint = URI.create(project.getProperties().getProperty("dynamo-setup.localServer.endpoint"));
        try (DynamoDbClient client = TestClients.client(endpoint, "us-east-1")) {
            assertThat(client.describeTable(r -> r.tableName("profiles-global")).table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
            assertThat(client.describeTimeToLive(r -> r.tableName("profiles-global")).timeToLiveDescription()
                    .attributeName()).as("what moto has is applied").isEqualTo("ttl");
        }
        assertThat(log.lines()).contains("INFO dynamo-setup:create: table profiles-global goes without replicas on"
                + " moto (python3 -m moto.server), the server start ran, which lacks these settings; on AWS they"
                + " apply");
        stop.execute();
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void aGoalAfterStopFailsRatherThanGoToAws(ValidateMojo validate) throws Exception {
        StopMojo stop = stop();
        start("moto").execute();
        String endpoint = project.getProperties().getProperty("dynamo-setup.localServer.endpoint");
        stop.execute();
        validate.setLog(log);

        assertThatThrownBy(validate::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("dynamo-setup:validate runs after dynamo-setup:stop stopped this module's"
                        + " local server (" + endpoint + ") and has no <endpoint>, so it would work on AWS itself"
                        + " instead: nothing was done.");
        assertThat(log.lines()).noneMatch(l -> l.contains("credentials"));

        start("moto").execute();
        assertThat(project.getProperties()).as("a new start clears the mark").doesNotContainKey(
                "dynamo-setup.localServer.stopped");
    }

    @Test
    @InjectMojo(goal = "create", pom = POM)
    void anEndpointInThePomWinsOverTheServerStartRan(CreateMojo create) throws Exception {
        stop();
        start("moto").execute();
        URI started = URI.create(project.getProperties().getProperty("dynamo-setup.localServer.endpoint"));
        MojoExtension.setVariableValueToObject(create, "endpoint", "http://127.0.0.1:1");
        create.setLog(log);

        assertThatThrownBy(create::execute).hasMessageContaining("http://127.0.0.1:1");
        try (DynamoDbClient client = TestClients.client(started, "us-east-1")) {
            assertThat(client.listTables().tableNames()).as("tables on the server start ran").isEmpty();
        }
    }

    @Test
    void dynaliteStartsFromItsCliAndAnswersUntilStopped() throws Exception {
        StopMojo stop = stop();
        assertThat(DYNALITE_CLI).as("dynalite, installed by the build (npm ci in src/test/dynalite)").exists();
        StartMojo start = start("dynalite");
        MojoExtension.setVariableValueToObject(start, "dynalitePath", DYNALITE_CLI.toAbsolutePath().toFile());
        start.execute();
        URI endpoint = URI.create(project.getProperties().getProperty("dynamo-setup.localServer.endpoint"));

        try (DynamoDbClient client = TestClients.client(endpoint, "us-east-1")) {
            assertThat(client.listTables().tableNames()).isEmpty();
        }
        stop.execute();
        assertThat(Ports.listens(endpoint.getPort())).as("something listens on " + endpoint).isFalse();
    }

    @Test
    void autoTakesMotoWhereNoDockerEngineAnswers() throws Exception {
        stop();
        StartMojo start = start("auto");
        start.useBackends(FixedBackends.moto());
        start.execute();

        assertThat(log.lines()).contains("INFO dynamo-setup:start: <localServer> auto chose moto");
        assertThat(Ports.listens(Integer.parseInt(project.getProperties().getProperty("dynamo-setup.localServer.port"))))
                .isTrue();
    }

    @Test
    void withNoBackendStartFailsNamingWhatToInstallAndStartsNothing() throws Exception {
        StartMojo start = start("auto");
        start.useBackends(FixedBackends.none());

        assertThatThrownBy(start::execute).isInstanceOf(LocalServerFailure.class)
                .hasMessageContaining("no DynamoDB-compatible server can run here")
                .hasMessageContaining("Docker engine").hasMessageContaining("pip install 'moto[server]'")
                .hasMessageContaining("npm install -g dynalite");
        assertThat(project.getProperties()).doesNotContainKey("dynamo-setup.endpoint");
    }

    @Test
    void aServerThatExitsFailsTheBuildNamingItsOutputFileAndLeavesNoEndpoint() throws Exception {
        StartMojo start = start("dynalite");
        // a "dynalite" that says why it cannot run, and exits
        start.useBackends(new FixedBackends(false, false, Optional.of(List.of("node", "-e",
                "console.log('dynalite: cannot open the port'); process.exit(3)", "--"))));

        assertThatThrownBy(start::execute).isInstanceOf(LocalServerBroken.class)
                .hasMessageMatching("dynalite \\(node -e .*\\) exited with code 3 before answering at"
                        + " http://127\\.0\\.0\\.1:\\d+; its output is in .*local-server-dynalite-\\d+\\.log")
                .satisfies(e -> assertThat(Path.of(e.getMessage().replaceAll(".*its output is in ", "")))
                        .content().contains("dynalite: cannot open the port"));
        assertThat(project.getProperties()).doesNotContainKey("dynamo-setup.endpoint");
    }

    @Test
    void anUnknownLocalServerIsAConfigurationFailureListingTheChoices() throws Exception {
        assertThatThrownBy(start("dynamodb-local")::execute).isInstanceOf(LocalServerFailure.class)
                .hasMessage("<localServer> 'dynamodb-local' is not one of auto, docker, moto, dynalite");
    }

    @Test
    void dockerWhereNoEngineAnswersFailsSayingSo() throws Exception {
        StartMojo start = start("docker");
        start.useBackends(FixedBackends.moto());

        assertThatThrownBy(start::execute).isInstanceOf(LocalServerFailure.class)
                .hasMessageStartingWith("<localServer> docker: no Docker engine answers here");
    }

    @Test
    void stopWithNothingStartedSaysSoInOneLine() throws Exception {
        StopMojo stop = stop();
        cleanup = null;
        stop.execute();

        assertThat(log.lines()).containsExactly("INFO dynamo-setup:stop: no server was started by"
                + " dynamo-setup:start in this module; nothing to stop");
    }

    private static Path logFile(String backend, int port) {
        return new File(MojoExtension.getBasedir(), "target/dynamo-setup/local-server-" + backend + "-" + port
                + ".log").toPath();
    }
}
