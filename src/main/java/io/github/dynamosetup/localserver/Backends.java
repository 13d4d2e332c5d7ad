package io.github.dynamosetup.localserver;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * Which backends this machine can run, asked in the order {@code auto} prefers them: Docker, moto, dynalite. An
 * interface so that the choice can be tested without the machine's own answers.
 */
public interface Backends {

    /** Whether a Docker engine answers (Testcontainers finds one). */
    boolean dockerAnswers();

    /** Whether {@code python3} can import moto's server. */
    boolean motoRuns();

    /** The command that runs dynalite, without its options, when Node.js and dynalite are here. */
    Optional<List<String>> dynaliteCommand();

    /** What {@code localServer} uses when it names no backend. */
    default Backend auto() throws LocalServerException {
        if (dockerAnswers()) {
            return Backend.DOCKER;
        }
        if (motoRuns()) {
            return Backend.MOTO;
        }
        if (dynaliteCommand().isPresent()) {
            return Backend.DYNALITE;
        }
        throw new LocalServerException("no DynamoDB-compatible server can run here: " + WHAT_TO_INSTALL, true);
    }

    /** The three ways to make a backend available, for the failures that found none. */
    String WHAT_TO_INSTALL = "start a Docker engine (the image " + LocalServers.DEFAULT_IMAGE + " is then run), or"
            + " install moto (pip install 'moto[server]', for python3), or Node.js with dynalite (npm install -g"
            + " dynalite, or npm install dynalite in a folder given as dynalitePath)";

    /**
     * This machine's answers.
     *
     * @param dynalitePath dynalite's {@code cli.js}, or a folder with {@code node_modules/dynalite/cli.js}; null for
     *     a {@code dynalite} command on the {@code PATH}
     * @param environment the process environment ({@code PATH}, {@code DOCKER_HOST})
     */
    static Backends ofThisMachine(Path dynalitePath, Map<String, String> environment) {
        return new Backends() {
            @Override
            public boolean dockerAnswers() {
                // Testcontainers logs an ERROR where it finds no engine: ask it only where one may be
                boolean mayHaveOne = environment.containsKey("DOCKER_HOST")
                        || Files.exists(Path.of("/var/run/docker.sock"))
                        || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                        || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                        || System.getProperty("os.name", "").startsWith("Windows");
                try {
                    return mayHaveOne && DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    return false;
                }
            }

            @Override
            public boolean motoRuns() {
                return succeeds(List.of("python3", "-c", "import moto.server"));
            }

            @Override
            public Optional<List<String>> dynaliteCommand() {
                if (dynalitePath == null) {
                    return onPath("dynalite", environment).map(dynalite -> List.of(dynalite.toString()));
                }
                Path cli = Files.isDirectory(dynalitePath)
                        ? dynalitePath.resolve("node_modules").resolve("dynalite").resolve("cli.js") : dynalitePath;
                return Files.isRegularFile(cli) && succeeds(List.of("node", "--version"))
                        ? Optional.of(List.of("node", cli.toString())) : Optional.empty();
            }
        };
    }

    private static Optional<Path> onPath(String command, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isBlank()) {
                Path candidate = Path.of(directory, command);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the command exits with 0 within 30 seconds; its output is discarded. */
    private static boolean succeeds(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return false; // not installed
        }
        try {
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return process.exitValue() == 0;
            }
            process.destroyForcibly();
            return false;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
