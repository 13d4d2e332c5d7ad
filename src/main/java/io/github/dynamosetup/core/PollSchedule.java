package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * When the waits of one run poll DescribeTable. A wait of unknown length polls every twentieth of its age
 * (at least 0.1 s, at most 0.5 s apart, with half jitter), so that a table is seen ACTIVE at most about 5 %
 * later than it became so, whether that takes 2 s or 20 s. Tables a run creates together become ACTIVE after
 * similar intervals: once one of them has, the run expects the others after as long, counted from their own
 * CreateTable, and polls each of them first at that moment instead of all along. Until one has, only the first
 * {@value #SCOUTS} tables of a kind poll; the others, created after them, listen for what the first ones learn
 * for up to {@link #PATIENCE} (about how long a table without indexes is CREATING on AWS), so that 200 new
 * tables make about 200 polls where they made 1,000 (measured: a cold Maven JVM spent most of its CPU on
 * them). All the waits of a run
 * together poll at most {@value #POLLS_PER_SECOND} times a second (250 tables, the default bound on tables in
 * work, each polled every 0.5 s), a fifth of the 2,500 control-plane requests a second beyond which DynamoDB
 * throttles ("Best practices for managing the control plane in DynamoDB",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-control-plane.html): few tables are
 * polled often, many tables share the same rate.
 */
final class PollSchedule {

    /** The shortest time between two polls of one wait, before jitter. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    /** The longest time between two polls of one wait: a stop or the deadline is noticed within it. */
    static final Duration MAX_INTERVAL = Duration.ofMillis(500);
    /** A wait polls every this much of its age: it sees ACTIVE at most this share of its length late. */
    static final double SHARE_OF_AGE = 0.05;
    /** How many waits of a kind poll before one of the kind has ended: the first ones started. */
    static final int SCOUTS = 3;
    /** How long the other waits of a kind listen for the first ones' length before they poll themselves. */
    static final Duration PATIENCE = Duration.ofSeconds(3);
    /** How often a listening wait looks whether the first ones' length is known: no call, a look at a map. */
    static final Duration LISTEN_INTERVAL = Duration.ofMillis(50);
    /** The most DescribeTable calls the waits of one run make in a second, all together. */
    static final int POLLS_PER_SECOND = 500;

    private static final long SLOT_NANOS = Duration.ofMillis(10).toNanos();
    private static final int POLLS_PER_SLOT = (int) (POLLS_PER_SECOND * SLOT_NANOS / 1_000_000_000L);

    private final LongSupplier clock;
    /** By kind of wait: the shortest time a wait of that kind took in this run, in nanoseconds. */
    private final Map<String, Long> expected = new ConcurrentHashMap<>();
    /** By kind of wait: how many waits of that kind have started in this run. */
    private final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();
    /** Polls booked per 10 ms slot of the clock, from now on. */
    private final TreeMap<Long, Integer> booked = new TreeMap<>();

    PollSchedule() {
        this(System::nanoTime);
    }

    /** A schedule on {@code clock}'s time, in nanoseconds: {@link System#nanoTime()} but in its own tests. */
    PollSchedule(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * A wait starting now.
     *
     * @param kind what is waited for, among the run's waits that take similar times (tables this run created,
     *     with or without secondary indexes); null when the wait says nothing about the others
     */
    Wait start(String kind) {
        boolean scout = kind == null || started.computeIfAbsent(kind, k -> new AtomicInteger()).getAndIncrement() < SCOUTS;
        return new Wait(kind, clock.getAsLong(), scout);
    }

    /** One wait: when it polls, and what its length teaches the run's other waits of its kind. */
    final class Wait implements BackoffStrategy {

        private final String kind;
        private final long start;
        private final boolean scout;

        private Wait(String kind, long start, boolean scout) {
            this.kind = kind;
            this.start = start;
            this.scout = scout;
        }

        /**
         * Whether the wait should not poll yet, but listen ({@link #LISTEN_INTERVAL} at a time) for how long the
         * first waits of its kind take: it is not one of them, none has ended, and it has listened for less than
         * {@link #PATIENCE}.
         */
        boolean listening() {
            return !scout && !expected.containsKey(kind) && clock.getAsLong() - start < PATIENCE.toNanos();
        }

        /**
         * How long to wait before the first poll: until the moment a wait of this kind has ended so far in this
         * run, or a first interval when none has.
         */
        Duration first() {
            long now = clock.getAsLong();
            Long known = kind == null ? null : expected.get(kind);
            long at = known != null ? start + known : now + jittered(MIN_INTERVAL.toNanos());
            return Duration.ofNanos(book(at, at + MAX_INTERVAL.toNanos()) - now);
        }

        /** How long to wait after a poll that found the table not ready; the SDK's waiter sleeps it. */
        @Override
        public Duration computeDelay(int attempt) {
            long now = clock.getAsLong();
            long age = now - start;
            Long known = kind == null ? null : expected.get(kind);
            long at;
            if (known != null && age < known) {
                // the others took this long: little to see before, and that moment is polled
                at = Math.min(now + MAX_INTERVAL.toNanos(), start + known);
            } else {
                at = now + jittered(Math.max(MIN_INTERVAL.toNanos(),
                        Math.min(MAX_INTERVAL.toNanos(), (long) (age * SHARE_OF_AGE))));
            }
            return Duration.ofNanos(book(at, now + MAX_INTERVAL.toNanos()) - now);
        }

        /** The wait saw what it waited for: waits of its kind that start later poll first after as long. */
        void ended() {
            if (kind != null) {
                expected.merge(kind, clock.getAsLong() - start, Math::min);
            }
        }
    }

    /** Between half the interval and the whole of it, so that waits started together spread their polls. */
    private static long jittered(long interval) {
        return interval / 2 + ThreadLocalRandom.current().nextLong(interval / 2 + 1);
    }

    /**
     * Books a poll in the first 10 ms slot from {@code at} on that is not full, but never after {@code latest}:
     * waits that want more than {@value #POLLS_PER_SECOND} polls a second poll less often, down to every 0.5 s
     * each, which only more than 250 waits at once (a {@code maxConcurrency} above its default) take beyond
     * that rate.
     *
     * @return when to poll, on the clock
     */
    private synchronized long book(long at, long latest) {
        long now = clock.getAsLong();
        booked.headMap(Math.floorDiv(now, SLOT_NANOS)).clear();
        long slot = Math.floorDiv(Math.max(at, now), SLOT_NANOS);
        long last = Math.max(slot, Math.floorDiv(latest, SLOT_NANOS));
        while (slot < last && booked.getOrDefault(slot, 0) >= POLLS_PER_SLOT) {
            slot++;
        }
        booked.merge(slot, 1, Integer::sum);
        return Math.max(at, slot * SLOT_NANOS);
    }
}
