package io.github.dynamosetup.benchmark;

import io.github.dynamosetup.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A command the benchmark times as a whole process: a Maven build, a Python script, a fresh JVM. */
final class TimedCommand {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    private TimedCommand() {}

    /**
     * Runs the command in {@code directory} to its end, five minutes at most, and returns how long that took.
     * Its environment is this one's without the developer's AWS settings (profile, region, keys), and with
     * the EC2 metadata service turned off, as in every test.
     *
     * @throws IllegalStateException with what it printed, when it fails
     */
    static long millis(Path directory, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        long start = System.nanoTime();
        try (ChildProcess process = ChildProcess.start(String.join(" ", command), builder)) {
            ChildProcess.Exit exit = process.awaitExit(LIMIT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (exit.code() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed in " + directory + ":\n"
                        + exit.output());
            }
            return millis;
        }
    }
}
