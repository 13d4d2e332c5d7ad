package io.github.dynamosetup.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts (a JVM of its own, keytool, a Maven build) whose wait is bounded. Its output
 * goes to a file, so no reader can block on a hung or dead process; one that runs past its time is
 * destroyed, and the test fails naming it and showing what it printed.
 */
public final class ChildProcess implements AutoCloseable {

    private static final int OUTPUT_SHOWN = 8_000;

    private final String name;
    private final Process process;
    private final Path output;
    private final Instant started;

    private ChildProcess(String name, Process process, Path output, Instant started) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.started = started;
    }

    /** Starts the command; its standard error goes with its output. */
    public static ChildProcess start(String name, ProcessBuilder command) throws IOException {
        Path output = Files.createTempFile("dynamo-setup-child-", ".log");
        Instant started = Instant.now();
        try {
            Process process = command.redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new ChildProcess(name, process, output, started);
        } catch (IOException e) {
            Files.deleteIfExists(output);
            throw e;
        }
    }

    /** A JVM like this one (same java, the test class path) running {@code main}, off the metadata service. */
    public static ChildProcess java(String name, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        return start(name, builder);
    }

    /**
     * Waits until the process ends, {@code limit} after its start at most.
     *
     * @return its exit code and everything it printed
     * @throws AssertionError when it is still running then: it is destroyed first, and the message shows
     *     what it printed
     */
    public Exit awaitExit(Duration limit) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), started.plus(limit));
        if (!process.waitFor(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS)) {
            LocalServers.stop(process);
            throw new AssertionError(name + " did not finish within " + limit + " and was destroyed; it printed:\n"
                    + tail(printed()));
        }
        return new Exit(process.exitValue(), printed());
    }

    /** Destroys the process if it still runs, and deletes its output. */
    @Override
    public void close() {
        if (process.isAlive()) {
            LocalServers.stop(process);
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            output.toFile().deleteOnExit();
        }
    }

    private String printed() {
        try {
            return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(its output " + output + " is unreadable: " + e + ")";
        }
    }

    private static String tail(String text) {
        return text.length() <= OUTPUT_SHOWN ? text : "..." + text.substring(text.length() - OUTPUT_SHOWN);
    }

    /**
     * How a process ended.
     *
     * @param code its exit code
     * @param output what it printed, standard output and error together
     */
    public record Exit(int code, String output) {}
}
