package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.List;

/** Tables (or indexes being added) did not become ACTIVE within the timeout. */
public class TablesNotActiveException extends ProvisioningException {

    private final List<String> tables;
    private final Duration timeout;

    public TablesNotActiveException(List<String> tables, Duration timeout) {
        super((tables.size() == 1 ? "The table " : "The tables ") + String.join(", ", tables)
                + " did not become ACTIVE within " + timeout
                + ". They exist and may still become ACTIVE: run mvn dynamo-setup:create again to finish their"
                + " configuration, or raise <timeout> (-Ddynamo-setup.timeout=PT20M).", null);
        this.tables = List.copyOf(tables);
        this.timeout = timeout;
    }

    /** The tables still not ACTIVE. */
    public List<String> tables() {
        return tables;
    }

    public Duration timeout() {
        return timeout;
    }
}
