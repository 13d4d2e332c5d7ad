package io.github.dynamosetup.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code start} and {@code stop} share: they need no tables and no connection, only the module
 * ({@link ModuleServers}) and the global skip; what nothing expected escapes as a sentence, never a raw exception.
 */
public abstract class AbstractLocalServerMojo extends AbstractMojo {

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dynamo-setup.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping dynamo-setup:" + goal() + " (dynamo-setup.skip is true)");
            return;
        }
        try {
            run(session, project);
        } catch (RuntimeException e) {
            throw new UnexpectedFailure(goal(), e);
        }
    }

    /** The goal's name. */
    abstract String goal();

    /** Does the goal's work in {@code project}. */
    abstract void run(MavenSession session, MavenProject project) throws MojoExecutionException,
            MojoFailureException;
}
