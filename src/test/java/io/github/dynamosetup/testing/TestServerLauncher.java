package io.github.dynamosetup.testing;

/**
 * Starts the invoker ITs' server inside the Maven JVM (exec:java in pre-integration-test), on the port
 * the build reserved; it stops when Maven exits, also when the build fails.
 */
public final class TestServerLauncher {

    private TestServerLauncher() {}

    public static void main(String[] args) {
        TestServer server = TestServer.start(Integer.parseInt(args[0]));
        System.out.println("[dynamo-setup ITs] DynamoDB test server: " + server);
    }
}
