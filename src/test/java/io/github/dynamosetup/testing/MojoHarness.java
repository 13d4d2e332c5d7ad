package io.github.dynamosetup.testing;

import static org.mockito.Mockito.lenient;

import java.io.File;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/**
 * Makes the maven-plugin-testing-harness's mock project and execution answer what Maven's own do, so that
 * the mojos need no allowance for a harness: the execution names its goal (Maven's {@code MojoExecution}
 * takes it from the mojo descriptor, which the harness sets), and the project has a build directory
 * ({@code target} of the test's basedir) for {@code ${project.build.directory}}.
 */
public final class MojoHarness {

    private MojoHarness() {}

    /** Call from {@code @BeforeEach}: the harness configures the mojo after it, when the test asks for it. */
    public static void asInABuild(MavenProject project, MojoExecution execution) {
        lenient().when(execution.getGoal()).thenAnswer(call -> execution.getMojoDescriptor().getGoal());
        Build build = new Build();
        build.setDirectory(new File(MojoExtension.getBasedir(), "target").getPath());
        lenient().when(project.getBuild()).thenReturn(build);
    }
}
