package io.github.dynamosetup.testing;

/**
 * Starts the invoker ITs' server inside the Maven JVM (exec:java in pre-integration-test), on the port
 * the build reserved; it stops when Maven exits, also when the build fails. With a second port and a file,
 * also a {@link ForwardProxy} to it there, for the ITs that reach the server only through a settings.xml
 * proxy; it writes the requests it carried to that file.
 */
public final class TestServerLauncher {

    private TestServerLauncher() {}

    /**
     * One request through the proxy before main returns: exec:java closes the class loader then, so every
     * class the proxy needs (its records, its lambdas) must be loaded by now.
     */
    private static void warmUp(ForwardProxy proxy) {
        try {
            var connection = (java.net.HttpURLConnection) new java.net.URL("http://warm-up.test.invalid/")
                    .openConnection(new java.net.Proxy(java.net.Proxy.Type.HTTP,
                            new java.net.InetSocketAddress(proxy.host(), proxy.port())));
            // the Maven build waits for main: a proxy that does not answer must not hang it
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            connection.setRequestProperty("Proxy-Authorization", "Basic d2FybS11cDp3YXJtLXVw");
            connection.setRequestProperty("X-Amz-Target", "warm-up");
            connection.getResponseCode();
            connection.disconnect();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the forward proxy did not answer", e);
        }
    }

    public static void main(String[] args) {
        TestServer server = TestServer.start(Integer.parseInt(args[0]));
        System.out.println("[dynamo-setup ITs] DynamoDB test server: " + server);
        if (args.length >= 3) {
            java.nio.file.Path warmUpJournal;
            try {
                warmUpJournal = java.nio.file.Files.createTempFile("forward-proxy-warm-up", ".log");
                warmUpJournal.toFile().deleteOnExit();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ForwardProxy proxy = ForwardProxy.to(server.endpoint(), Integer.parseInt(args[1]), warmUpJournal);
            warmUp(proxy);
            proxy.journal(java.nio.file.Path.of(args[2]));
            System.out.println("[dynamo-setup ITs] forward proxy on 127.0.0.1:" + args[1] + ", requests in " + args[2]);
        }
    }
}
