package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request that a run stop, seen by every table's work at its next step: before an AWS call, at a wait's
 * next poll, during a pause. Nothing is interrupted: a call in flight (a CreateTable, say) is let finish, so
 * that no table is left created without the run knowing it.
 */
final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    void request() {
        stopped.countDown();
    }

    boolean requested() {
        return stopped.getCount() == 0;
    }

    /**
     * Waits {@code duration} unless a stop is requested first.
     *
     * @return whether a stop was requested
     */
    boolean sleep(Duration duration) {
        try {
            return stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request(); // the thread's owner wants it to end: stop the run the same way
            return true;
        }
    }

    /**
     * @throws RunStoppedException when a stop has been requested: the step {@code where} does not start
     */
    void check(String table, String where) throws RunStoppedException {
        if (requested()) {
            throw new RunStoppedException(table, where);
        }
    }
}
