package io.github.dynamosetup.core;

/** Receives what the core has to say about a run; the Maven layer sends it to the build log. */
public interface ProvisioningListener {

    void info(String message);

    void warn(String message);

    void debug(String message);
}
