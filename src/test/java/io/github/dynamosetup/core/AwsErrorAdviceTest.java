package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.testing.RecordingListener;
import io.github.dynamosetup.testing.TestClients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The advice of a failed call blames what caused it: answers as the real client parses them off the wire
 * (a loopback HTTP server sends each), turned into the plugin's message. "Check the AWS Health Dashboard"
 * only for a failure on AWS's side (5xx), "correct the declaration" only for a refused request built from
 * it, and a server that is not DynamoDB is called so.
 */
class AwsErrorAdviceTest {

    private static final String HEALTH = "AWS Health Dashboard";
    private static final String DECLARATION = "declaration";

    private HttpServer server;
    private volatile int status;
    private volatile String body;
    private DynamoDbClient client;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/x-amz-json-1.0"
                    : "text/html");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = TestClients.builder(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "us-east-1").overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                answer("HTTP 404 from a web server", 404, "<html>Not Found</html>", "DescribeTable",
                        c -> c.describeTable(r -> r.tableName("t")), "is probably not a DynamoDB endpoint", HEALTH,
                        DECLARATION),
                answer("UnknownOperationException from a local server", 400,
                        error("UnknownOperationException", ""), "UpdateTimeToLive",
                        c -> c.updateTimeToLive(r -> r.tableName("t").timeToLiveSpecification(s -> s.enabled(true)
                                .attributeName("ttl"))),
                        "does not implement UpdateTimeToLive: it is not DynamoDB itself", HEALTH, DECLARATION),
                answer("HTTP 500 without a DynamoDB error from a local server that lacks the operation", 500,
                        "<html>NotImplementedError: The update_contributor_insights action has not been"
                        + " implemented</html>", "UpdateContributorInsights",
                        c -> c.updateContributorInsights(r -> r.tableName("t").contributorInsightsAction("ENABLE")),
                        "a local server that does not implement UpdateContributorInsights answers so", HEALTH,
                        "probably not a DynamoDB endpoint"),
                answer("HTTP 500 without a DynamoDB error to the first call", 500, "<html>Bad gateway</html>",
                        "DescribeTable", c -> c.describeTable(r -> r.tableName("t")),
                        "is probably not a DynamoDB endpoint", HEALTH, "does not implement"),
                answer("ValidationException on a read", 400, coral("Invalid table name"), "DescribeTable",
                        c -> c.describeTable(r -> r.tableName("t")), "please report it", HEALTH, DECLARATION),
                answer("ValidationException on CreateTable", 400, coral("One or more parameter values were invalid:"
                        + " KMS validation error"), "CreateTable", c -> c.createTable(r -> r.tableName("t")),
                        "correct the setting the message names", HEALTH, "report"),
                answer("the TTL hour rule", 400, coral("Time to live has been modified multiple times within a"
                        + " fixed interval"), "UpdateTimeToLive",
                        c -> c.updateTimeToLive(r -> r.tableName("t").timeToLiveSpecification(s -> s.enabled(true)
                                .attributeName("ttl"))),
                        "AWS allows one TTL change per table an hour", HEALTH, DECLARATION),
                answer("a quota counted over the day", 400, error("LimitExceededException", "Subscriber limit"
                        + " exceeded: Provisioned throughput decreases are limited within a given UTC day."),
                        "UpdateTable", c -> c.updateTable(r -> r.tableName("t")), "the quota is used up", HEALTH,
                        DECLARATION),
                answer("HTTP 500 from DynamoDB", 500, error("InternalServerError", "Internal server error"),
                        "CreateTable", c -> c.createTable(r -> r.tableName("t")), HEALTH, DECLARATION,
                        "not a DynamoDB endpoint"));
    }

    private static Arguments answer(String name, int status, String body, String operation,
            Consumer<DynamoDbClient> call, String expected, String notExpected, String notExpectedEither) {
        return Arguments.of(name, status, body, operation, call, expected, notExpected, notExpectedEither);
    }

    private static String error(String code, String message) {
        return "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code + "\",\"message\":\"" + message + "\"}";
    }

    private static String coral(String message) {
        return "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"" + message + "\"}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void adviceBlamesWhatCausedTheFailure(String name, int status, String body, String operation,
            Consumer<DynamoDbClient> call, String expected, String notExpected, String notExpectedEither) {
        this.status = status;
        this.body = body;
        SdkException failure = null;
        try {
            call.accept(client);
        } catch (SdkException e) {
            failure = e;
        }
        assertThat(failure).as("the client saw a failure").isNotNull();

        String message = new AwsCalls(Goal.CREATE, "region us-east-1 at http://127.0.0.1:8000",
                Deadline.after(Duration.ofMinutes(1)), new RecordingListener(), MavenRemedies.INSTANCE, Waiting.NONE,
                new StopSignal()).translate("t", operation, failure)
                .getMessage();

        assertThat(message).contains(expected).doesNotContain(notExpected).doesNotContain(notExpectedEither);
    }
}
