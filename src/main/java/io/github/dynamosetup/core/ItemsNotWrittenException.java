package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.DeclaredTable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * AWS kept answering some of the seed's items as {@code UnprocessedItems} (throttling, or an internal failure)
 * until the run's timeout: the message says how many items of which table were written and how many were not.
 */
public class ItemsNotWrittenException extends ProvisioningException {

    ItemsNotWrittenException(Map<DeclaredTable, Integer> written, Map<DeclaredTable, AtomicInteger> unwritten,
            Duration timeout) {
        super(describe(written, unwritten, timeout), null);
    }

    private static String describe(Map<DeclaredTable, Integer> written, Map<DeclaredTable, AtomicInteger> unwritten,
            Duration timeout) {
        return unwritten.entrySet().stream().filter(e -> e.getValue().get() > 0)
                .map(e -> e.getValue().get() + " of " + (e.getValue().get() + written.get(e.getKey())) + " items of"
                        + " table '" + e.getKey().name() + "'")
                .collect(Collectors.joining(", ", "", " were not written: DynamoDB returned them as UnprocessedItems"
                        + " (throttled or failed inside AWS) until the timeout of " + timeout.toSeconds() + " s. The"
                        + " other items were written. Seed again (puts are idempotent), with a longer timeout or more"
                        + " write capacity on the table"));
    }
}
