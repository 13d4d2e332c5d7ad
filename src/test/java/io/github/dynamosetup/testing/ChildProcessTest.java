package io.github.dynamosetup.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A process a test starts never hangs the suite: its wait is bounded, and a hung one is destroyed. */
class ChildProcessTest {

    /** Prints its pid, then prints a line and exits with the code given, or hangs when given none. */
    public static final class Child {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("pid " + ProcessHandle.current().pid());
            if (args.length == 0) {
                System.out.println("hanging");
                System.out.flush();
                Thread.sleep(TimeUnit.HOURS.toMillis(1)); // the hung child the test must time out and destroy
            }
            System.err.println("exiting with " + args[0]);
            System.exit(Integer.parseInt(args[0]));
        }
    }

    @Test
    void aChildThatEndsGivesItsCodeAndEverythingItPrinted() throws Exception {
        try (ChildProcess child = ChildProcess.java("the child", Child.class, "3")) {
            ChildProcess.Exit exit = child.awaitExit(Duration.ofMinutes(1));

            assertThat(exit.code()).isEqualTo(3);
            assertThat(exit.output()).startsWith("pid ").contains("exiting with 3");
        }
    }

    @Test
    void aChildThatHangsIsDestroyedAndFailsTheTestWithWhatItPrinted() throws Exception {
        try (ChildProcess child = ChildProcess.java("the hanging child", Child.class)) {
            assertThatThrownBy(() -> child.awaitExit(Duration.ofSeconds(3)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("the hanging child did not finish within PT3S and was destroyed;"
                            + " it printed:\npid ")
                    .hasMessageContaining("hanging")
                    .satisfies(e -> assertThat(ProcessHandle.of(pid(e.getMessage())).filter(ProcessHandle::isAlive))
                            .as("the child after the failure").isEmpty());
        }
    }

    private static long pid(String printed) {
        return Long.parseLong(printed.lines().filter(l -> l.startsWith("pid ")).findFirst().orElseThrow()
                .substring(4));
    }
}
