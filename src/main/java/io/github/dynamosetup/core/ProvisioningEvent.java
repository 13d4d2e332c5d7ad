package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.DeclaredTable;
import java.time.Duration;
import java.util.List;

/**
 * What a run reports as it goes: structured, so that the console lines and the JSON report are both made
 * from the same facts, outside the core. Table names are the real names (prefix and suffix applied).
 */
public sealed interface ProvisioningEvent {

    /** A run of {@code goal} starts on {@code tables} in {@code target} (e.g. {@code region us-east-1}). */
    record Started(Goal goal, String target, List<DeclaredTable> tables) implements ProvisioningEvent {
        public Started {
            tables = List.copyOf(tables);
        }
    }

    /**
     * What the run found for one table before acting: for create and plan what create will do, for validate
     * the verdict. Comes for every table, in declaration order, once all tables have been read.
     */
    record Assessed(Goal goal, TableResult table) implements ProvisioningEvent {}

    /** CreateTable accepted the table. */
    record Created(String table) implements ProvisioningEvent {}

    /** {@code force}: CreateTable refused the table because it exists (ResourceInUseException). */
    record AlreadyExists(String table) implements ProvisioningEvent {}

    /** {@code delete}: DeleteTable accepted the table; the run waits until it is gone. */
    record DeleteAccepted(String table) implements ProvisioningEvent {}

    /**
     * {@code delete} or {@code reset} is done with one table: {@link TableResult.Outcome#DELETED} (gone),
     * {@link TableResult.Outcome#MISSING} (there was no such table), {@link TableResult.Outcome#PROTECTED} (deletion
     * protection is on: left as it is), or {@link TableResult.Outcome#EMPTIED} with the number of items deleted.
     */
    record Removed(String table, TableResult.Outcome outcome, long items) implements ProvisioningEvent {}

    /** A table this run created is ACTIVE. */
    record Active(String table) implements ProvisioningEvent {}

    /** The run made one change to a table. */
    record Changed(String table, Change change) implements ProvisioningEvent {}

    /**
     * Something about a table worth knowing that is no drift and that the run leaves alone: a global table replica
     * nobody declared, say.
     */
    record Notice(String table, String message) implements ProvisioningEvent {}

    /** AWS refused a change ({@code errorCode}) because another run had made it meanwhile: it counts as done. */
    record ChangedMeanwhile(String table, Change change, String errorCode) implements ProvisioningEvent {}

    /** The run waits for a table before it can create it. */
    record Waits(String table, Reason reason) implements ProvisioningEvent {

        /** Why. */
        public enum Reason {
            /** The table is being deleted; it is created again once it is gone. */
            DELETING,
            /** Another run created it meanwhile; it is brought to its declaration once ACTIVE. */
            CREATED_ELSEWHERE
        }
    }

    /**
     * Said at a steady pace while tables or indexes are not ACTIVE, so that a long wait is never silent.
     *
     * @param done tables done with
     * @param total tables of the run
     * @param pending what is waited for, the longest-waiting first
     */
    record StillWaiting(int done, int total, List<Pending> pending) implements ProvisioningEvent {
        public StillWaiting {
            pending = List.copyOf(pending);
        }

        /** A table (or a table's index) that is not ACTIVE yet: what it is doing, and for how long. */
        public record Pending(String what, String state, Duration waited) {}
    }

    /** AWS said "not now" ({@code errorCode}) to {@code operation}; the run tries again after {@code delay}. */
    record Retrying(String table, String operation, String errorCode, Duration delay) implements ProvisioningEvent {}

    /** The seed wrote a table's items. */
    record Seeded(String table, int items) implements ProvisioningEvent {}

    /** The run is done with one table. */
    record TableDone(TableResult result) implements ProvisioningEvent {}

    /** The run failed on one table; the others go on. */
    record TableFailed(String table, ProvisioningException failure) implements ProvisioningEvent {}

    /** The run is done with every table; a failure for drift or existing tables may follow. */
    record Finished(RunSummary summary) implements ProvisioningEvent {}
}
