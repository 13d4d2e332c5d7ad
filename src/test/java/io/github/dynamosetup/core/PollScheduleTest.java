package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When a run's waits poll, on a clock the test moves: no time passes, nothing is timed. */
class PollScheduleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PollSchedule schedule = new PollSchedule(now::get);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aWaitOfUnknownLengthPollsEveryTwentiethOfItsAgeBetweenATenthAndHalfASecond() {
        PollSchedule.Wait wait = schedule.start(null);

        assertThat(wait.first()).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(wait.computeDelay(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        advance(Duration.ofSeconds(4));
        assertThat(wait.computeDelay(2)).as("a twentieth of 4 s, with half jitter")
                .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        advance(Duration.ofSeconds(60));
        assertThat(wait.computeDelay(3)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void onceATableOfTheRunIsActiveTheNextIsFirstPolledAfterAsLongFromItsOwnStart() {
        PollSchedule.Wait first = schedule.start("table");
        advance(Duration.ofMillis(300));
        PollSchedule.Wait second = schedule.start("table");
        advance(Duration.ofMillis(1700));
        first.ended(); // after 2 s
        PollSchedule.Wait third = schedule.start("table");

        assertThat(third.first()).isEqualTo(Duration.ofSeconds(2));
        assertThat(second.computeDelay(5)).as("second's 2 s come in 0.3 s").isEqualTo(Duration.ofMillis(300));
        assertThat(schedule.start("table with indexes").first()).as("another kind learns nothing from it")
                .isLessThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void beforeTheExpectedMomentAWaitPollsEveryHalfSecondAndThenAtThatMoment() {
        PollSchedule.Wait done = schedule.start("table");
        advance(Duration.ofSeconds(20));
        done.ended();
        PollSchedule.Wait wait = schedule.start("table");
        advance(Duration.ofSeconds(19).plusMillis(800));

        assertThat(wait.computeDelay(1)).isEqualTo(Duration.ofMillis(200));
        advance(Duration.ofMillis(200));
        assertThat(wait.computeDelay(2)).as("past the moment: a twentieth of its age again")
                .isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void theShortestWaitOfAKindIsWhatTheRunExpects() {
        PollSchedule.Wait slow = schedule.start("table");
        PollSchedule.Wait fast = schedule.start("table");
        advance(Duration.ofSeconds(1));
        fast.ended();
        advance(Duration.ofSeconds(1));
        slow.ended();

        assertThat(schedule.start("table").first()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void twoHundredFiftyWaitsArePolledEveryHalfSecondAtMostAndAllTogetherAtMost500TimesASecond() {
        // each wait polls, then books its next poll, in the order of their times, for 5 s
        record Next(long at, PollSchedule.Wait of) {}
        PriorityQueue<Next> queue = new PriorityQueue<>(Comparator.comparingLong(Next::at));
        for (int i = 0; i < 250; i++) {
            PollSchedule.Wait wait = schedule.start(null);
            queue.add(new Next(now.get() + wait.first().toNanos(), wait));
        }
        long end = now.get() + Duration.ofSeconds(5).toNanos();
        Map<Long, Integer> perTenMillis = new TreeMap<>();
        long longestGap = 0;
        while (queue.peek().at() < end) {
            Next poll = queue.poll();
            now.set(poll.at());
            perTenMillis.merge(poll.at() / 10_000_000L, 1, Integer::sum);
            long delay = poll.of().computeDelay(1).toNanos();
            longestGap = Math.max(longestGap, delay);
            queue.add(new Next(poll.at() + delay, poll.of()));
        }

        assertThat(perTenMillis.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(5));
        assertThat(Duration.ofNanos(longestGap)).isLessThanOrEqualTo(PollSchedule.MAX_INTERVAL);
    }

    @Test
    void onlyTheFirstWaitsOfAKindPollTheOthersListenUntilOneEndsOrTheirPatienceRunsOut() {
        List<PollSchedule.Wait> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(schedule.start("table"));
        }
        PollSchedule.Wait other = schedule.start("table with indexes");

        assertThat(waits).map(PollSchedule.Wait::listening).containsExactly(false, false, false, true, true);
        assertThat(other.listening()).as("the first of its own kind").isFalse();
        advance(Duration.ofMillis(1500));
        waits.get(0).ended();
        assertThat(waits.get(3).listening()).isFalse();
        assertThat(waits.get(3).first()).as("first polled when the first one ended, 1.5 s after its start")
                .isEqualTo(Duration.ZERO);

        PollSchedule.Wait late = schedule.start("table with indexes");
        schedule.start("table with indexes");
        PollSchedule.Wait fourth = schedule.start("table with indexes");
        assertThat(fourth.listening()).isTrue();
        advance(PollSchedule.PATIENCE);
        assertThat(fourth.listening()).as("nobody ended within its patience: it polls itself").isFalse();
        assertThat(late.listening()).isFalse();
    }

    @Test
    void twoHundredTablesCreatedOverASecondAreEachPolledAboutOnceAndSeenActiveAtMostATenthOfASecondLate() {
        // each table is ACTIVE 2 s after its own start; the waits listen, poll and book as TableActivityWaiter does
        record Next(long at, int table, boolean polls) {}
        PriorityQueue<Next> queue = new PriorityQueue<>(Comparator.comparingLong(Next::at));
        long origin = now.get();
        long creating = Duration.ofSeconds(2).toNanos();
        List<PollSchedule.Wait> waits = new ArrayList<>();
        long[] activeAt = new long[200];
        for (int i = 0; i < 200; i++) {
            now.set(origin + i * Duration.ofMillis(5).toNanos());
            waits.add(schedule.start("table"));
            activeAt[i] = now.get() + creating;
            queue.add(new Next(now.get(), i, false));
        }
        int polls = 0;
        long latest = 0;
        while (!queue.isEmpty()) {
            Next next = queue.poll();
            now.set(next.at());
            PollSchedule.Wait wait = waits.get(next.table());
            if (!next.polls()) {
                queue.add(wait.listening() ? new Next(next.at() + PollSchedule.LISTEN_INTERVAL.toNanos(), next.table(), false)
                        : new Next(next.at() + wait.first().toNanos(), next.table(), true));
                continue;
            }
            polls++;
            if (next.at() >= activeAt[next.table()]) {
                wait.ended();
                latest = Math.max(latest, next.at() - activeAt[next.table()]);
            } else {
                queue.add(new Next(next.at() + wait.computeDelay(1).toNanos(), next.table(), true));
            }
        }

        assertThat(polls).as("the first 3 tables poll about 20 times each, the others once or twice")
                .isLessThan(200 + 3 * 25 + 100);
        assertThat(Duration.ofNanos(latest)).isLessThanOrEqualTo(PollSchedule.MIN_INTERVAL);
    }
}
