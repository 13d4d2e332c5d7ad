package io.github.dynamosetup.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where a test holds a thread whose work must not be cut short (an AWS call in flight, a listener's queue add)
 * until the test opens it. Interrupts do not let it through, as they do not end such work; the thread keeps its
 * interrupt status. A gate the test never opens fails the held thread after 10 s instead of hanging the build.
 */
public final class Gate {

    private static final long LIMIT_SECONDS = 10;

    private final CountDownLatch open = new CountDownLatch(1);

    /** Lets every held thread through, and every later one at once. */
    public void open() {
        open.countDown();
    }

    /** Holds the calling thread until the gate is open. */
    public void pass() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (!open.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new AssertionError("the test never opened the gate");
                    }
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
