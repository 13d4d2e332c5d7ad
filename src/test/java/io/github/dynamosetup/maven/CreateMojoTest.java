package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.MavenSettings;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The create goal through maven-plugin-testing-harness against the test server: what it creates and exports,
 * how it treats existing tables and invalid parameters.
 *
 * <p>Over 300 lines: one class for the goal users run most, one test per behaviour of its parameters.
 */
@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class CreateMojoTest {

    private static final String HEALTH_ASSISTANT = "src/test/resources/unit/health-assistant/pom.xml";

    @Inject
    private MavenSession session;

    @Inject
    private MojoExecution mojoExecution;

    @Inject
    private MavenProject project;

    private final RecordingLog log = new RecordingLog();
    private TestServer testServer;
    private DynamoDbClient server;

    @BeforeEach
    void pointAtTheTestServer(TestServer testServer, DynamoDbClient server) {
        this.testServer = testServer;
        MojoHarness.asInABuild(session, project, mojoExecution);
        session.getUserProperties().setProperty("dynamo-setup.endpoint", testServer.endpoint().toString());
        this.server = server;
        // the harness reads ${settings} from the session when it injects the mojo, after this method
        when(session.getSettings()).thenReturn(MavenSettings.withServerCredentials());
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void createsTheHealthAssistantTablesAsDeclaredInThePom(CreateMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        HealthAssistant.expected(Map.of("Application", "HealthAssistantAPI", "Environment", "test"))
                .forEach((table, expected) -> assertThat(TableSnapshot.read(server, table)).as(table).isEqualTo(expected));
        assertThat(log.lines()).contains("INFO No AWS credentials found; using dummy credentials for the local endpoint "
                + session.getUserProperties().getProperty("dynamo-setup.endpoint"));
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void everyLineIsLoggedFromTheMojosThread(CreateMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(log.lines()).contains("INFO + create  doctores", "INFO   ttl     user_sessions (enabled on 'ttl')");
        assertThat(log.threads()).as("Maven 4, mvnd and -T keep a module's lines together only from its thread")
                .containsExactly(Thread.currentThread().getName());
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void aSecondRunLeavesEveryTableAsItIs(CreateMojo mojo) throws Exception {
        mojo.execute();
        mojo.setLog(log);
        mojo.execute();

        assertThat(log.lines()).contains(
                "INFO = up to date  doctores",
                "INFO = up to date  horarios_doctores",
                "INFO = up to date  user_sessions");
        assertThat(log.lines()).noneMatch(l -> l.contains("+ create"));
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "tableNamePrefix", value = "dev-")
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/export")
    void exportsEachTablesRealNameAndArnsAndWritesTheReport(CreateMojo mojo) throws Exception {
        mojo.execute();

        Properties properties = project.getProperties();
        assertThat(properties.getProperty("dynamo-setup.table.user_sessions.name")).isEqualTo("dev-user_sessions");
        assertThat(properties.getProperty("dynamo-setup.table.user_sessions.arn"))
                .isEqualTo(server.describeTable(r -> r.tableName("dev-user_sessions")).table().tableArn());
        assertThat(properties.getProperty("dynamo-setup.table.doctores.arn")).endsWith(":table/dev-doctores");
        assertThat(properties.getProperty("dynamo-setup.table.doctores.streamArn")).isNull();
        Path report = Path.of(MojoExtension.getBasedir(), "target/dynamo-setup-test/export/create-report.json");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("goal").asText()).isEqualTo("create");
        assertThat(json.get("tables")).hasSize(3);
        assertThat(json.get("tables").get(2).get("name").asText()).isEqualTo("dev-user_sessions");
        assertThat(json.get("tables").get(2).get("outcome").asText()).isEqualTo("created");
        assertThat(json.get("tables").get(2).get("actions").toString()).isEqualTo("[\"create\",\"ttl\"]");
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "reportDirectory", value = "target/dynamo-setup-test/dry-run")
    void aDryRunPlansAndWritesNothing(CreateMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(server.listTables().tableNames()).isEmpty();
        assertThat(log.lines()).contains("INFO + create  doctores");
        assertThat(log.lines()).anyMatch(l -> l.contains("plan: 3 tables in region us-east-1 at http://127.0.0.1:")
                && l.contains(" - 3 to create, 0 to update, 0 up to date, 0 with drift create cannot fix ("));
        assertThat(Path.of(MojoExtension.getBasedir(), "target/dynamo-setup-test/dry-run/plan-report.json"))
                .exists();
        assertThat(project.getProperties().getProperty("dynamo-setup.table.doctores.name")).isNull();
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "maxConcurrency", value = "0")
    void aConcurrencyBelowOneIsAConfigurationMistake(CreateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("The dynamo-setup configuration is invalid: <maxConcurrency> is 0; give a number of tables"
                        + " of at least 1 (default 250)");
        assertThat(server.listTables().tableNames()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "allowedAccountIds", value = "111111111111,222222222222")
    void refusesToWriteIntoAnAccountThatIsNotAllowed(CreateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Refusing to write: the credentials belong to AWS account 123456789012, which"
                        + " <allowedAccountIds> (111111111111, 222222222222) does not list. Nothing was written. Use"
                        + " the credentials of an allowed account (<profile>, <serverId> or the environment), or add"
                        + " 123456789012 to <allowedAccountIds>.");
        assertThat(server.listTables().tableNames()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "allowedAccountIds", value = "123456789012")
    void writesIntoAnAllowedAccount(CreateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(server.listTables().tableNames()).hasSize(3);
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "skip", value = "true")
    void skipCreatesNothingAndSaysWhy(CreateMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(server.listTables().tableNames()).isEmpty();
        assertThat(log.lines()).containsExactly("INFO Skipping dynamo-setup:create (dynamo-setup.skip is true)");
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "skipCreate", value = "true")
    void theGoalsOwnSkipCreatesNothing(CreateMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(server.listTables().tableNames()).isEmpty();
        assertThat(log.lines()).containsExactly("INFO Skipping dynamo-setup:create (dynamo-setup.create.skip is true)");
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "region", value = "eu-west-1")
    void theRegionParameterChoosesWhereTablesGo(CreateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(server.listTables().tableNames()).isEmpty();
        try (DynamoDbClient ireland = testServer.client("eu-west-1")) {
            assertThat(ireland.listTables().tableNames())
                    .containsExactlyInAnyOrder("doctores", "horarios_doctores", "user_sessions");
        }
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "tableNamePrefix", value = "dev-")
    @MojoParameter(name = "tableNameSuffix", value = ".v2")
    void prefixAndSuffixApplyToEveryTable(CreateMojo mojo) throws Exception {
        mojo.execute();

        assertThat(server.listTables().tableNames())
                .containsExactlyInAnyOrder("dev-doctores.v2", "dev-horarios_doctores.v2", "dev-user_sessions.v2");
    }

    @Test
    @InjectMojo(goal = "create", pom = "src/test/resources/unit/invalid/pom.xml")
    void anInvalidConfigurationFailsWithEveryProblemAndCreatesNothing(CreateMojo mojo) {
        // the harness resolves the unset ${env...} of the global tag to nothing; real Maven keeps it (see src/it)
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("The dynamo-setup configuration is invalid (8 problems); no AWS call was made:\n"
                        + "  - plugin configuration, <tags><Environment>: the tag value is empty; give it a value (for an"
                        + " environment variable, make sure it is set) or remove the tag\n"
                        + "  - table 'doctores', <partitionKey>: 'doctor_id:BOOL' has the key type 'BOOL', but DynamoDB"
                        + " keys are S (string), N (number) or B (binary); write it as doctor_id:S, doctor_id:N or"
                        + " doctor_id:B\n"
                        + "  - table 'doctores', <globalSecondaryIndex> 'especialidad-index' <projection>: 'SOME' is not"
                        + " one of ALL, KEYS_ONLY, INCLUDE\n"
                        + "  - table 'doctores', <globalSecondaryIndex> 'especialidad-index' <partitionKey>: missing;"
                        + " every global secondary index needs a partition key\n"
                        + "  - table #2 (no name), <name>: missing; give the table a name\n"
                        + "  - table 'doctores', <name>: declared twice, at <tables> #1 and at <tables> #3; remove one or"
                        + " give them different names\n"
                        + "  - table 'doctores', <readCapacity>/<writeCapacity>: missing; with PROVISIONED billing every"
                        + " table needs both read and write capacity units\n"
                        + "  - table 'ok_table', <readCapacity>/<writeCapacity>: read/write capacity is only for"
                        + " PROVISIONED billing; remove it or set the billing mode to PROVISIONED");
        assertThat(server.listTables().tableNames()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "endpoint", value = "localhost:8000")
    @MojoParameter(name = "timeout", value = "ten minutes")
    void badConnectionParametersAreConfigurationProblemsToo(CreateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("plugin configuration, <timeout>: 'ten minutes' is not a positive ISO-8601"
                        + " duration; write e.g. PT10M (10 minutes) or PT90S")
                .hasMessageContaining("plugin configuration, <endpoint>: 'localhost:8000' does not start with http:// or"
                        + " https://; write e.g. http://localhost:8000");
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:99999")
    void anEndpointPortOutOfRangeIsAConfigurationProblemNotACrash(CreateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("The dynamo-setup configuration is invalid (1 problem); no AWS call was made:")
                .hasMessageContaining("plugin configuration, <endpoint>: 'http://127.0.0.1:99999' has the port 99999;"
                        + " a port is a number from 1 to 65535");
        assertThat(server.listTables().tableNames()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "create", pom = "src/test/resources/unit/server-credentials/pom.xml")
    @MojoParameter(name = "serverId", value = "aws-prod")
    void anUnknownServerIdIsAConfigurationProblem(CreateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("plugin configuration, <serverId>: settings.xml has no <server> with"
                        + " <id>aws-prod</id>; add one whose <username> is the access key id and whose <password> is"
                        + " the secret access key");
        assertThat(server.listTables().tableNames()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "create", pom = "src/test/resources/unit/server-credentials/pom.xml")
    void credentialsComeFromTheSettingsServer(CreateMojo mojo) throws Exception {
        mojo.setLog(log);

        mojo.execute();

        assertThat(server.listTables().tableNames()).containsExactlyInAnyOrder("user_sessions");
        assertThat(log.lines()).noneMatch(l -> l.contains("dummy credentials"));
        assertThat(log.lines()).noneMatch(l -> l.contains("secret-from-settings"));
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:1")
    @MojoParameter(name = "timeout", value = "PT5S")
    void anUnreachableServerIsABuildErrorNamingTableAndFix(CreateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("SdkClientException from DescribeTable on table 'doctores': ")
                .hasMessageContaining("Check <region>/<endpoint> and the network");
    }
}
