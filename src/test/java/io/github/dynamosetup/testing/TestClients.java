package io.github.dynamosetup.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** DynamoDB clients of the tests: a local endpoint, a region, dummy credentials, the plugin's HTTP client. */
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
}
