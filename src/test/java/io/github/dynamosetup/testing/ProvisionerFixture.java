package io.github.dynamosetup.testing;

import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.maven.MavenRemedies;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The engine on the test server, as the core tests drive it: a provisioner for us-east-1 whose client
 * records every call and whose listener keeps every line, and a second client that works behind its back
 * (makes tables by hand, reads back what the engine did). A test gets one as a parameter from
 * {@link DynamoDbServerExtension}, which closes it when the test ends.
 */
public final class ProvisionerFixture implements AutoCloseable {

    private final RecordingInterceptor calls = new RecordingInterceptor();
    private final RecordingListener listener = new RecordingListener();
    private final DynamoDbClient client;
    private final DynamoDbClient server;
    private final TableProvisioner provisioner;

    ProvisionerFixture(TestServer testServer) {
        client = TestClients.builder(testServer.endpoint(), "us-east-1")
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                .build();
        server = testServer.client("us-east-1");
        provisioner = new TableProvisioner(client, listener, MavenRemedies.INSTANCE, Duration.ofMinutes(1), "region us-east-1");
    }

    /** What the provisioner's client sent. */
    public RecordingInterceptor calls() {
        return calls;
    }

    /** What the provisioner reported. */
    public RecordingListener listener() {
        return listener;
    }

    /** The engine, which waits a minute at most for a table. */
    public TableProvisioner provisioner() {
        return provisioner;
    }

    /** A client of the same server that the recording does not see. */
    public DynamoDbClient server() {
        return server;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
