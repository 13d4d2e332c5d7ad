package io.github.dynamosetup.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the test servers and other processes started here share: a free loopback port, waiting until they
 * listen, stopping them; every wait is bounded.
 */
final class LocalServers {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private LocalServers() {}

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns once something accepts connections at host:port.
     *
     * @param process the process that should serve it, or null; its death ends the wait
     * @throws IllegalStateException naming {@code what} when it does not listen in time
     */
    static void awaitListening(String host, int port, Process process, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException notYet) {
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException(what + " exited with code " + process.exitValue()
                            + " before listening on port " + port);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(what + " does not listen on " + host + ":" + port + " after "
                            + timeout);
                }
                pause();
            }
        }
    }

    /**
     * Stops a process and what it started, forcibly when it does not end within ten seconds; gives up
     * waiting ten seconds later (the kill is then the operating system's business).
     */
    static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
