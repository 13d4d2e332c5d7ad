package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.RecordingListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * AWS's error answers, as the real client parses them off the wire, become messages naming the table,
 * the operation and the fix. The local servers do not enforce IAM, so a loopback HTTP server answers
 * every call the way DynamoDB does when a policy denies it.
 */
class AwsErrorMessagesTest {

    private HttpServer server;
    private DynamoDbClient client;

    @BeforeEach
    void denyEverything() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String action = target.substring(target.indexOf('.') + 1);
            byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#AccessDeniedException\",\"message\":"
                    + "\"User: arn:aws:iam::123456789012:user/ci is not authorized to perform: dynamodb:" + action
                    + " on resource: arn:aws:dynamodb:us-east-1:123456789012:table/doctores\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private TableProvisioner provisioner() {
        return new TableProvisioner(client, new RecordingListener(), MavenRemedies.INSTANCE, Duration.ofSeconds(5), "region us-east-1");
    }

    @Test
    void accessDeniedOnCreateNamesActionTableAndTheCreatePolicy() {
        assertThatThrownBy(() -> provisioner().create(Declaration.of(HealthAssistant.tables()), TableProvisioner.Options.DEFAULTS))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageStartingWith("AccessDeniedException: the credentials in use may not call"
                        + " dynamodb:DescribeTable on table 'doctores' (User: arn:aws:iam::123456789012:user/ci is not"
                        + " authorized to perform: dynamodb:DescribeTable")
                .hasMessageContaining("The goal 'create' needs this IAM policy on the user or role:")
                .hasMessageContaining("\"Action\": [\"dynamodb:CreateTable\", \"dynamodb:DescribeTable\","
                        + " \"dynamodb:DescribeTimeToLive\", \"dynamodb:ListTagsOfResource\","
                        + " \"dynamodb:DescribeContinuousBackups\", \"dynamodb:UpdateTable\","
                        + " \"dynamodb:UpdateTimeToLive\", \"dynamodb:UpdateContinuousBackups\","
                        + " \"dynamodb:TagResource\", \"dynamodb:UpdateContributorInsights\","
                        + " \"dynamodb:DescribeContributorInsights\", \"dynamodb:GetResourcePolicy\","
                        + " \"dynamodb:PutResourcePolicy\", \"dynamodb:CreateTableReplica\", \"dynamodb:Scan\","
                        + " \"dynamodb:Query\", \"dynamodb:UpdateItem\", \"dynamodb:PutItem\", \"dynamodb:GetItem\","
                        + " \"dynamodb:DeleteItem\", \"dynamodb:BatchWriteItem\"]")
                .hasMessageContaining("\"Resource\": \"arn:aws:dynamodb:*:*:table/*\"")
                .hasMessageContaining("\"Action\": [\"application-autoscaling:RegisterScalableTarget\",");
    }

    @Test
    void accessDeniedOnValidateAsksForReadOnlyPermission() {
        assertThatThrownBy(() -> provisioner().validate(Declaration.of(HealthAssistant.tables()), true))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("The goal 'validate' needs this IAM policy on the user or role:")
                .hasMessageContaining("\"Action\": [\"dynamodb:DescribeTable\", \"dynamodb:DescribeTimeToLive\","
                        + " \"dynamodb:ListTagsOfResource\", \"dynamodb:DescribeContinuousBackups\","
                        + " \"dynamodb:DescribeContributorInsights\", \"dynamodb:GetResourcePolicy\"]");
    }

    @Test
    void accessDeniedOnForceNamesCreateTable() {
        assertThatThrownBy(() -> provisioner().force(Declaration.of(HealthAssistant.tables())))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageStartingWith("AccessDeniedException: the credentials in use may not call"
                        + " dynamodb:CreateTable on table 'doctores'")
                .hasMessageContaining("The goal 'force' needs this IAM policy");
    }
}
