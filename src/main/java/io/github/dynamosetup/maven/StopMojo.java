package io.github.dynamosetup.maven;

import io.github.dynamosetup.localserver.LocalServer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;

/**
 * Stops the server {@code start} started in this module, and waits until it is gone; with none, says so in one
 * line. Where the build fails before {@code post-integration-test}, the end of the Maven process stops it instead.
 *
 * @since 0.1.0
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractLocalServerMojo {

    @Override
    String goal() {
        return "stop";
    }

    @Override
    void run(MavenSession session, MavenProject project) {
        LocalServer server = ModuleServers.of(session, project);
        if (server == null) {
            getLog().info("dynamo-setup:stop: no server was started by dynamo-setup:start in this module;"
                    + " nothing to stop");
            return;
        }
        server.close();
        ModuleServers.stopped(session, project, server);
        getLog().info("dynamo-setup:stop: stopped " + server.description() + " at " + server.endpoint());
    }
}
