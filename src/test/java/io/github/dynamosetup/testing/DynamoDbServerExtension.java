package io.github.dynamosetup.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the {@link TestServer}: one per test run, shared by every class, stopped when the run
 * ends; every test starts with no tables.
 */
public final class DynamoDbServerExtension implements BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static TestServer server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(DynamoDbServerExtension.class))
                .getOrComputeIfAbsent(TestServer.class, k -> TestServer.start(), TestServer.class);
    }
}
