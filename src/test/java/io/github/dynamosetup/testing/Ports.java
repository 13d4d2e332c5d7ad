package io.github.dynamosetup.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something listens on a loopback port: what a test asks after a server should have gone. */
public final class Ports {

    private Ports() {}

    /** Whether 127.0.0.1:{@code port} accepts a connection within a second. */
    public static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
