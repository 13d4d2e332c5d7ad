package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
import io.github.dynamosetup.testing.TestServer;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@MojoTest
@ExtendWith(DynamoDbServerExtension.class)
class PlanMojoTest {

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

    @Test
    @InjectMojo(goal = "plan", pom = "src/test/resources/unit/health-assistant/pom.xml")
    void plansTableByTableAndWritesNothing(PlanMojo mojo) throws Exception {
        HealthAssistant.create(server, HealthAssistant.tables().subList(0, 2));
        server.untagResource(r -> r.resourceArn(server.describeTable(d -> d.tableName("doctores")).table().tableArn())
                .tagKeys("Environment"));
        mojo.setLog(log);

        mojo.execute();

        assertThat(log.lines()).contains(
                "INFO ~ update  doctores (tags)",
                "INFO = up to date  horarios_doctores",
                "INFO + create  user_sessions");
        assertThat(log.lines()).anyMatch(l -> l.contains(" - 1 to create, 1 to update, 1 up to date, 0 with drift"
                + " create cannot fix ("));
        assertThat(server.listTables().tableNames()).containsExactlyInAnyOrder("doctores", "horarios_doctores");
    }
}
