package io.github.dynamosetup.testing;

import io.github.dynamosetup.core.ProvisioningListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the core reports, as {@code LEVEL message}, for tests of the core without Maven. */
public final class RecordingListener implements ProvisioningListener {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
