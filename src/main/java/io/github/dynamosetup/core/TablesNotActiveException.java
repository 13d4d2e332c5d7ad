package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Tables (or indexes being added) did not become ACTIVE within the timeout. */
public class TablesNotActiveException extends ProvisioningException {

    /** What a user who waited too little is told to raise the timeout to. */
    private static final Duration LONGER = Duration.ofMinutes(20);

    private final List<String> tables;
    private final Duration timeout;
    private final transient Remedies remedies;

    public TablesNotActiveException(List<String> tables, Duration timeout, Remedies remedies) {
        super((tables.size() == 1 ? "The table " : "The tables ") + String.join(", ", tables)
                + " did not become ACTIVE within " + timeout
                + ". They exist and may still become ACTIVE: run " + remedies.run(Goal.CREATE) + " again to finish"
                + " their configuration, or raise " + remedies.setting(Remedies.RunSetting.TIMEOUT) + " ("
                + remedies.raiseTimeout(LONGER) + ").", null);
        this.tables = List.copyOf(tables);
        this.timeout = timeout;
        this.remedies = remedies;
    }

    /** One exception naming every table of {@code timeouts}, in order. */
    static TablesNotActiveException combine(List<TablesNotActiveException> timeouts) {
        Set<String> tables = new LinkedHashSet<>();
        timeouts.forEach(t -> tables.addAll(t.tables()));
        TablesNotActiveException first = timeouts.get(0);
        return new TablesNotActiveException(List.copyOf(tables), first.timeout(), first.remedies);
    }

    /** The tables still not ACTIVE. */
    public List<String> tables() {
        return tables;
    }

    public Duration timeout() {
        return timeout;
    }
}
