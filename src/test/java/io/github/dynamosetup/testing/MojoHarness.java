package io.github.dynamosetup.testing;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.io.File;
import java.util.Properties;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;

/**
 * Makes the maven-plugin-testing-harness's mock session, project and execution answer what Maven's own do, so
 * that the mojos need no allowance for a harness: the execution names its goal (Maven's {@code MojoExecution}
 * takes it from the mojo descriptor, which the harness sets) and has a configuration (empty: the harness
 * injects the test POM's own, in which Maven would have left no {@code ${...}}), the session has settings
 * (none in them) and a repository session whose data lasts as long as the test (one build), and the project
 * has coordinates ({@code example:module-a}), properties and a build directory ({@code target} of the test's
 * basedir) for {@code ${project.build.directory}}.
 */
public final class MojoHarness {

    private MojoHarness() {}

    /** Call from {@code @BeforeEach}: the harness configures the mojo after it, when the test asks for it. */
    public static void asInABuild(MavenSession session, MavenProject project, MojoExecution execution) {
        lenient().when(execution.getGoal()).thenAnswer(call -> execution.getMojoDescriptor().getGoal());
        lenient().when(execution.getConfiguration()).thenReturn(new Xpp3Dom("configuration"));
        lenient().when(session.getSettings()).thenReturn(new Settings());
        lenient().when(session.getRepositorySession()).thenReturn(new DefaultRepositorySystemSession());
        asModule(project, "module-a");
    }

    /** Another module of the same build, {@code example:<artifactId>}, as {@link #asInABuild} makes the first. */
    public static MavenProject module(String artifactId) {
        return asModule(mock(MavenProject.class), artifactId);
    }

    private static MavenProject asModule(MavenProject project, String artifactId) {
        lenient().when(project.getGroupId()).thenReturn("example");
        lenient().when(project.getArtifactId()).thenReturn(artifactId);
        lenient().when(project.getProperties()).thenReturn(new Properties());
        Build build = new Build();
        build.setDirectory(new File(MojoExtension.getBasedir(), "target").getPath());
        lenient().when(project.getBuild()).thenReturn(build);
        return project;
    }
}
