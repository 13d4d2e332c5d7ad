package io.github.dynamosetup.report;

import io.github.dynamosetup.core.Change;
import io.github.dynamosetup.core.Difference;
import io.github.dynamosetup.core.Goal;
import io.github.dynamosetup.core.ProvisioningEvent;
import io.github.dynamosetup.core.ProvisioningListener;
import io.github.dynamosetup.core.Remedies;
import io.github.dynamosetup.core.RunSummary;
import io.github.dynamosetup.core.TableResult;
import io.github.dynamosetup.core.TableResult.Outcome;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.json.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console text of a run, one line per event: before acting one line per table ({@code + create},
 * {@code ~ update}, {@code = up to date}, {@code ! drift} with its differences), then what is done
 * ({@code   ttl     table (...)}), what is waited for, and the summary with counts and time; and the one line of
 * the offline {@code check} goal ({@link #checkedLine}). Not thread-safe: the Maven layer calls it from the mojo's
 * thread only.
 */
public final class ConsoleReport implements ProvisioningListener {

    /** Tables named in one waiting line; the rest are counted. */
    private static final int NAMED = 5;

    private final Console console;
    private final Remedies remedies;
    /** The items the seed has written so far, for its summary line. */
    private int seeded;

    /** @param remedies how drift advice names what the user can run */
    public ConsoleReport(Console console, Remedies remedies) {
        this.console = console;
        this.remedies = remedies;
    }

    @Override
    public void on(ProvisioningEvent event) {
        if (event instanceof ProvisioningEvent.Started started) {
            if (started.goal() == Goal.FORCE) {
                started.tables().forEach(t -> console.info("+ create  " + t.name() + " (forced)"));
            }
        } else if (event instanceof ProvisioningEvent.Assessed assessed) {
            announce(assessed.table());
        } else if (event instanceof ProvisioningEvent.AlreadyExists exists) {
            console.warn("! exists  " + exists.table() + " (CreateTable refused: ResourceInUseException)");
        } else if (event instanceof ProvisioningEvent.DeleteAccepted accepted) {
            console.info("- delete  " + accepted.table());
        } else if (event instanceof ProvisioningEvent.Removed removed) {
            removed(removed);
        } else if (event instanceof ProvisioningEvent.Active active) {
            console.debug("table " + active.table() + " is ACTIVE");
        } else if (event instanceof ProvisioningEvent.Changed changed) {
            console.info(changed(changed.table(), changed.change()));
        } else if (event instanceof ProvisioningEvent.Notice notice) {
            console.info("  note    " + notice.table() + " (" + notice.message() + ")");
        } else if (event instanceof ProvisioningEvent.ChangedMeanwhile meanwhile) {
            console.info("  done    " + meanwhile.table() + " (" + meanwhile.change().label()
                    + ": made meanwhile by another run; " + meanwhile.errorCode() + ")");
        } else if (event instanceof ProvisioningEvent.Waits waits) {
            console.info(waits.reason() == ProvisioningEvent.Waits.Reason.DELETING
                    ? "  waiting " + waits.table() + " (DELETING; created again once it is gone)"
                    : "  exists  " + waits.table() + " (created meanwhile by another run; waiting for it)");
        } else if (event instanceof ProvisioningEvent.StillWaiting waiting) {
            console.info(waitingLine(waiting));
        } else if (event instanceof ProvisioningEvent.Retrying retrying) {
            console.debug(retrying.errorCode() + " from " + retrying.operation() + " on " + retrying.table()
                    + "; trying again in " + retrying.delay().toMillis() + " ms");
        } else if (event instanceof ProvisioningEvent.Seeded table) {
            seeded += table.items();
            console.info("  seeded  " + table.table() + " (" + items(table.items()) + ")");
        } else if (event instanceof ProvisioningEvent.Finished finished) {
            console.info(summaryLine(finished.summary()));
        }
        // Created, TableDone and TableFailed have no line: the line before acting, the summary and the
        // run's failure say them
    }

    /** The line for a table {@code delete} or {@code reset} is done with. */
    private void removed(ProvisioningEvent.Removed removed) {
        String name = removed.table();
        switch (removed.outcome()) {
            case DELETED -> console.info("  gone    " + name);
            case MISSING -> console.info("= gone    " + name + " (did not exist)");
            case PROTECTED -> console.warn("! protected " + name + " (deletion protection is on: not deleted, and"
                    + " never turned off by dynamo-setup)");
            case EMPTIED -> console.info("  emptied " + name + " (" + removed.items()
                    + (removed.items() == 1 ? " item" : " items") + " deleted)");
            case RECREATED -> console.info("  emptied " + name + " (deleted and created again as declared: faster than"
                    + " deleting its items on a local server)");
            default -> console.debug(name + ": " + removed.outcome());
        }
    }

    /** The line for one change made. */
    private static String changed(String table, Change change) {
        if (change instanceof Change.UpdateTable update) {
            return "  updated " + table + " (" + update.label() + ")";
        } else if (change instanceof Change.AddIndex add) {
            return "  index   " + table + (add.awaitBackfill() ? " (added " + add.index().name() + ")"
                    : " (creating " + add.index().name() + ": pending, its backfill not waited for"
                            + " (waitForIndexes=false))");
        } else if (change instanceof Change.DeleteIndex delete) {
            return "  index   " + table + " (deleted " + delete.name() + ", to create it as declared)";
        } else if (change instanceof Change.EnableTimeToLive ttl) {
            return "  ttl     " + table + " (enabled on '" + ttl.attribute() + "')";
        } else if (change instanceof Change.TagTable tagging) {
            return "  tags    " + table + " (" + String.join(", ", tagging.tags().keySet()) + ")";
        } else if (change instanceof Change.AddReplica replica) {
            return "  replica " + table + " (" + replica.region() + " ACTIVE)";
        } else if (change instanceof Change.ConfigureAutoScaling scaling) {
            return "  scaling " + table + " (" + scaling.targets().entrySet().stream()
                    .map(t -> t.getKey().describe() + " " + t.getValue().minCapacity() + "-" + t.getValue().maxCapacity()
                            + " at " + t.getValue().targetUtilization() + " %")
                    .collect(Collectors.joining(", ")) + ")";
        } else if (change instanceof Change.SetContributorInsights insights) {
            return "  insight " + table + " (contributor insights " + (insights.enabled() ? "enabled" : "disabled")
                    + (insights.index() == null ? "" : " on index " + insights.index()) + ")";
        } else if (change instanceof Change.PutResourcePolicy put) {
            return "  policy  " + table + " (resource policy put: " + PolicyDocument.describe(put.document()) + ")";
        }
        Long days = ((Change.EnablePointInTimeRecovery) change).recoveryPeriodInDays();
        return "  pitr    " + table + " (point-in-time recovery enabled" + (days == null ? "" : ", " + days + " days")
                + ")";
    }

    /** The line for a table before acting, then one line per difference nothing will fix or that is pending. */
    private void announce(TableResult table) {
        String name = table.declared().name();
        if (table.outcome() == Outcome.WOULD_CREATE) {
            console.info("+ create  " + name);
            return;
        }
        if (table.outcome() == Outcome.MISSING) {
            console.warn("! missing " + name);
            return;
        }
        Set<Change> changes = Difference.changes(table.drift());
        if (!Difference.anyDrift(table.drift())) {
            console.info("= up to date  " + name);
            pending(name, table.pending());
            return;
        }
        if (!changes.isEmpty() && table.outcome() != Outcome.DRIFT) {
            console.info("~ update  " + name + " (" + changes.stream().map(Change::label).distinct()
                    .collect(Collectors.joining(", ")) + ")");
            steps(changes);
        }
        List<Difference> unfixed = table.unresolvedDrift();
        if (!unfixed.isEmpty()) {
            console.warn("! drift   " + name + " (" + unfixed.size() + (unfixed.size() == 1 ? " difference" : " differences")
                    + (table.incompatible() ? ", incompatible: only a new table would match" : "") + ")");
            unfixed.forEach(d -> console.warn("    " + d + " (" + d.remedy(remedies, table.incompatible()) + ")"));
        }
        pending(name, table.pending());
    }

    /**
     * The ordered steps of changes that touch an index (delete, wait until gone, create, wait for the backfill),
     * marking the waits on a backfill; nothing for other changes, which are one call each.
     */
    private void steps(Set<Change> changes) {
        if (changes.stream().noneMatch(c -> c instanceof Change.AddIndex || c instanceof Change.ReplaceIndex)) {
            return;
        }
        List<Change.Step> steps = changes.stream().flatMap(c -> c.steps().stream()).toList();
        for (int i = 0; i < steps.size(); i++) {
            console.info("    " + (i + 1) + ". " + steps.get(i).description()
                    + (steps.get(i).backfill() ? " (waits on a backfill: minutes, hours on a large table)" : ""));
        }
    }

    /** One line per pending difference: an index AWS is still building, a change left for the next run. */
    private void pending(String name, List<Difference> pending) {
        pending.forEach(d -> console.info("  pending " + name + " (" + d.what() + ": " + d.live() + "; " + d.advice()
                + ")"));
    }

    /** {@code create: 3 tables in region us-east-1 - 1 created, ... (7.4 s)}. */
    String summaryLine(RunSummary summary) {
        List<String> counts = new ArrayList<>();
        if (summary.goal() == Goal.VALIDATE) {
            counts.add(summary.names(Outcome.UP_TO_DATE).size() + " up to date");
            counts.add(summary.names(Outcome.DRIFT).size() + " with drift");
            counts.add(summary.names(Outcome.MISSING).size() + " missing");
        } else if (summary.dryRun()) {
            counts.add(summary.names(Outcome.WOULD_CREATE).size() + " to create");
            counts.add(summary.names(Outcome.WOULD_UPDATE).size() + " to update");
            counts.add(summary.names(Outcome.UP_TO_DATE).size() + " up to date");
            counts.add(summary.drifted().size() + " with drift create cannot fix");
        } else if (summary.goal() == Goal.SEED) {
            counts.add(items(seeded) + " written");
        } else if (summary.goal() == Goal.DELETE) {
            counts.add(summary.names(Outcome.DELETED).size() + " deleted");
            counts.add(summary.names(Outcome.MISSING).size() + " did not exist");
            counts.add(summary.names(Outcome.PROTECTED).size() + " protected (left as they are)");
        } else if (summary.goal() == Goal.RESET) {
            counts.add(summary.names(Outcome.EMPTIED).size() + " emptied");
            counts.add(summary.names(Outcome.RECREATED).size() + " created again");
            counts.add(summary.names(Outcome.MISSING).size() + " missing");
        } else if (summary.goal() == Goal.FORCE) {
            counts.add(summary.names(Outcome.CREATED).size() + " created");
            counts.add(summary.names(Outcome.ALREADY_EXISTS).size() + " already existed");
        } else {
            counts.add(summary.names(Outcome.CREATED).size() + " created");
            counts.add(summary.names(Outcome.UPDATED).size() + " updated");
            counts.add(summary.names(Outcome.UP_TO_DATE).size() + " up to date");
            counts.add(summary.drifted().size() + " with drift");
        }
        long pending = summary.tables().stream().filter(t -> !t.pending().isEmpty()).count();
        if (pending > 0) {
            counts.add(pending + " with index work pending");
        }
        int total = summary.tables().size();
        return summary.goal().goalName() + ": " + total + (total == 1 ? " table in " : " tables in ") + summary.target()
                + " - " + String.join(", ", counts)
                + String.format(Locale.ROOT, " (%.1f s)", summary.elapsed().toMillis() / 1000.0);
    }

    /** {@code 1 item}, {@code 25 items}. */
    private static String items(int count) {
        return count + (count == 1 ? " item" : " items");
    }

    /** {@code check: 2 tables declared correctly (orders, users); checked offline, no AWS call made}. */
    public static String checkedLine(List<DeclaredTable> tables) {
        return "check: " + tables.size() + (tables.size() == 1 ? " table" : " tables") + " declared correctly ("
                + tables.stream().map(DeclaredTable::name).collect(Collectors.joining(", "))
                + "); checked offline, no AWS call made";
    }

    /** {@code   waiting: 1 of 8 tables done; 6 not ACTIVE yet: table-1 (CREATING 12 s), ... and 1 more}. */
    public static String waitingLine(ProvisioningEvent.StillWaiting waiting) {
        List<ProvisioningEvent.StillWaiting.Pending> pending = waiting.pending();
        StringBuilder line = new StringBuilder("  waiting: ").append(waiting.done()).append(" of ")
                .append(waiting.total()).append(waiting.total() == 1 ? " table done; " : " tables done; ")
                .append(pending.size()).append(" not ACTIVE yet: ");
        for (int i = 0; i < Math.min(NAMED, pending.size()); i++) {
            ProvisioningEvent.StillWaiting.Pending entry = pending.get(i);
            line.append(i == 0 ? "" : ", ").append(entry.what()).append(" (").append(entry.state())
                    .append(String.format(Locale.ROOT, " %d s)", entry.waited().toSeconds()));
        }
        if (pending.size() > NAMED) {
            line.append(" and ").append(pending.size() - NAMED).append(" more");
        }
        return line.toString();
    }
}
