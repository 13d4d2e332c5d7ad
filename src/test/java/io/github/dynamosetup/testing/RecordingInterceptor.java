package io.github.dynamosetup.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the name of every operation a client sends, to prove which calls a run made. */
public final class RecordingInterceptor implements ExecutionInterceptor {

    private static final List<String> READ_PREFIXES = List.of("Describe", "List", "Get", "Query", "Scan");

    private final List<String> operations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    public List<String> operations() {
        return List.copyOf(operations);
    }

    /** The operations that are not reads (Describe*, List*, Get*, Query, Scan). */
    public List<String> writeOperations() {
        return operations.stream().filter(o -> READ_PREFIXES.stream().noneMatch(o::startsWith)).toList();
    }

    public void clear() {
        operations.clear();
    }
}
