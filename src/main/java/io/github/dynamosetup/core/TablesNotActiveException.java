package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.List;

/** Tables were created but did not become ACTIVE within the timeout. */
public class TablesNotActiveException extends ProvisioningException {

    public TablesNotActiveException(List<String> tables, Duration timeout) {
        super((tables.size() == 1 ? "The table " : "The tables ") + String.join(", ", tables)
                + " did not become ACTIVE within " + timeout + ". They were created and may still become ACTIVE:"
                + " run mvn dynamo-setup:create again to finish their configuration, or raise <timeout>"
                + " (-Ddynamo-setup.timeout=PT20M).", null);
    }
}
