package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dynamosetup.testing.AwsBehaviour;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.Gate;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TableSnapshot;
import io.github.dynamosetup.testing.TestServer;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two modules of one build run a goal on the same tables: the first does the AWS work, the second reuses its
 * result, with no AWS call of its own; any difference in tables, connection, goal or options, a failed first run,
 * or reuse turned off, and the second runs the goal itself. Harness mojos of two modules in one session, against
 * the test server behind the behaviour layer, which counts every call.
 */
@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class ReuseWithinBuildMojoTest {

    private static final String HEALTH_ASSISTANT = "src/test/resources/unit/health-assistant/pom.xml";

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Inject
    private MojoExecution mojoExecution;

    @TempDir
    Path build;

    private final RecordingLog moduleALog = new RecordingLog();
    private final RecordingLog moduleBLog = new RecordingLog();
    private TestServer testServer;
    private DynamoDbClient server;
    private AwsBehaviour aws;

    @BeforeEach
    void pointAtTheTestServerThroughACountingLayer(TestServer testServer, DynamoDbClient server) {
        MojoHarness.asInABuild(session, project, mojoExecution);
        this.testServer = testServer;
        this.server = server;
        aws = AwsBehaviour.inFrontOf(testServer.endpoint());
        session.getUserProperties().setProperty("dynamo-setup.endpoint", aws.endpoint().toString());
    }

    @AfterEach
    void closeTheLayer() {
        aws.close();
    }

    private static String reuseLine(String goal) {
        return "INFO dynamo-setup:" + goal + " reuses the result of module module-a in this build (same tables,"
                + " connection and options): no AWS call made here. To run it in every module, set"
                + " -Ddynamo-setup.reuseWithinBuild=false";
    }

    /** The harness's project is module-a; its report goes to a directory of its own. */
    private <T extends AbstractProvisioningMojo> T moduleA(T mojo) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, "reportDirectory", reportDirectory("module-a"));
        mojo.setLog(moduleALog);
        return mojo;
    }

    /** Makes {@code mojo} the execution of another module of the same build, module-b. */
    private <T extends AbstractProvisioningMojo> T moduleB(T mojo) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, "project", MojoHarness.module("module-b"));
        MojoExtension.setVariableValueToObject(mojo, "reportDirectory", reportDirectory("module-b"));
        mojo.setLog(moduleBLog);
        return mojo;
    }

    private static File reportDirectory(String module) {
        return new File(MojoExtension.getBasedir(), "target/reuse-within-build/" + module);
    }

    private static JsonNode report(String module, String goal) throws Exception {
        return new ObjectMapper().readTree(new File(reportDirectory(module), goal + "-report.json"));
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void aModuleAfterTheFirstReusesItsCreateWithoutAnyAwsCall(CreateMojo first, CreateMojo second) throws Exception {
        moduleA(first).execute();
        int callsOfModuleA = aws.calls();
        moduleB(second).execute();

        assertThat(aws.calls()).as("AWS calls once module-b has run").isEqualTo(callsOfModuleA);
        assertThat(moduleBLog.lines()).containsExactly(reuseLine("create"));
        HealthAssistant.expected(HealthAssistant.TAGS)
                .forEach((table, expected) -> assertThat(TableSnapshot.read(server, table)).as(table).isEqualTo(expected));
        JsonNode reused = report("module-b", "create");
        assertThat(reused.get("reusedFrom").asText()).isEqualTo("module-a");
        JsonNode rest = ((ObjectNode) reused).without("reusedFrom");
        assertThat(rest).as("the rest of the report").isEqualTo(report("module-a", "create"));
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void aModuleThatReusesCreateExportsTheTablesToItsOwnProject(CreateMojo first, CreateMojo second)
            throws Exception {
        moduleA(first).execute();
        moduleB(second).execute();

        MavenProject moduleB = (MavenProject) MojoExtension.getVariableValueFromObject(second, "project");
        assertThat(moduleB.getProperties().getProperty("dynamo-setup.table.user_sessions.arn"))
                .isEqualTo(server.describeTable(r -> r.tableName("user_sessions")).table().tableArn());
        assertThat(moduleB.getProperties().getProperty("dynamo-setup.table.doctores.name")).isEqualTo("doctores");
    }

    @Test
    @InjectMojo(goal = "validate", pom = HEALTH_ASSISTANT)
    void aModuleAfterTheFirstReusesItsValidateWithoutAnyAwsCall(ValidateMojo first, ValidateMojo second)
            throws Exception {
        HealthAssistant.create(server, HealthAssistant.tables());
        moduleA(first).execute();
        int callsOfModuleA = aws.calls();
        moduleB(second).execute();

        assertThat(aws.calls()).as("AWS calls once module-b has run").isEqualTo(callsOfModuleA);
        assertThat(moduleBLog.lines()).containsExactly(reuseLine("validate"));
        assertThat(report("module-b", "validate").get("tables").findValuesAsText("outcome"))
                .containsExactly("up-to-date", "up-to-date", "up-to-date");
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void theSameTablesReadFromOtherFilesAreTheSameWork(CreateMojo first, CreateMojo second) throws Exception {
        String orders = "{\"TableName\": \"orders\", \"BillingMode\": \"PAY_PER_REQUEST\","
                + " \"AttributeDefinitions\": [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}],"
                + " \"KeySchema\": [{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}]}";
        declareInFile(moduleA(first), build.resolve("module-a"), "src/main/dynamodb/orders.json", orders);
        declareInFile(moduleB(second), build.resolve("module-b"), "tables/orders.json", orders);

        first.execute();
        int callsOfModuleA = aws.calls();
        second.execute();

        assertThat(aws.calls()).as("AWS calls once module-b has run").isEqualTo(callsOfModuleA);
        assertThat(moduleBLog.lines()).containsExactly(reuseLine("create"));
        assertThat(server.listTables().tableNames()).containsExactly("orders");
    }

    /** Declares the module's tables in one table file of its own directory, and none in the POM. */
    private static void declareInFile(CreateMojo mojo, Path module, String file, String json) throws Exception {
        Files.createDirectories(module.resolve(file).getParent());
        Files.writeString(module.resolve(file), json);
        MojoExtension.setVariableValueToObject(mojo, "basedir", module.toFile());
        MojoExtension.setVariableValueToObject(mojo, "tables", new ArrayList<>());
        MojoExtension.setVariableValueToObject(mojo, "tableFiles", new ArrayList<>(List.of(file)));
    }

    /** Runs module-a's execution, then module-b's, which runs the goal itself: it calls AWS and reuses nothing. */
    private void assertModuleBRunsItsOwn(AbstractProvisioningMojo first, AbstractProvisioningMojo second)
            throws Exception {
        moduleA(first).execute();
        int callsOfModuleA = aws.calls();
        second.execute();

        assertThat(aws.calls()).as("AWS calls once module-b has run").isGreaterThan(callsOfModuleA);
        assertThat(moduleBLog.lines()).noneMatch(line -> line.contains(" reuses the result of "));
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void otherTablesAreAnotherRun(CreateMojo first, CreateMojo second) throws Exception {
        MojoExtension.setVariableValueToObject(moduleB(second), "tableNamePrefix", "b-");

        assertModuleBRunsItsOwn(first, second);
        assertThat(moduleBLog.lines()).contains("INFO + create  b-doctores");
        assertThat(server.listTables().tableNames()).contains("b-doctores", "b-horarios_doctores", "b-user_sessions");
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void anotherEndpointIsAnotherRun(CreateMojo first, CreateMojo second) throws Exception {
        moduleA(first).execute();
        int callsOfModuleA = aws.calls();
        MojoExtension.setVariableValueToObject(moduleB(second), "endpoint", testServer.endpoint().toString());
        second.execute();

        assertThat(aws.calls()).as("module-b talks to the server directly").isEqualTo(callsOfModuleA);
        assertThat(moduleBLog.lines()).contains("INFO = up to date  doctores").doesNotContain(reuseLine("create"));
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void otherOptionsAreAnotherRun(CreateMojo first, CreateMojo second) throws Exception {
        MojoExtension.setVariableValueToObject(moduleB(second), "failOnDrift", false);

        assertModuleBRunsItsOwn(first, second);
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void aValidateDoesNotReuseACreate(CreateMojo first) throws Exception {
        assertModuleBRunsItsOwn(first, moduleB(validateConfiguredAs(first)));
        assertThat(moduleBLog.lines()).anyMatch(line -> line.startsWith("INFO validate: 3 tables in region us-east-1"));
    }

    /**
     * A validate of the build configured like {@code create}: the harness injects one goal per test, so the
     * parameters the goals share are copied, and validate's own take their defaults.
     */
    private ValidateMojo validateConfiguredAs(CreateMojo create) throws Exception {
        ValidateMojo validate = new ValidateMojo(null);
        for (Class<?> type : List.of(AbstractDynamoSetupMojo.class, AbstractProvisioningMojo.class)) {
            for (Field field : type.getDeclaredFields()) {
                field.setAccessible(true);
                field.set(validate, field.get(create));
            }
        }
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal("validate");
        descriptor.setPluginDescriptor(mojoExecution.getMojoDescriptor().getPluginDescriptor());
        MojoExecution execution = new MojoExecution(descriptor);
        execution.setConfiguration(new Xpp3Dom("configuration"));
        MojoExtension.setVariableValueToObject(validate, "mojoExecution", execution);
        MojoExtension.setVariableValueToObject(validate, "failOnDrift", true);
        MojoExtension.setVariableValueToObject(validate, "reuseWithinBuild", true);
        return validate;
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void reuseTurnedOffIsAnotherRun(CreateMojo first, CreateMojo second) throws Exception {
        MojoExtension.setVariableValueToObject(moduleB(second), "reuseWithinBuild", false);

        assertModuleBRunsItsOwn(first, second);
        assertThat(moduleBLog.lines()).contains("INFO = up to date  doctores");
    }

    @Test
    @InjectMojo(goal = "validate", pom = HEALTH_ASSISTANT)
    void aFailedFirstRunLeavesTheNextModuleToRunItself(ValidateMojo first, ValidateMojo second) throws Exception {
        assertThatThrownBy(moduleA(first)::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("doctores: missing");
        HealthAssistant.create(server, HealthAssistant.tables());
        int callsOfModuleA = aws.calls();
        moduleB(second).execute();

        assertThat(aws.calls()).as("AWS calls once module-b has run").isGreaterThan(callsOfModuleA);
        assertThat(moduleBLog.lines()).contains("INFO = up to date  doctores").doesNotContain(reuseLine("validate"));
        assertThat(report("module-b", "validate").has("reusedFrom")).isFalse();
    }

    @Test
    @InjectMojo(goal = "create", pom = HEALTH_ASSISTANT)
    void aModuleArrivingWhileTheFirstWorksWaitsForItAndReusesItsResult(CreateMojo first, CreateMojo second)
            throws Exception {
        CountDownLatch moduleAWorks = new CountDownLatch(1);
        Gate moduleAMayGoOn = new Gate();
        aws.onceBefore("DescribeTable", () -> {
            moduleAWorks.countDown();
            moduleAMayGoOn.pass();
        });
        FutureTask<Void> moduleA = execution(moduleA(first));
        new Thread(moduleA, "module-a").start();
        assertThat(moduleAWorks.await(30, TimeUnit.SECONDS)).as("module-a reads the tables").isTrue();

        FutureTask<Void> moduleB = execution(moduleB(second));
        Thread moduleBThread = new Thread(moduleB, "module-b");
        moduleBThread.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (moduleBThread.getState() != Thread.State.WAITING && !moduleB.isDone() && System.nanoTime() < until) {
            Thread.sleep(1); // a thread's state has no notification: poll until module-b waits, bounded above
        }
        assertThat(moduleBThread.getState()).as("module-b waits for module-a's run").isEqualTo(Thread.State.WAITING);
        moduleAMayGoOn.open();
        moduleA.get(60, TimeUnit.SECONDS);
        moduleB.get(60, TimeUnit.SECONDS);

        assertThat(aws.calls("CreateTable")).as("each table created once").isEqualTo(3);
        assertThat(moduleALog.lines()).contains("INFO + create  doctores");
        assertThat(moduleBLog.lines()).containsExactly(reuseLine("create"));
    }

    private static FutureTask<Void> execution(AbstractProvisioningMojo mojo) {
        return new FutureTask<>(() -> {
            mojo.execute();
            return null;
        });
    }
}
