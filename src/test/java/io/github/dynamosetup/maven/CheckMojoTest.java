package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.testing.MojoHarness;
import io.github.dynamosetup.testing.RecordingLog;
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

/**
 * The check goal needs no server, no endpoint and no credentials: these tests run without any (the
 * test JVM has no AWS credentials and the metadata service is off), so a connection attempt would fail.
 */
@MojoTest
class CheckMojoTest {

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Inject
    private MojoExecution mojoExecution;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void asInABuild() {
        MojoHarness.asInABuild(session, project, mojoExecution);
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/health-assistant/pom.xml")
    void aValidDeclarationPassesOfflineForTheRealAwsEndpoint(CheckMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(log.lines()).containsExactly("INFO check: 3 tables declared correctly (doctores, horarios_doctores,"
                + " user_sessions); checked offline, no AWS call made");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/invalid/pom.xml")
    void anInvalidDeclarationFailsWithEveryProblem(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("The dynamo-setup configuration is invalid (8 problems); no AWS call was made:");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/health-assistant/pom.xml")
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:99999")
    void anEndpointPortOutOfRangeIsFoundOffline(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("The dynamo-setup configuration is invalid (1 problem); no AWS call was made:")
                .hasMessageContaining("plugin configuration, <endpoint>: 'http://127.0.0.1:99999' has the port 99999;"
                        + " a port is a number from 1 to 65535");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/health-assistant/pom.xml")
    @MojoParameter(name = "endpoint", value = "http://admin:s3cr3t@127.0.0.1:8000")
    void anEndpointWithUserInfoIsRefusedWithoutPrintingIt(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("plugin configuration, <endpoint>: the URL has user info")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/health-assistant/pom.xml")
    @MojoParameter(name = "endpoint", value = "HTTP://127.0.0.1:8000/")
    void anEndpointInUpperCaseWithASlashIsFine(CheckMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(log.lines()).hasSize(1).allMatch(line -> line.startsWith("INFO check: 3 tables declared correctly"));
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/health-assistant/pom.xml")
    @MojoParameter(name = "profile", value = "nosuchprofile")
    void aChosenProfileThatIsNotDefinedIsFoundOffline(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("plugin configuration, <profile>: the profile 'nosuchprofile' is not defined in ")
                .hasMessageContaining("create it ('aws configure --profile nosuchprofile') or choose another");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/health-assistant/pom.xml")
    @MojoParameter(name = "skipCheck", value = "true")
    void checkHasItsOwnSkip(CheckMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        assertThat(log.lines()).containsExactly("INFO Skipping dynamo-setup:check (dynamo-setup.check.skip is true)");
    }
}
