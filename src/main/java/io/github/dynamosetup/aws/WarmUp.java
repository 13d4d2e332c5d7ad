package io.github.dynamosetup.aws;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Loads and initialises the AWS SDK's classes on a thread of its own while Maven configures the goal and the goal
 * checks its configuration, so that the run's first real requests find them ready.
 *
 * <p>In a fresh Maven JVM the SDK's first client and first calls cost more than everything else the plugin does:
 * measured on a 3-table {@code validate} (SDK 2.57, Maven 3.9, see the README's benchmark), about 1,600 SDK classes
 * are loaded, linked and initialised before the first answer is read (the client and its 60 request classes, the
 * marshallers, interceptors, the signer, the response model), in about 0.6 s of one core while Maven's own thread
 * waits. The warm-up does the same work beside it: it builds a throwaway client whose HTTP client never touches the
 * network (it answers each operation with a canned, valid DynamoDB answer) and makes the calls a goal makes, so the
 * classes of the request path, the answers and AWS's error path are loaded once, in parallel, by the SDK's own code
 * (no list of classes to keep in step with the SDK's versions).
 *
 * <p>Nothing of it reaches AWS or the user: dummy credentials, an endpoint on the reserved {@code .invalid} domain
 * (so a debug log that shows a warm-up request says what it is), no result used; a failure only means less is warm.
 * It runs once per class realm: a reactor's later modules and an mvnd daemon's later builds find the classes loaded.
 */
public final class WarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final URI NOWHERE = URI.create("http://dynamo-setup-warm-up.invalid");
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/warm-up";

    /** The canned answer to each operation, as DynamoDB's JSON protocol writes it (API reference, each action). */
    private static final Map<String, String> ANSWERS = Map.of(
            "DescribeTable", """
                    {"Table":{"TableName":"warm-up","TableStatus":"ACTIVE","TableArn":"%s",\
                    "KeySchema":[{"AttributeName":"id","KeyType":"HASH"},{"AttributeName":"at","KeyType":"RANGE"}],\
                    "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"},\
                    {"AttributeName":"at","AttributeType":"N"}],\
                    "BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST"},\
                    "ProvisionedThroughput":{"ReadCapacityUnits":0,"WriteCapacityUnits":0,"NumberOfDecreasesToday":0},\
                    "GlobalSecondaryIndexes":[{"IndexName":"by-at","IndexStatus":"ACTIVE",\
                    "KeySchema":[{"AttributeName":"at","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}],\
                    "StreamSpecification":{"StreamEnabled":false},"SSEDescription":{"Status":"ENABLED","SSEType":"KMS"},\
                    "TableClassSummary":{"TableClass":"STANDARD"},"DeletionProtectionEnabled":false}}"""
                    .formatted(ARN),
            "DescribeTimeToLive", "{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"ENABLED\",\"AttributeName\":\"ttl\"}}",
            "ListTagsOfResource", "{\"Tags\":[{\"Key\":\"Application\",\"Value\":\"warm-up\"}]}",
            "DescribeContinuousBackups", "{\"ContinuousBackupsDescription\":{\"ContinuousBackupsStatus\":\"ENABLED\","
                    + "\"PointInTimeRecoveryDescription\":{\"PointInTimeRecoveryStatus\":\"DISABLED\"}}}",
            "CreateTable", "{\"TableDescription\":{\"TableName\":\"warm-up\",\"TableStatus\":\"CREATING\","
                    + "\"TableArn\":\"" + ARN + "\"}}",
            "UpdateTimeToLive", "{\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"ttl\"}}",
            "TagResource", "{}");

    private WarmUp() {}

    /**
     * Starts the warm-up on a daemon thread, unless this class realm has already had one.
     *
     * @param debug receives one line when the warm-up fails (it only means the first calls take longer)
     */
    public static void start(Consumer<String> debug) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> run(debug), "dynamo-setup-warm-up");
        thread.setDaemon(true);
        // a goal that stops at once (an invalid configuration) may see Maven close the plugin's class realm while the
        // warm-up still loads classes from it: whatever that throws, even while reporting it, ends the warm-up quietly
        thread.setUncaughtExceptionHandler((t, e) -> { });
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The warm-up itself, on the caller's thread (a test checks that every canned answer is one the SDK takes). */
    static void run(Consumer<String> debug) {
        SecretLogging.quietSigners(); // the signer's loggers are made by the first signing: quiet them first
        CannedAnswers answers = new CannedAnswers();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(NOWHERE)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warm-up", "warm-up")))
                .httpClient(answers)
                .overrideConfiguration(o -> o.retryStrategy(DynamoDbConnection.RETRIES)
                        .apiCallTimeout(Duration.ofMinutes(1)))
                .build()) {
            client.describeTable(r -> r.tableName("warm-up"));
            client.describeTimeToLive(r -> r.tableName("warm-up"));
            client.listTagsOfResource(r -> r.resourceArn(ARN));
            answers.tableMissing = true;
            try {
                client.describeTable(r -> r.tableName("warm-up")); // AWS's error path: a table not there yet
            } catch (ResourceNotFoundException expected) {
                // what create finds for every new table
            }
            // what create writes: a reactor's validate and create share the class realm, and with it the warm-up
            client.createTable(r -> r.tableName("warm-up")
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .billingMode("PAY_PER_REQUEST"));
            client.updateTimeToLive(r -> r.tableName("warm-up")
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName("ttl")));
            client.tagResource(r -> r.resourceArn(ARN).tags(t -> t.key("Application").value("warm-up")));
        } catch (RuntimeException | LinkageError e) {
            debug.accept("dynamo-setup: the SDK warm-up stopped early (" + e + "); the first calls only take longer");
        }
    }

    /**
     * An HTTP client that answers every request at once, from {@link #ANSWERS} by the {@code X-Amz-Target}
     * operation, or DescribeTable with DynamoDB's ResourceNotFoundException once {@link #tableMissing} is set.
     */
    private static final class CannedAnswers implements SdkHttpClient {

        private volatile boolean tableMissing;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            String operation = target.substring(target.indexOf('.') + 1);
            boolean missing = tableMissing && "DescribeTable".equals(operation);
            int status = missing ? 400 : 200;
            String body = missing
                    ? "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                            + "\"message\":\"Requested resource not found: Table: warm-up not found\"}"
                    : ANSWERS.getOrDefault(operation, "{}");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(status)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", Integer.toString(bytes.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }
}
