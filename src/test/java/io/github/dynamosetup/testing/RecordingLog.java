package io.github.dynamosetup.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that also keeps every INFO, WARN and ERROR line, as {@code LEVEL message}. */
public final class RecordingLog extends SystemStreamLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(CharSequence content) {
        lines.add("INFO " + content);
        super.info(content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("WARN " + content);
        super.warn(content);
    }

    @Override
    public void error(CharSequence content) {
        lines.add("ERROR " + content);
        super.error(content);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
