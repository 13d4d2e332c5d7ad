package io.github.dynamosetup.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.TestClients;
import io.github.dynamosetup.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;

/**
 * The Application Auto Scaling client of a connection (module applicationautoscaling 2.49.3 over the SDK's 2.57.8
 * core, see the POM) is made with the DynamoDB client's settings: it reaches moto on a local endpoint in the
 * connection's region with the connection's credentials, and a remote DynamoDB endpoint is never used for it.
 */
@ExtendWith(DynamoDbServerExtension.class)
class AutoScalingConnectionTest {

    private static ConnectionSettings settings(URI endpoint) {
        return new ConnectionSettings("eu-west-1", endpoint, "<endpoint>", null, null,
                new ConnectionSettings.AccessKey("AKIDLOCAL", "local-secret", null), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Map.of(), () -> ProfileFile.aggregator().build());
    }

    @Test
    void aLocalEndpointServesBothServicesInTheConnectionsRegionWithItsCredentials(TestServer server)
            throws Exception {
        try (DynamoDbConnection connection = DynamoDbConnection.open(settings(server.endpoint()), line -> {})) {
            connection.client().createTable(r -> r.tableName("scaled").billingMode("PROVISIONED")
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH")));
            ApplicationAutoScalingClient autoScaling = connection.autoScaling();

            autoScaling.registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/scaled")
                    .scalableDimension("dynamodb:table:ReadCapacityUnits").minCapacity(5).maxCapacity(50));

            List<ScalableTarget> targets = autoScaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb")
                    .resourceIds("table/scaled")).scalableTargets();
            assertThat(targets).singleElement().satisfies(t -> assertThat(t.maxCapacity()).isEqualTo(50));
            assertThat(autoScaling).isSameAs(connection.autoScaling());
            assertThat(autoScaling.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
            assertThat(autoScaling.serviceClientConfiguration().endpointOverride()).contains(server.endpoint());
            // the plugin's retries (the SDK hands over a copy of the strategy)
            assertThat(autoScaling.serviceClientConfiguration().overrideConfiguration().retryStrategy())
                    .hasValueSatisfying(s -> assertThat(s.maxAttempts()).isEqualTo(DynamoDbConnection.RETRIES.maxAttempts()));
        }
        // moto keeps its state per region: the target is in eu-west-1, where the connection put it
        try (ApplicationAutoScalingClient usEast = TestClients.autoScaling(server.endpoint(), "us-east-1")) {
            assertThat(usEast.describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets()).isEmpty();
        }
    }

    @Test
    void aRemoteDynamoDbEndpointIsNotUsedForAutoScaling() throws Exception {
        // nothing is sent: the client is only made
        try (DynamoDbConnection connection = DynamoDbConnection.open(
                settings(URI.create("https://dynamodb.example.invalid")), line -> {})) {
            assertThat(connection.autoScaling().serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }
}
