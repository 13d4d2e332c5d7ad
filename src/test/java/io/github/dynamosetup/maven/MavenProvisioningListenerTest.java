package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.testing.Gate;
import io.github.dynamosetup.testing.RecordingLog;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The run's thread owns what it calls AWS with: a build stopped twice stops waiting, never closes it under a call. */
class MavenProvisioningListenerTest {

    private static final long WAIT_SECONDS = 10;

    @Test
    void aSecondInterruptLeavesTheConnectionToTheRunsThreadWhichClosesItWhenTheWorkEnds() throws Exception {
        MavenProvisioningListener listener = new MavenProvisioningListener(new RecordingLog(), MavenRemedies.INSTANCE);
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch stopAsked = new CountDownLatch(1);
        Gate callInFlight = new Gate();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<String> closedBy = new AtomicReference<>();
        AtomicReference<Throwable> relayEnded = new AtomicReference<>();
        AutoCloseable connection = () -> {
            closedBy.set(Thread.currentThread().getName());
            closed.countDown();
        };

        Thread mojo = new Thread(() -> {
            try {
                listener.relay(() -> {
                    working.countDown();
                    callInFlight.pass(); // an AWS call in flight
                    return null;
                }, stopAsked::countDown, connection);
            } catch (Throwable e) {
                relayEnded.set(e);
            }
        }, "mojo");
        mojo.start();
        assertThat(working.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the work started").isTrue();
        mojo.interrupt();
        assertThat(stopAsked.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the first interrupt asks to stop").isTrue();
        mojo.interrupt();
        mojo.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(mojo.isAlive()).as("the second interrupt ends the wait").isFalse();
        assertThat(relayEnded.get()).isInstanceOf(InterruptedException.class);
        assertThat(closed.getCount()).as("the connection is still open while the call is in flight").isEqualTo(1);

        callInFlight.open();
        assertThat(closed.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("closed once the work ended").isTrue();
        assertThat(closedBy.get()).isEqualTo("dynamo-setup-run");
    }

    @Test
    void theConnectionIsClosedWhenTheWorkEnds() throws Exception {
        MavenProvisioningListener listener = new MavenProvisioningListener(new RecordingLog(), MavenRemedies.INSTANCE);
        AtomicReference<String> closedBy = new AtomicReference<>();

        String result = listener.relay(() -> "done", () -> {}, () -> closedBy.set(Thread.currentThread().getName()));

        assertThat(result).isEqualTo("done");
        assertThat(closedBy.get()).isEqualTo("dynamo-setup-run");
    }
}
