package io.github.dynamosetup.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * A Maven log that also keeps every INFO, WARN and ERROR line, as {@code LEVEL message}, and the names of
 * the threads that logged.
 */
public final class RecordingLog extends SystemStreamLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Set<String> threads = new CopyOnWriteArraySet<>();

    @Override
    public void info(CharSequence content) {
        record("INFO " + content);
        super.info(content);
    }

    @Override
    public void warn(CharSequence content) {
        record("WARN " + content);
        super.warn(content);
    }

    @Override
    public void error(CharSequence content) {
        record("ERROR " + content);
        super.error(content);
    }

    private void record(String line) {
        lines.add(line);
        threads.add(Thread.currentThread().getName());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The threads that logged a line. */
    public Set<String> threads() {
        return Set.copyOf(threads);
    }
}
