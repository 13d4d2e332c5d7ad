package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run is waiting for: the tables not ACTIVE yet, what they are doing and since when, and how many
 * tables are done. While anything is waited for, a {@link ProvisioningEvent.StillWaiting} says so at a steady
 * pace, so that a long wait is never silent.
 */
final class Waiting implements AutoCloseable {

    /** How often the progress line comes while tables are waited for. */
    static final Duration INTERVAL = Duration.ofSeconds(5);
    /** Nothing to say: for waits outside a goal's run (tests, tools). */
    static final Waiting NONE = new Waiting(0, null, null);

    private record Entry(String state, long since) {}

    private final int total;
    private final Map<String, Entry> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService clock;
    /** Held while a progress event is sent, and by {@link #close()}: no event is sent once it has returned. */
    private final Object sending = new Object();
    private boolean closed;

    private Waiting(int total, ProvisioningListener events, Duration interval) {
        this.total = total;
        if (events == null) {
            this.clock = null;
            return;
        }
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dynamo-setup-progress");
            thread.setDaemon(true);
            return thread;
        });
        clock.scheduleAtFixedRate(() -> {
            synchronized (sending) {
                ProvisioningEvent.StillWaiting status = closed ? null : status(System.nanoTime());
                if (status != null) {
                    events.on(status);
                }
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the progress events for a run over {@code total} tables. */
    static Waiting start(int total, ProvisioningListener events) {
        return start(total, events, INTERVAL);
    }

    static Waiting start(int total, ProvisioningListener events, Duration interval) {
        return new Waiting(total, events, interval);
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

    /** What is waited for at {@code now}, the longest-waiting first; null when nothing is. */
    ProvisioningEvent.StillWaiting status(long now) {
        List<ProvisioningEvent.StillWaiting.Pending> pending = waiting.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Entry> e) -> e.getValue().since())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new ProvisioningEvent.StillWaiting.Pending(e.getKey(), e.getValue().state(),
                        Duration.ofNanos(now - e.getValue().since())))
                .toList();
        return pending.isEmpty() ? null : new ProvisioningEvent.StillWaiting(done.get(), total, pending);
    }

    /**
     * Stops the progress events. Once it has returned no event comes any more, so that none follows the run's
     * summary: a tick under way finishes first, and a later one says nothing.
     */
    @Override
    public void close() {
        if (clock != null) {
            synchronized (sending) {
                closed = true;
            }
            clock.shutdownNow();
        }
    }
}
