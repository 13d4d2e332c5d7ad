package io.github.dynamosetup.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the test servers started here share: a free loopback port, waiting until they listen, stopping them. */
final class LocalServers {

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

    /** Stops a server process, forcibly when it does not end within ten seconds. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
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
