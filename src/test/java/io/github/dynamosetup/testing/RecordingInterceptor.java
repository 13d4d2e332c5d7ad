package io.github.dynamosetup.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the name of every operation a client sends, to prove which calls a run made. */
public final class RecordingInterceptor implements ExecutionInterceptor {

    private static final List<String> READ_PREFIXES = List.of("Describe", "List", "Get", "Query", "Scan");

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        requests.add(context.request());
    }

    /** The requests sent of one type, to check what a server does not echo back. */
    public <T extends SdkRequest> List<T> requests(Class<T> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
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
        requests.clear();
    }
}
