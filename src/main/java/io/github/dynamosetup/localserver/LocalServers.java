package io.github.dynamosetup.localserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Starts a DynamoDB-compatible server on a free loopback port and returns once it answers ListTables. */
public final class LocalServers {

    /** moto's own image, pinned: the same moto the project's tests run against. */
    public static final String DEFAULT_IMAGE = "motoserver/moto:5.1.4";

    /** How long a process may take to answer; a container gets three minutes more, to pull its image. */
    private static final Duration PROCESS_START = Duration.ofSeconds(60);
    private static final Duration IMAGE_PULL = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(100);

    private LocalServers() {}

    /**
     * What a start needs besides the backend.
     *
     * @param image the Docker image
     * @param containerPort the port the image's server listens on; null: derived from the image's name
     * @param backends where dynalite is
     * @param logDirectory where a process's output goes ({@code target/dynamo-setup})
     */
    public record Settings(String image, Integer containerPort, Backends backends, Path logDirectory) {}

    /**
     * Starts {@code backend}.
     *
     * @throws LocalServerException when it is not available here, or does not answer in time (naming its log)
     */
    public static LocalServer start(Backend backend, Settings settings) throws LocalServerException {
        return switch (backend) {
            case DOCKER -> startContainer(settings.image(), settings.containerPort());
            case MOTO -> startProcess(backend, "moto (python3 -m moto.server)", List.of("python3", "-m",
                    "moto.server", "-H", "127.0.0.1", "-p"), settings.logDirectory());
            case DYNALITE -> {
                List<String> command = new ArrayList<>(settings.backends().dynaliteCommand().orElseThrow(
                        () -> new LocalServerException("dynalite cannot run here: install Node.js and dynalite (npm"
                                + " install -g dynalite, or npm install dynalite in a folder given as dynalitePath)",
                                true)));
                String description = "dynalite (" + String.join(" ", command) + ")";
                command.addAll(List.of("--host", "127.0.0.1", "--port"));
                yield startProcess(backend, description, command, settings.logDirectory());
            }
        };
    }

    /**
     * The container of {@code image}: its server's port mapped to a free port of the Docker host, ready once that
     * port listens (the ListTables wait follows).
     */
    static GenericContainer<?> container(String image, Integer containerPort) {
        return configure(new GenericContainer<>(DockerImageName.parse(image)), image, containerPort);
    }

    /** Gives {@code container} the port, wait and timeout of {@link #container}. */
    static <T extends GenericContainer<?>> T configure(T container, String image, Integer containerPort) {
        container.withExposedPorts(containerPort != null ? containerPort : serverPortOf(image));
        container.waitingFor(Wait.forListeningPort());
        container.withStartupTimeout(IMAGE_PULL.plus(PROCESS_START));
        return container;
    }

    /** The port the well-known images listen on: DynamoDB Local 8000, LocalStack 4566, moto (and others) 5000. */
    static int serverPortOf(String image) {
        String name = image.toLowerCase(Locale.ROOT);
        if (name.contains("dynamodb-local")) {
            return 8000;
        }
        return name.contains("localstack") ? 4566 : 5000;
    }

    private static LocalServer startContainer(String image, Integer containerPort) throws LocalServerException {
        GenericContainer<?> container = container(image, containerPort);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new LocalServerException("the container of " + image + " did not start: " + e.getMessage(), false);
        }
        int serverPort = container.getExposedPorts().get(0);
        URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(serverPort));
        LocalServer server = new LocalServer(Backend.DOCKER, "a " + image + " container (Testcontainers)", endpoint,
                null, container::stop);
        awaitAnswer(server, null, PROCESS_START);
        return server;
    }

    private static LocalServer startProcess(Backend backend, String description, List<String> command,
            Path logDirectory) throws LocalServerException {
        int port = freePort();
        Path log = logDirectory.resolve("local-server-" + backend.value() + "-" + port + ".log");
        List<String> withPort = new ArrayList<>(command);
        withPort.add(String.valueOf(port));
        Process process;
        try {
            Files.createDirectories(logDirectory);
            ProcessBuilder builder = new ProcessBuilder(withPort).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            process = builder.start();
        } catch (IOException e) {
            throw new LocalServerException(description + " could not be started: " + e.getMessage(), true);
        }
        LocalServer server = new LocalServer(backend, description, URI.create("http://127.0.0.1:" + port), log,
                new ProcessStop(process));
        awaitAnswer(server, process, PROCESS_START);
        return server;
    }

    /**
     * Returns once the server answers ListTables through the SDK; stops it and fails when it dies or {@code limit}
     * passes first. ListTables needs no table and is answered by every DynamoDB-compatible server
     * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html">ListTables</a>).
     */
    private static void awaitAnswer(LocalServer server, Process process, Duration limit) throws LocalServerException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            while (true) {
                try {
                    client.listTables(r -> r.limit(1));
                    return;
                } catch (SdkException notYet) {
                    String seeLog = server.log() == null ? "" : "; its output is in " + server.log();
                    if (process != null && !process.isAlive()) {
                        server.close();
                        throw new LocalServerException(server.description() + " exited with code "
                                + process.exitValue() + " before answering at " + server.endpoint() + seeLog, false);
                    }
                    if (System.nanoTime() > deadline) {
                        server.close();
                        throw new LocalServerException(server.description() + " did not answer ListTables at "
                                + server.endpoint() + " within " + limit.toSeconds() + " s (last: "
                                + notYet.getMessage() + ")" + seeLog, false);
                    }
                    pause(server);
                }
            }
        }
    }

    private static void pause(LocalServer server) throws LocalServerException {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            server.close();
            Thread.currentThread().interrupt();
            throw new LocalServerException("interrupted while waiting for the server", false);
        }
    }

    private static int freePort() throws LocalServerException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalServerException("no free loopback port: " + e.getMessage(), false);
        }
    }
}
