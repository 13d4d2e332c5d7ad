package io.github.dynamosetup.testing;

import io.github.dynamosetup.core.ProvisioningEvent;
import io.github.dynamosetup.core.ProvisioningListener;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.report.Console;
import io.github.dynamosetup.report.ConsoleReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps what the core reports, for tests of the core without Maven: its events, and the console lines they
 * render to, as {@code LEVEL message}.
 */
public final class RecordingListener implements ProvisioningListener {

    private final List<ProvisioningEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ConsoleReport console = new ConsoleReport(new Console() {
        @Override
        public void info(String line) {
            lines.add("INFO " + line);
        }

        @Override
        public void warn(String line) {
            lines.add("WARN " + line);
        }

        @Override
        public void debug(String line) {
            lines.add("DEBUG " + line);
        }
    }, MavenRemedies.INSTANCE);

    @Override
    public synchronized void on(ProvisioningEvent event) {
        events.add(event);
        console.on(event);
    }

    public List<ProvisioningEvent> events() {
        return List.copyOf(events);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
