package io.github.dynamosetup.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One way a live table differs from its declaration, written {@code what: declared -> live}.
 *
 * @param what the setting, e.g. {@code ttl}, {@code tag Environment}, {@code partition key}
 * @param declared the declared value, {@code none} when nothing is declared
 * @param live the live value, {@code none} when the table has none
 * @param kind whether create can fix it
 * @param change what create does about it; null when it does nothing
 * @param advice what the user can do, for what create does not fix
 */
public record Difference(String what, String declared, String live, Kind kind, Change change, String advice) {

    /** What can be done about a difference. */
    public enum Kind {
        /** create fixes it in place. */
        FIXABLE,
        /** It can be fixed in place, but not by create alone: an AWS limit, an opt-in, or a human decision. */
        MANUAL,
        /** Only a new table would have it (keys, local secondary indexes). */
        INCOMPATIBLE,
        /**
         * Not drift: AWS is still on its way to the declaration (an index backfilling or being deleted), or a run
         * with {@code waitForIndexes=false} left the change for the next run. Never fails a build.
         */
        PENDING
    }

    /**
     * What the user can do about this difference: its advice, else what create does about it.
     *
     * @param tableIncompatible whether the table has drift only a new table would fix, in which case
     *     create changes nothing on it
     */
    public String remedy(Remedies remedies, boolean tableIncompatible) {
        if (advice != null) {
            return advice;
        }
        return tableIncompatible
                ? "create changes nothing on a table whose keys or local indexes differ from the declaration"
                : remedies.run(Goal.CREATE) + " fixes this";
    }

    /**
     * The distinct changes of the fixable differences, in the order create makes them: as found, except that an
     * index whose backfill the run does not wait for ({@code waitForIndexes=false}) comes last, as the run waits
     * for every index to be ACTIVE before any other UpdateTable. None for a table with incompatible drift: it is
     * not the declared table (other keys), so its settings are not ours to change; enabling TTL on it, say, could
     * expire items of another data model.
     */
    public static Set<Change> changes(List<Difference> differences) {
        if (differences.stream().anyMatch(d -> d.kind() == Kind.INCOMPATIBLE)) {
            return Set.of();
        }
        Set<Change> found = differences.stream().map(Difference::change).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Change> ordered = new LinkedHashSet<>();
        found.stream().filter(c -> !backfillsUnwaited(c)).forEach(ordered::add);
        found.stream().filter(Difference::backfillsUnwaited).forEach(ordered::add);
        return ordered;
    }

    private static boolean backfillsUnwaited(Change change) {
        return change instanceof Change.AddIndex add && !add.awaitBackfill()
                || change instanceof Change.ReplaceIndex replace && !replace.awaitBackfill();
    }

    /** Whether any of the differences is drift: anything but what is {@link Kind#PENDING}. */
    public static boolean anyDrift(List<Difference> differences) {
        return differences.stream().anyMatch(d -> d.kind() != Kind.PENDING);
    }

    @Override
    public String toString() {
        return what + ": " + declared + " -> " + live;
    }
}
