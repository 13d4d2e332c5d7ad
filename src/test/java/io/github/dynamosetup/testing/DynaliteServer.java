package io.github.dynamosetup.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A dynalite server on a free loopback port, keeping new tables CREATING for a while as AWS does. The
 * build installs dynalite into {@code src/test/dynalite} ({@code npm ci}); a test that needs it fails,
 * naming the fix, when it is not there.
 */
public final class DynaliteServer implements AutoCloseable {

    private static final Path DYNALITE = Path.of("src/test/dynalite/node_modules/.bin/dynalite");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;

    private DynaliteServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * @param createTableMs how long a new table stays CREATING
     */
    public static DynaliteServer start(long createTableMs) {
        return start(createTableMs, 0);
    }

    /**
     * @param createTableMs how long a new table stays CREATING
     * @param deleteTableMs how long a deleted table stays DELETING
     */
    public static DynaliteServer start(long createTableMs, long deleteTableMs) {
        Path dynalite = locate();
        int port = LocalServers.freePort();
        File log = new File(System.getProperty("java.io.tmpdir"), "dynalite-" + port + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(dynalite.toString(), "--host", "127.0.0.1", "--port",
                    String.valueOf(port), "--createTableMs", String.valueOf(createTableMs), "--deleteTableMs", String.valueOf(deleteTableMs),
                    "--updateTableMs", "50")
                    .redirectErrorStream(true)
                    .redirectOutput(log);
            Process process = builder.start();
            DynaliteServer server = new DynaliteServer(process, URI.create("http://127.0.0.1:" + port));
            try {
                LocalServers.awaitListening("127.0.0.1", port, process, START_TIMEOUT, "dynalite (log " + log + ")");
            } catch (IllegalStateException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + dynalite + ": " + e.getMessage(), e);
        }
    }

    /** Finds the dynalite the build installed, looking up from the working directory (the module or a test). */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DYNALITE);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("dynalite is not installed: run npm ci in src/test/dynalite (the build does"
                + " this in generate-test-resources; it needs Node.js 20 and npm)");
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client in us-east-1 with dummy credentials. */
    public DynamoDbClient client() {
        return TestClients.client(endpoint, "us-east-1");
    }

    @Override
    public void close() {
        LocalServers.stop(process);
    }
}
