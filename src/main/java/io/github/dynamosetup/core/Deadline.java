package io.github.dynamosetup.core;

import java.time.Duration;

/**
 * The end of a run's patience: when waiting for tables and retrying refused table operations stops.
 *
 * @param timeout the run's timeout
 * @param endNanos when it expires, on {@link System#nanoTime()}'s clock
 */
record Deadline(Duration timeout, long endNanos) {

    static Deadline after(Duration timeout) {
        return new Deadline(timeout, System.nanoTime() + timeout.toNanos());
    }

    /** What is left, at least a millisecond so that a last check still happens. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(endNanos - System.nanoTime(), 1_000_000));
    }

    boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }
}
