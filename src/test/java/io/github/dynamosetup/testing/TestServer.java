package io.github.dynamosetup.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.FixedHostPortGenericContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB-compatible server of the tests, found the way TESTING.md says: an explicit
 * {@code -Ddynamodb.endpoint}, else a moto server started here on a free loopback port, else a moto
 * container where Docker runs, else a failure naming the three options. Never a silent pass.
 */
public final class TestServer implements AutoCloseable {

    /** The system property that names an already running server. */
    public static final String ENDPOINT_PROPERTY = "dynamodb.endpoint";

    static final String MOTO_IMAGE = "motoserver/moto:5.1.4";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int RESET_TIMEOUT_SECONDS = 30;

    private final URI endpoint;
    private final String description;
    private final Process process;
    private final GenericContainer<?> container;

    private TestServer(URI endpoint, String description, Process process, GenericContainer<?> container) {
        this.endpoint = endpoint;
        this.description = description;
        this.process = process;
        this.container = container;
    }

    /** Finds or starts a server on a free port. */
    public static TestServer start() {
        return start(LocalServers.freePort());
    }

    /** Finds or starts a server; a server started here listens on {@code port}. */
    public static TestServer start(int port) {
        String explicit = System.getProperty(ENDPOINT_PROPERTY);
        if (explicit != null && !explicit.isBlank() && !explicit.contains("${")) {
            URI uri = URI.create(explicit.trim());
            LocalServers.awaitListening(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), null, START_TIMEOUT,
                    "the server at " + uri);
            return new TestServer(uri, "the server at " + uri + " (-D" + ENDPOINT_PROPERTY + ")", null, null);
        }
        String motoProblem = motoProblem();
        if (motoProblem == null) {
            return startMoto(port);
        }
        if (dockerAvailable()) {
            return startContainer(port);
        }
        throw new IllegalStateException("No DynamoDB-compatible server for the tests. Either\n"
                + "  1. pass one: -D" + ENDPOINT_PROPERTY + "=http://127.0.0.1:PORT, or\n"
                + "  2. install moto for python3 (pip install 'moto[server]'; " + motoProblem + "), or\n"
                + "  3. run a Docker engine, for a " + MOTO_IMAGE + " container through Testcontainers.");
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server in the given region, with dummy credentials. */
    public DynamoDbClient client(String region) {
        return TestClients.client(endpoint, region);
    }

    /**
     * Forgets every table in every region: moto's reset API, else deleting the tables of us-east-1. A
     * server that does not answer within {@value #RESET_TIMEOUT_SECONDS} seconds fails the test.
     */
    public void reset() {
        Duration timeout = Duration.ofSeconds(RESET_TIMEOUT_SECONDS);
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(timeout).build().send(
                    HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                            .POST(HttpRequest.BodyPublishers.noBody()).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return;
            }
        } catch (IOException e) {
            throw new IllegalStateException("the test server at " + endpoint + " stopped answering", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (DynamoDbClient client = client("us-east-1")) {
            client.listTablesPaginator().tableNames().forEach(t -> client.deleteTable(r -> r.tableName(t)));
        }
    }

    @Override
    public void close() {
        if (process != null) {
            LocalServers.stop(process);
        }
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public String toString() {
        return description;
    }

    private static String motoProblem() {
        try {
            Process check = new ProcessBuilder("python3", "-c", "import moto.server, flask")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!check.waitFor(30, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return "python3 -c 'import moto.server' did not finish";
            }
            return check.exitValue() == 0 ? null : "python3 cannot import moto.server";
        } catch (IOException e) {
            return "no python3: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static TestServer startMoto(int port) {
        URI uri = URI.create("http://127.0.0.1:" + port);
        File log = new File(System.getProperty("java.io.tmpdir"), "moto-" + port + ".log");
        Process process;
        try {
            ProcessBuilder moto = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1",
                    "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log);
            // moto's botocore reads AWS_* too (an empty AWS_PROFILE breaks it); the server needs none of them
            moto.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            process = moto.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto: " + e.getMessage(), e);
        }
        TestServer server = new TestServer(uri, "moto server at " + uri + " (log " + log + ")", process, null);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-moto-" + port));
        LocalServers.awaitListening("127.0.0.1", port, process, START_TIMEOUT, "moto (log " + log + ")");
        return server;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings({"resource", "deprecation"})
    private static TestServer startContainer(int port) {
        // a fixed host port, so that a build can hand the endpoint to forked Maven runs before starting
        GenericContainer<?> container = new FixedHostPortGenericContainer<>(MOTO_IMAGE)
                .withFixedExposedPort(port, 5000)
                .waitingFor(Wait.forListeningPort())
                .withStartupTimeout(START_TIMEOUT);
        container.start();
        URI uri = URI.create("http://" + container.getHost() + ":" + port);
        TestServer server = new TestServer(uri, "moto container at " + uri, null, container);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-moto-container-" + port));
        LocalServers.awaitListening(container.getHost(), port, null, START_TIMEOUT, "the moto container");
        return server;
    }
}
