package io.github.dynamosetup.core;

import java.time.Duration;
import java.util.List;

/**
 * What a run found and did, table by table.
 *
 * @param goal the goal that ran ({@code plan}, or {@code create} with dry run, is {@link Goal#PLAN})
 * @param target where the tables live, e.g. {@code region us-east-1}
 * @param tables one result per declared table, in declaration order
 * @param elapsed time from the first API call to the end
 */
public record RunSummary(Goal goal, String target, List<TableResult> tables, Duration elapsed) {

    public RunSummary {
        tables = List.copyOf(tables);
    }

    /** Whether writes were only planned. */
    public boolean dryRun() {
        return goal == Goal.PLAN;
    }

    /** The names of the tables with this outcome. */
    public List<String> names(TableResult.Outcome outcome) {
        return tables.stream().filter(t -> t.outcome() == outcome).map(t -> t.declared().name()).toList();
    }

    /** The tables that exist but do not match their declaration after this run. */
    public List<TableResult> drifted() {
        return tables.stream().filter(t -> !t.unresolvedDrift().isEmpty() && t.outcome() != TableResult.Outcome.MISSING)
                .toList();
    }
}
