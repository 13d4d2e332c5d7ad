package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ProvisioningListener;
import org.apache.maven.plugin.logging.Log;

/** Sends the core's progress to the Maven build log. */
final class MavenProvisioningListener implements ProvisioningListener {

    private final Log log;

    MavenProvisioningListener(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
