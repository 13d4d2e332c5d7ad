package io.github.dynamosetup.core;

/**
 * Receives what a run does, as {@link ProvisioningEvent}s, from whichever thread does it: the tables are
 * worked on concurrently. The tool that drives the core renders the events (the Maven layer hands them to
 * the mojo's thread and prints them with {@code report.ConsoleReport}).
 */
@FunctionalInterface
public interface ProvisioningListener {

    void on(ProvisioningEvent event);
}
