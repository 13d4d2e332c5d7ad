package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
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
}
