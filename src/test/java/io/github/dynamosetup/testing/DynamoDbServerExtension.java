package io.github.dynamosetup.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Gives a test the {@link TestServer}: one per test run, shared by every class, stopped when the run
 * ends; every test starts with no tables. A test (or its {@code @BeforeEach}) may also ask for a
 * {@link DynamoDbClient} of that server in us-east-1, or for a {@link ProvisionerFixture} on it: one of
 * each per test, closed when the test ends.
 */
public final class DynamoDbServerExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DynamoDbServerExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestServer.class || type == DynamoDbClient.class || type == ProvisionerFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        TestServer server = server(context);
        if (type == TestServer.class) {
            return server;
        }
        // the test's own store: JUnit closes what it holds (AutoCloseable) when the test ends
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (type == DynamoDbClient.class) {
            return store.getOrComputeIfAbsent(DynamoDbClient.class, k -> server.client("us-east-1"),
                    DynamoDbClient.class);
        }
        return store.getOrComputeIfAbsent(ProvisionerFixture.class, k -> new ProvisionerFixture(server),
                ProvisionerFixture.class);
    }

    private static TestServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestServer.class, k -> TestServer.start(), TestServer.class);
    }
}
