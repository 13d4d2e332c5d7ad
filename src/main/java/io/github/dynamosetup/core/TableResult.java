package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.DeclaredTable;
import java.time.Duration;
import java.util.List;

/**
 * What a run found and did for one table.
 *
 * @param declared the declared table
 * @param outcome the verdict
 * @param actions what was written (or, for plan, would be), in order: {@code create}, {@code ttl}, ...
 * @param drift every difference found between the declaration and the live table
 * @param arn the table's ARN, when it exists
 * @param streamArn the latest stream's ARN, when the table has a stream
 * @param duration time spent on this table, waiting included
 */
public record TableResult(DeclaredTable declared, Outcome outcome, List<String> actions, List<Difference> drift, String arn,
        String streamArn, Duration duration) {

    public TableResult {
        actions = List.copyOf(actions);
        drift = List.copyOf(drift);
    }

    /**
     * The differences this run left: everything create does not fix, or everything when nothing was applied.
     * What is pending ({@link #pending()}) is not drift.
     */
    public List<Difference> unresolvedDrift() {
        return drift.stream().filter(d -> d.kind() != Difference.Kind.PENDING)
                .filter(d -> d.change() == null || outcome != Outcome.UPDATED && outcome != Outcome.WOULD_UPDATE)
                .toList();
    }

    /**
     * What AWS is still doing or a run left for the next one ({@link Difference.Kind#PENDING}): an index
     * backfilling, say.
     */
    public List<Difference> pending() {
        return drift.stream().filter(d -> d.kind() == Difference.Kind.PENDING).toList();
    }

    /** Whether any difference would need a new table. */
    public boolean incompatible() {
        return drift.stream().anyMatch(d -> d.kind() == Difference.Kind.INCOMPATIBLE);
    }

    /** The verdict on a table. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UP_TO_DATE,
        DRIFT,
        MISSING,
        ALREADY_EXISTS,
        WOULD_CREATE,
        WOULD_UPDATE,
        SEEDED,
        /** {@code delete}: DeleteTable accepted, and the table is gone. */
        DELETED,
        /** {@code delete}: deletion protection is on; the table was left as it is. */
        PROTECTED,
        /** {@code reset}: every item deleted; the table itself left as it is. */
        EMPTIED,
        /** {@code reset}: the table deleted and created again as declared (many items on a local server). */
        RECREATED
    }
}
