package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run is waiting for: the tables not ACTIVE yet, what they are doing and since when, and how many
 * tables are done. While anything is waited for, a line says so at a steady pace, so that a long wait is
 * never silent.
 */
final class Waiting implements AutoCloseable {

    /** How often the progress line comes while tables are waited for. */
    static final Duration INTERVAL = Duration.ofSeconds(5);
    /** Tables named in one line; the rest are counted. */
    private static final int NAMED = 5;

    /** Nothing to say: for waits outside a goal's run (tests, tools). */
    static final Waiting NONE = new Waiting(0, null, null);

    private record Entry(String state, long since) {}

    private final int total;
    private final Map<String, Entry> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService clock;

    private Waiting(int total, ProvisioningListener listener, Duration interval) {
        this.total = total;
        if (listener == null) {
            this.clock = null;
            return;
        }
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dynamo-setup-progress");
            thread.setDaemon(true);
            return thread;
        });
        clock.scheduleAtFixedRate(() -> {
            String line = line(System.nanoTime());
            if (line != null) {
                listener.info(line);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the progress line for a run over {@code total} tables. */
    static Waiting start(int total, ProvisioningListener listener) {
        return start(total, listener, INTERVAL);
    }

    static Waiting start(int total, ProvisioningListener listener, Duration interval) {
        return new Waiting(total, listener, interval);
    }

    /** {@code what} (a table, or a table's index) is seen in {@code state} and waited for. */
    void seen(String what, String state) {
        if (clock != null) {
            waiting.compute(what, (k, entry) -> new Entry(state, entry == null ? System.nanoTime() : entry.since()));
        }
    }

    /** {@code what} is no longer waited for. */
    void over(String what) {
        waiting.remove(what);
    }

    /** One more table is done with. */
    void tableDone() {
        done.incrementAndGet();
    }

    /** The progress line at {@code now}, or null when nothing is waited for. */
    String line(long now) {
        List<Map.Entry<String, Entry>> entries = waiting.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Entry> e) -> e.getValue().since())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        if (entries.isEmpty()) {
            return null;
        }
        StringBuilder line = new StringBuilder("  waiting: ").append(done.get()).append(" of ").append(total)
                .append(total == 1 ? " table done; " : " tables done; ").append(entries.size()).append(" not ACTIVE yet: ");
        for (int i = 0; i < Math.min(NAMED, entries.size()); i++) {
            Entry entry = entries.get(i).getValue();
            line.append(i == 0 ? "" : ", ").append(entries.get(i).getKey()).append(" (").append(entry.state())
                    .append(String.format(Locale.ROOT, " %d s)", Duration.ofNanos(now - entry.since()).toSeconds()));
        }
        if (entries.size() > NAMED) {
            line.append(" and ").append(entries.size() - NAMED).append(" more");
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.shutdownNow();
        }
    }
}
