package io.github.dynamosetup.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** DynamoDB (and Application Auto Scaling) clients of the tests: a local endpoint, a region, dummy credentials, the plugin's HTTP client. */
public final class TestClients {

    private TestClients() {}

    /** A builder to add to (interceptors, timeouts) before {@code build()}. */
    public static DynamoDbClientBuilder builder(URI endpoint, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    public static DynamoDbClient client(URI endpoint, String region) {
        return builder(endpoint, region).build();
    }

    /** An Application Auto Scaling client of the same server (moto answers both services on one port). */
    public static ApplicationAutoScalingClient autoScaling(URI endpoint, String region) {
        return ApplicationAutoScalingClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
