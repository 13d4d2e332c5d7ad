package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.report.ConsoleReport;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.Gate;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.RecordingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A wait is never silent: while tables are not ACTIVE, a line says how many are done and which wait, since when. */
class WaitingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLineNamesTheOldestWaitsFirstAndCountsTheRest() {
        try (Waiting waiting = Waiting.start(8, new RecordingListener(), Duration.ofHours(1))) {
            long start = System.nanoTime();
            for (int i = 1; i <= 7; i++) {
                waiting.seen("table-" + i, i == 7 ? "UPDATING" : "CREATING");
            }
            waiting.tableDone();
            waiting.over("table-3");

            String line = ConsoleReport.waitingLine(waiting.status(start + 12 * SECOND));

            assertThat(line).matches("  waiting: 1 of 8 tables done; 6 not ACTIVE yet: table-1 \\(CREATING 1[12] s\\),"
                    + " table-2 \\(CREATING 1[12] s\\), table-4 \\(CREATING 1[12] s\\), table-5 \\(CREATING 1[12] s\\),"
                    + " table-6 \\(CREATING 1[12] s\\) and 1 more");
        }
    }

    @Test
    void nothingIsSaidWhenNothingIsWaitedFor() {
        try (Waiting waiting = Waiting.start(3, new RecordingListener(), Duration.ofHours(1))) {
            waiting.seen("orders", "CREATING");
            waiting.over("orders");

            assertThat(waiting.status(System.nanoTime())).isNull();
        }
    }

    /**
     * A tick that is sending its line when the wait is closed: close() returns only once that line is out, so
     * that no "waiting:" line can follow the run's summary (sent after close). The tick is held inside the
     * listener until the closing thread is seen blocked (or done, as it was before the fix).
     */
    @Test
    void noLineComesOnceTheWaitIsClosed() throws Exception {
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ticking = new CountDownLatch(1);
        Gate release = new Gate(); // shutdownNow interrupts the tick; a real listener's queue add ignores that
        ProvisioningListener slowListener = event -> {
            ticking.countDown();
            release.pass();
            seen.add(event);
        };
        Waiting waiting = Waiting.start(1, slowListener, Duration.ofMillis(1));
        waiting.seen("orders", "CREATING");
        assertThat(ticking.await(10, TimeUnit.SECONDS)).as("a tick sends a line").isTrue();

        Thread closing = new Thread(() -> {
            waiting.close();
            seen.add("closed");
        }, "closing");
        closing.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (closing.getState() != Thread.State.BLOCKED && closing.isAlive() && System.nanoTime() < until) {
            Thread.sleep(1); // a thread's state has no notification: poll until close() blocks, bounded above
        }
        release.open();
        closing.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(closing.isAlive()).as("close() returned").isFalse();
        assertThat(seen).first().isInstanceOf(ProvisioningEvent.StillWaiting.class);
        assertThat(seen).last().isEqualTo("closed");
    }

    @Test
    void createSaysWhatItWaitsForAtASteadyPace() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(Waiting.INTERVAL.toMillis() + 1500);
                DynamoDbClient client = dynalite.client()) {
            RecordingListener listener = new RecordingListener();

            new TableProvisioner(client, listener, MavenRemedies.INSTANCE, Duration.ofMinutes(1), "dynalite").create(Declaration.of(
                    HealthAssistant.tables().subList(0, 2)), TableProvisioner.Options.DEFAULTS);

            assertThat(listener.lines()).anyMatch(l -> l.matches("INFO   waiting: 0 of 2 tables done; 2 not ACTIVE yet:"
                    + " (doctores|horarios_doctores) \\(CREATING \\d s\\), (doctores|horarios_doctores) \\(CREATING"
                    + " \\d s\\)"));
        }
    }
}
