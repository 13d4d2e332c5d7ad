package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TestServer;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code delete} and {@code reset} goals through Maven's plugin harness, on the Health Assistant POM: the tables
 * deleted or emptied on the test server, the goal's skips, and the refusals on an endpoint that is not on this
 * machine ({@code dynamodb.test.invalid}, a name that never resolves: a refusal must come before any call).
 */
@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class DeleteAndResetMojoTest {

    private static final String HEALTH_ASSISTANT = "src/test/resources/unit/health-assistant/pom.xml";
    private static final String FAR_AWAY = "http://dynamodb.test.invalid:8000";

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Inject
    private MojoExecution mojoExecution;

    private final RecordingLog log = new RecordingLog();
    private DynamoDbClient server;

    @BeforeEach
    void healthAssistantTablesOnTheTestServer(TestServer testServer, DynamoDbClient server) throws Exception {
        MojoHarness.asInABuild(session, project, mojoExecution);
        session.getUserProperties().setProperty("dynamo-setup.endpoint", testServer.endpoint().toString());
        this.server = server;
        HealthAssistant.create(server, HealthAssistant.tables());
        server.putItem(r -> r.tableName("doctores").item(Map.of("doctor_id", AttributeValue.fromS("d-1"),
                "especialidad", AttributeValue.fromS("cardiologia"))));
        server.putItem(r -> r.tableName("user_sessions").item(Map.of("user_id", AttributeValue.fromS("u-1"))));
    }

    @Test
    @InjectMojo(goal = "delete", pom = HEALTH_ASSISTANT)
    void deleteDeletesTheDeclaredTablesAndSaysSo(DeleteMojo mojo) throws Exception {
        server.createTable(r -> r.tableName("not-declared").keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).billingMode("PAY_PER_REQUEST"));
        mojo.setLog(log);

        mojo.execute();

        assertThat(server.listTables().tableNames()).containsExactly("not-declared");
        assertThat(log.lines()).contains("INFO - delete  doctores", "INFO   gone    doctores");
        assertThat(log.lines()).anyMatch(l -> l.startsWith("INFO delete: 3 tables in region us-east-1 at http://")
                && l.contains(" - 3 deleted, 0 did not exist, 0 protected (left as they are) ("));
    }

    @Test
    @InjectMojo(goal = "delete", pom = HEALTH_ASSISTANT)
    void aProtectedTableFailsTheBuildNamingItAfterTheOthersAreDeleted(DeleteMojo mojo) {
        server.updateTable(r -> r.tableName("doctores").deletionProtectionEnabled(true));

        assertThatThrownBy(mojo::execute).isInstanceOf(TablesProtectedFailure.class)
                .hasMessageStartingWith("The table doctores in region us-east-1 at http://")
                .hasMessageContaining("has deletion protection, so it was not deleted; dynamo-setup never turns the"
                        + " protection off (deleted: horarios_doctores, user_sessions).");
        assertThat(server.listTables().tableNames()).containsExactly("doctores");
    }

    @Test
    @InjectMojo(goal = "delete", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "endpoint", value = FAR_AWAY)
    void deleteRefusesAnEndpointThatIsNotLocalWithoutAccountsAndPerBuildNames(DeleteMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("Refusing to delete tables in " + FAR_AWAY + " (from <endpoint>), which is not a server on"
                        + " this machine: dynamo-setup:delete deletes tables there only with <allowedAccountIds> set and"
                        + " table names made per build with a non-empty <tableNamePrefix> or <tableNameSuffix> (e.g."
                        + " <tableNamePrefix>ci-${env.BUILD_ID}-</tableNamePrefix>). Missing here: <allowedAccountIds>"
                        + " and <tableNamePrefix> or <tableNameSuffix>. Nothing was deleted.");
        assertThat(server.listTables().tableNames()).hasSize(3);
    }

    @Test
    @InjectMojo(goal = "delete", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "region", value = "eu-west-1")
    void deleteOnAwsItselfNamesTheRegionItRefuses(DeleteMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "endpoint", null);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Refusing to delete tables in AWS itself (region eu-west-1), which is not a"
                        + " server on this machine:")
                .hasMessageEndingWith("Nothing was deleted.");
        assertThat(server.listTables().tableNames()).hasSize(3);
    }

    @Test
    @InjectMojo(goal = "delete", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "allowedAccountIds", value = "123456789012")
    @MojoParameter(name = "endpoint", value = FAR_AWAY)
    void deleteWithAllowedAccountsStillRefusesTablesWithoutAPrefixOrSuffix(DeleteMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageEndingWith("Missing here: <tableNamePrefix> or <tableNameSuffix>. Nothing was deleted.");
        assertThat(server.listTables().tableNames()).hasSize(3);
    }

    @Test
    @InjectMojo(goal = "delete", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "tableNamePrefix", value = "ci-42-")
    @MojoParameter(name = "endpoint", value = FAR_AWAY)
    void deleteWithAPrefixStillRefusesWithoutAllowedAccounts(DeleteMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageEndingWith("Missing here: <allowedAccountIds>. Nothing was deleted.");
        assertThat(server.listTables().tableNames()).hasSize(3);
    }

    @Test
    @InjectMojo(goal = "delete", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "skipDelete", value = "true")
    void deleteHasItsOwnSkip(DeleteMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(log.lines()).containsExactly("INFO Skipping dynamo-setup:delete (dynamo-setup.delete.skip is true)");
        assertThat(server.listTables().tableNames()).hasSize(3);
    }

    @Test
    @InjectMojo(goal = "reset", pom = HEALTH_ASSISTANT)
    void resetEmptiesTheTablesAndKeepsThem(ResetMojo mojo) throws Exception {
        mojo.setLog(log);

        mojo.execute();

        assertThat(server.listTables().tableNames()).hasSize(3);
        assertThat(server.scan(r -> r.tableName("doctores")).count()).isZero();
        assertThat(server.scan(r -> r.tableName("user_sessions")).count()).isZero();
        assertThat(log.lines()).contains("INFO   emptied doctores (1 item deleted)",
                "INFO   emptied horarios_doctores (0 items deleted)");
        assertThat(log.lines()).anyMatch(l -> l.startsWith("INFO reset: 3 tables in region us-east-1 at http://")
                && l.contains(" - 3 emptied, 0 created again, 0 missing ("));
    }

    @Test
    @InjectMojo(goal = "reset", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "endpoint", value = FAR_AWAY)
    void resetRefusesAnEndpointThatIsNotLocalWithoutAllowedAccounts(ResetMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("Refusing to delete the items of tables in " + FAR_AWAY + " (from <endpoint>), which is"
                        + " not a server on this machine: dynamo-setup:reset empties tables there only with"
                        + " <allowedAccountIds> set to the accounts it may change. Nothing was deleted.");
        assertThat(server.scan(r -> r.tableName("doctores")).count()).isEqualTo(1);
    }

    @Test
    @InjectMojo(goal = "reset", pom = HEALTH_ASSISTANT)
    @MojoParameter(name = "skipReset", value = "true")
    void resetHasItsOwnSkip(ResetMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(log.lines()).containsExactly("INFO Skipping dynamo-setup:reset (dynamo-setup.reset.skip is true)");
        assertThat(server.scan(r -> r.tableName("doctores")).count()).isEqualTo(1);
    }
}
