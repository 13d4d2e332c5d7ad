package io.github.dynamosetup.benchmark;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One cold start, in a fresh JVM: build a DynamoDB client with the given HTTP client and make one
 * DescribeTable call. Prints the milliseconds from main to the answer. The benchmark runs it repeatedly
 * per HTTP client to choose the plugin's.
 */
public final class ClientStartup {

    private ClientStartup() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        SdkHttpClient http = "apache5".equals(args[0]) ? Apache5HttpClient.create() : UrlConnectionHttpClient.create();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(args[1]))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(http)
                .build()) {
            client.describeTable(r -> r.tableName(args[2]));
        }
        http.close();
        System.out.println((System.nanoTime() - start) / 1_000_000);
    }
}
