package io.github.dynamosetup.core;

import java.util.List;
import java.util.stream.Collectors;

/** Declared tables are missing, or differ from their declaration in ways the run did not fix. */
public class DriftException extends ProvisioningException {

    private final RunSummary summary;

    public DriftException(RunSummary summary, Remedies remedies) {
        super(describe(summary, remedies), null);
        this.summary = summary;
    }

    public RunSummary summary() {
        return summary;
    }

    private static String describe(RunSummary summary, Remedies remedies) {
        List<TableResult> missing = summary.tables().stream()
                .filter(t -> t.outcome() == TableResult.Outcome.MISSING).toList();
        List<TableResult> drifted = summary.drifted();
        int count = missing.size() + drifted.size();
        StringBuilder message = new StringBuilder(summary.goal().goalName()).append(": ").append(count)
                .append(" of ").append(summary.tables().size()).append(summary.tables().size() == 1 ? " table" : " tables")
                .append(" in ").append(summary.target()).append(count == 1 ? " does" : " do")
                .append(" not match the declaration:");
        for (TableResult table : missing) {
            message.append("\n  ").append(table.declared().name()).append(": missing. Create it with: ")
                    .append(remedies.run(Goal.CREATE));
        }
        for (TableResult table : drifted) {
            message.append("\n  ").append(table.declared().name()).append(": ").append(table.incompatible()
                    ? "incompatible drift (only a new table would match)"
                    : "fixable drift");
            message.append(table.unresolvedDrift().stream()
                    .map(d -> "\n    " + d + " (" + d.remedy(remedies, table.incompatible()) + ")")
                    .collect(Collectors.joining()));
        }
        if (!drifted.isEmpty()) {
            message.append("\nTo accept drift without failing the build, set ").append(remedies.allowDrift()).append('.');
        }
        return message.toString();
    }
}
