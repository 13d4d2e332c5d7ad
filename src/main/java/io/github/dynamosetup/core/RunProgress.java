package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.DeclaredTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a run has done so far, table by table, as its events tell: what was written ({@code create},
 * {@code ACTIVE}, {@code ttl}, ...), each table's plan, result or failure. It says where each table stands
 * when a run fails part-way (the failure message, the JSON report). Events may come from any thread.
 */
public final class RunProgress implements ProvisioningListener {

    private volatile ProvisioningEvent.Started started;
    private volatile RunSummary summary;
    private final Map<String, List<String>> done = new ConcurrentHashMap<>();
    private final Map<String, TableResult> assessed = new ConcurrentHashMap<>();
    private final Map<String, TableResult> results = new ConcurrentHashMap<>();
    private final Map<String, ProvisioningException> failures = new ConcurrentHashMap<>();

    @Override
    public void on(ProvisioningEvent event) {
        if (event instanceof ProvisioningEvent.Started start) {
            started = start;
        } else if (event instanceof ProvisioningEvent.Assessed assessment) {
            assessed.put(assessment.table().declared().name(), assessment.table());
        } else if (event instanceof ProvisioningEvent.Created created) {
            done(created.table(), "create");
        } else if (event instanceof ProvisioningEvent.DeleteAccepted accepted) {
            done(accepted.table(), "delete");
        } else if (event instanceof ProvisioningEvent.Removed removed && removed.items() > 0) {
            done(removed.table(), removed.items() + " items deleted");
        } else if (event instanceof ProvisioningEvent.Active active) {
            done(active.table(), "ACTIVE");
        } else if (event instanceof ProvisioningEvent.Changed changed) {
            done(changed.table(), changed.change().label());
        } else if (event instanceof ProvisioningEvent.TableDone tableDone) {
            results.put(tableDone.result().declared().name(), tableDone.result());
        } else if (event instanceof ProvisioningEvent.TableFailed failed) {
            failures.put(failed.table(), failed.failure());
        } else if (event instanceof ProvisioningEvent.Finished finished) {
            summary = finished.summary();
        }
    }

    private void done(String table, String action) {
        done.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(action);
    }

    /** The start of the run, or null before it. */
    public ProvisioningEvent.Started started() {
        return started;
    }

    /** The summary of a run that got to the end, or null. */
    public RunSummary summary() {
        return summary;
    }

    /** Whether the run wrote anything. */
    public boolean wroteAnything() {
        return !done.isEmpty();
    }

    /** What was written to the table, in order. */
    public List<String> actions(String table) {
        return List.copyOf(done.getOrDefault(table, List.of()));
    }

    /** What the run found for the table before acting, or null. */
    public TableResult assessed(String table) {
        return assessed.get(table);
    }

    /** The table's result, once the run is done with it, or null. */
    public TableResult result(String table) {
        return results.get(table);
    }

    /** Why the run failed on the table, or null. */
    public ProvisioningException failure(String table) {
        return failures.get(table);
    }

    /** One line per table: {@code name: done: create, ACTIVE; stopped: <first line of its failure>}. */
    List<String> tableLines(List<DeclaredTable> tables) {
        List<String> lines = new ArrayList<>();
        for (DeclaredTable table : tables) {
            List<String> actions = actions(table.name());
            ProvisioningException failure = failure(table.name());
            lines.add(table.name() + ": " + (actions.isEmpty() ? "nothing done" : "done: " + String.join(", ", actions))
                    + (failure == null ? "" : "; stopped: " + failure.getMessage().lines().findFirst().orElse("")));
        }
        return lines;
    }
}
