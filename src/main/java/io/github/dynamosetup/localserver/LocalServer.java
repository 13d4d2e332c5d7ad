package io.github.dynamosetup.localserver;

import java.net.URI;
import java.nio.file.Path;

/**
 * A server {@link LocalServers} started. It never outlives the JVM that started it: {@link #close()} stops it, and a
 * shutdown hook does where the build ends before that (a failure in {@code integration-test}, Ctrl-C).
 */
public final class LocalServer implements AutoCloseable {

    private final Backend backend;
    private final String description;
    private final URI endpoint;
    private final Path log;
    private final Runnable stop;
    private final Thread shutdownHook;
    private boolean stopped;

    LocalServer(Backend backend, String description, URI endpoint, Path log, Runnable stop) {
        this.backend = backend;
        this.description = description;
        this.endpoint = endpoint;
        this.log = log;
        this.stop = stop;
        this.shutdownHook = new Thread(stop, "dynamo-setup-stop-" + backend.value() + "-" + endpoint.getPort());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public Backend backend() {
        return backend;
    }

    /** What runs, e.g. {@code moto (python3 -m moto.server)}. */
    public String description() {
        return description;
    }

    /** {@code http://127.0.0.1:<port>}, or the Docker engine's host and the mapped port. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** Where the server's output goes; null for a container (its log is Docker's). */
    public Path log() {
        return log;
    }

    /** Stops the server and what it started, and waits until it is gone (bounded); a second call does nothing. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        stop.run();
    }
}
