package io.github.dynamosetup.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted build (Ctrl-C, a CI job cancelled: the JVM is told to end) leaves no server: a JVM that started
 * moto through {@link LocalServers} and never stopped it is terminated, and moto, with everything it started, is
 * gone with it.
 */
class ShutdownHookTest {

    /** Starts moto, writes its port to the file given, and waits to be terminated. */
    public static final class BuildThatIsInterrupted {
        public static void main(String[] args) throws Exception {
            LocalServer server = LocalServers.start(Backend.MOTO, new LocalServers.Settings(LocalServers.DEFAULT_IMAGE,
                    null, FixedBackends.moto(), Path.of(args[0]).getParent()));
            Path written = Path.of(args[0] + ".tmp");
            Files.writeString(written, String.valueOf(server.port()));
            Files.move(written, Path.of(args[0]));
            Thread.sleep(TimeUnit.HOURS.toMillis(1)); // until the test terminates this JVM
        }
    }

    @Test
    void aTerminatedJvmTakesItsServerAndTheServersChildrenWithIt(@TempDir Path directory) throws Exception {
        Path portFile = directory.resolve("port");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BuildThatIsInterrupted.class.getName(),
                portFile.toString()).redirectErrorStream(true).redirectOutput(directory.resolve("jvm.log").toFile());
        command.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process jvm = command.start();
        try {
            // bounded: moto answers within a minute or the child JVM ends with a LocalServerException
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.exists(portFile) && jvm.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(portFile).as("the port moto answers on; the JVM printed: %s", directory.resolve("jvm.log"))
                    .exists();
            int port = Integer.parseInt(Files.readString(portFile));
            List<ProcessHandle> server = jvm.descendants().toList();
            assertThat(server).as("moto, started by the JVM").isNotEmpty();
            assertThat(Ports.listens(port)).isTrue();

            jvm.destroy(); // SIGTERM, as when a build is cancelled: the JVM runs its shutdown hooks
            assertThat(jvm.waitFor(1, TimeUnit.MINUTES)).as("the JVM ended").isTrue();

            assertThat(server).as("moto and its children").noneMatch(ProcessHandle::isAlive);
            assertThat(Ports.listens(port)).as("something listens on port " + port).isFalse();
        } finally {
            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly();
        }
    }
}
