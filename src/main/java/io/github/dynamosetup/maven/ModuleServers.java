package io.github.dynamosetup.maven;

import io.github.dynamosetup.localserver.LocalServer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The servers {@code start} runs, one per module of the build, for {@code stop} to find. Kept in the build's own
 * storage (Maven Resolver's session data, as {@link BuildResults} explains), keyed by module: under {@code -T}
 * each module starts and stops its own server, and no static field outlives the build in an mvnd daemon.
 */
final class ModuleServers {

    /** The project property the goals after {@code start} take their endpoint from. */
    static final String ENDPOINT_PROPERTY = "dynamo-setup.endpoint";
    /** The exported endpoint, for failsafe's {@code systemPropertyVariables}. */
    static final String LOCAL_ENDPOINT_PROPERTY = "dynamo-setup.localServer.endpoint";
    /** The exported port. */
    static final String LOCAL_PORT_PROPERTY = "dynamo-setup.localServer.port";

    /**
     * Set by {@code stop} to the endpoint of the server it stopped, so that a goal bound after it (such as
     * {@code validate}, in {@code verify}) fails instead of going to AWS itself; removed by {@code start}.
     */
    static final String STOPPED_PROPERTY = "dynamo-setup.localServer.stopped";

    /** The key of a module's server: a record of this realm's class, so only this plugin finds it. */
    private record Key(String groupId, String artifactId) {}

    private ModuleServers() {}

    static LocalServer of(MavenSession session, MavenProject project) {
        Object server = session.getRepositorySession().getData().get(key(project));
        return server instanceof LocalServer local ? local : null;
    }

    /** Keeps the module's server, and tells the goals after it and the tests where it is. */
    static void started(MavenSession session, MavenProject project, LocalServer server) {
        session.getRepositorySession().getData().set(key(project), server);
        String endpoint = server.endpoint().toString();
        project.getProperties().remove(STOPPED_PROPERTY);
        project.getProperties().setProperty(ENDPOINT_PROPERTY, endpoint);
        project.getProperties().setProperty(LOCAL_ENDPOINT_PROPERTY, endpoint);
        project.getProperties().setProperty(LOCAL_PORT_PROPERTY, String.valueOf(server.port()));
    }

    /** Forgets the module's server, and the properties that pointed at it. */
    static void stopped(MavenSession session, MavenProject project, LocalServer server) {
        session.getRepositorySession().getData().set(key(project), null);
        String endpoint = server.endpoint().toString();
        if (endpoint.equals(project.getProperties().getProperty(ENDPOINT_PROPERTY))) {
            project.getProperties().remove(ENDPOINT_PROPERTY);
            project.getProperties().setProperty(STOPPED_PROPERTY, endpoint);
        }
        project.getProperties().remove(LOCAL_ENDPOINT_PROPERTY);
        project.getProperties().remove(LOCAL_PORT_PROPERTY);
    }

    private static Key key(MavenProject project) {
        return new Key(project.getGroupId(), project.getArtifactId());
    }
}
