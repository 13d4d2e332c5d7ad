package io.github.dynamosetup.maven;

import io.github.dynamosetup.localserver.Backend;
import io.github.dynamosetup.localserver.Backends;
import io.github.dynamosetup.localserver.LocalServer;
import io.github.dynamosetup.localserver.LocalServerException;
import io.github.dynamosetup.localserver.LocalServers;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Starts a DynamoDB-compatible server on a free loopback port for this module's integration tests, and waits until
 * it answers. The goals after it in the build use it: it sets the project property {@code dynamo-setup.endpoint}
 * (an {@code <endpoint>} in the POM, or {@code -Ddynamo-setup.endpoint}, still wins), and exports
 * {@code dynamo-setup.localServer.endpoint} and {@code dynamo-setup.localServer.port} for failsafe's
 * {@code systemPropertyVariables}. {@code stop} stops it; so does the end of the Maven process, whatever happens
 * to the build (a JVM shutdown hook). Under {@code -T} each module has its own server.
 *
 * @since 0.1.0
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractLocalServerMojo {

    /**
     * Which server: {@code auto} (a Docker container through Testcontainers when a Docker engine answers, else moto
     * when {@code python3} can import {@code moto.server}, else dynalite when Node.js and dynalite are found),
     * {@code docker} (the image {@code localServerImage}), {@code moto} ({@code python3 -m moto.server}; install it
     * with {@code pip install 'moto[server]'}) or {@code dynalite} (see {@code dynalitePath}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.localServer", defaultValue = "auto")
    private String localServer;

    /**
     * The Docker image of {@code docker}: by default moto's, pinned. Users may name DynamoDB Local
     * ({@code amazon/dynamodb-local:<version>}) or LocalStack themselves.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.localServerImage", defaultValue = LocalServers.DEFAULT_IMAGE)
    private String localServerImage;

    /**
     * The port the image's server listens on inside the container. Unset: 8000 for an image named
     * {@code dynamodb-local}, 4566 for {@code localstack}, else 5000 (moto).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.localServerImagePort")
    private Integer localServerImagePort;

    /**
     * Where dynalite is: its {@code cli.js}, or a folder in which {@code npm install dynalite} ran; it runs with
     * {@code node}. Unset: a {@code dynalite} command on the {@code PATH} ({@code npm install -g dynalite}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.dynalitePath")
    private File dynalitePath;

    /** This machine's backends, unless a test gives others. */
    private Backends backends;

    @Override
    String goal() {
        return "start";
    }

    @Override
    void run(MavenSession session, MavenProject project) throws MojoExecutionException, MojoFailureException {
        LocalServer running = ModuleServers.of(session, project);
        if (running != null) {
            getLog().info("dynamo-setup:start: " + running.description() + " already runs at " + running.endpoint()
                    + " for this module");
            ModuleServers.started(session, project, running);
            return;
        }
        Backends here = backends != null ? backends
                : Backends.ofThisMachine(dynalitePath == null ? null : dynalitePath.toPath(), System.getenv());
        Path logDirectory = Path.of(project.getBuild().getDirectory(), "dynamo-setup");
        try {
            Backend backend = choose(here);
            LocalServer server = LocalServers.start(backend, new LocalServers.Settings(localServerImage,
                    localServerImagePort, here, logDirectory));
            ModuleServers.started(session, project, server);
            getLog().info("dynamo-setup:start: " + server.description() + " answers at " + server.endpoint()
                    + (server.log() == null ? "" : " (output in " + server.log() + ")")
                    + "; the goals after it use it (dynamo-setup.endpoint), tests read it from "
                    + ModuleServers.LOCAL_ENDPOINT_PROPERTY);
        } catch (LocalServerException e) {
            if (e.unavailable()) {
                throw LocalServerFailure.of(e);
            }
            throw new LocalServerBroken(e);
        }
    }

    private Backend choose(Backends here) throws LocalServerException, LocalServerFailure {
        String value = localServer == null ? "auto" : localServer.trim();
        if (value.equalsIgnoreCase("auto")) {
            Backend chosen = here.auto();
            getLog().info("dynamo-setup:start: <localServer> auto chose " + chosen.value());
            return chosen;
        }
        Backend backend = Backend.of(value).orElseThrow(() -> new LocalServerFailure("<localServer> '" + value
                + "' is not one of auto, docker, moto, dynalite"));
        if (backend == Backend.DOCKER && !here.dockerAnswers()) {
            throw new LocalServerFailure("<localServer> docker: no Docker engine answers here; start one, or choose"
                    + " moto or dynalite (-Ddynamo-setup.localServer=auto takes what is installed)");
        }
        if (backend == Backend.MOTO && !here.motoRuns()) {
            throw new LocalServerFailure("<localServer> moto: python3 cannot import moto.server here; install it with"
                    + " pip install 'moto[server]', or choose another server (-Ddynamo-setup.localServer=auto takes"
                    + " what is installed)");
        }
        return backend;
    }

    /** For tests: backends other than this machine's. */
    void useBackends(Backends backends) {
        this.backends = backends;
    }
}
