package io.github.dynamosetup.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's canned answers are answers the SDK of this build takes: a call it could not complete would stop the
 * warm-up early, leaving the run's first real calls cold, and say so in one debug line. It never reaches a network:
 * its endpoint is on the reserved {@code .invalid} domain, which no resolver answers, so a call that tried would fail.
 */
class WarmUpTest {

    @Test
    void everyCallOfTheGoalsCompletesOnTheCannedAnswers() {
        List<String> debug = new ArrayList<>();

        WarmUp.run(debug::add);

        assertThat(debug).isEmpty();
    }
}
