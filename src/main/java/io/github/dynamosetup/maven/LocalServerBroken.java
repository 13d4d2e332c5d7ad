package io.github.dynamosetup.maven;

import io.github.dynamosetup.localserver.LocalServerException;
import org.apache.maven.plugin.MojoExecutionException;

/** BUILD FAILURE of {@code start}: an installed server did not answer; the message names its output file. */
public class LocalServerBroken extends MojoExecutionException {

    public LocalServerBroken(LocalServerException broken) {
        super("dynamo-setup:start", broken.getMessage(), broken.getMessage());
    }
}
