package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * A write that brings an existing table closer to its declaration. Each is one API call, and each can
 * tell whether a live table already has it, so that a step another build did meanwhile counts as done.
 */
public sealed interface Change {

    /** A short name for the log line {@code ~ update  table (ttl, tags)}. */
    String label();

    /** Whether the live table already has what this change would give it (or is on its way to it). */
    boolean isDoneOn(LiveTable live);

    /** One UpdateTable call of one kind of change; the table is UPDATING until it is done. */
    record UpdateTable(What what, Consumer<UpdateTableRequest.Builder> request, Predicate<LiveTable> done)
            implements Change {

        /** What an UpdateTable call changes, with its label. */
        public enum What {
            BILLING_MODE("billing mode"),
            CAPACITY("capacity"),
            REQUEST_UNITS("request units"),
            STREAM("stream"),
            ENCRYPTION("encryption"),
            DELETION_PROTECTION("deletion protection"),
            TABLE_CLASS("table class");

            private final String label;

            What(String label) {
                this.label = label;
            }
        }

        @Override
        public String label() {
            return what.label;
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            return done.test(live);
        }
    }

    /** One UpdateTable call that adds a global secondary index, which then backfills. */
    record AddIndex(DeclaredGlobalIndex index) implements Change {
        @Override
        public String label() {
            return "index " + index.name();
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            return live.globalSecondaryIndexes().containsKey(index.name());
        }
    }

    /** UpdateTimeToLive. */
    record EnableTimeToLive(String attribute) implements Change {
        @Override
        public String label() {
            return "ttl";
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            return live.timeToLiveEnabled() && attribute.equals(live.timeToLiveAttribute());
        }
    }

    /** TagResource with the declared tags that are missing or different. */
    record TagTable(Map<String, String> tags) implements Change {
        @Override
        public String label() {
            return "tags";
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            return tags.entrySet().stream().allMatch(t -> t.getValue().equals(live.tags().get(t.getKey())));
        }
    }

    /**
     * UpdateContinuousBackups, with the recovery period when one is declared ({@code null}: none is sent, and
     * DynamoDB takes its default, 35 days).
     */
    record EnablePointInTimeRecovery(Long recoveryPeriodInDays) implements Change {
        @Override
        public String label() {
            return "pitr";
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            return Boolean.TRUE.equals(live.pointInTimeRecovery()) && (recoveryPeriodInDays == null
                    || live.recoveryPeriodInDays() != null
                    && recoveryPeriodInDays == live.recoveryPeriodInDays().longValue());
        }
    }

    /**
     * RegisterScalableTarget and PutScalingPolicy (Application Auto Scaling) for each capacity whose declared auto
     * scaling the table does not have; both calls update what exists.
     */
    record ConfigureAutoScaling(Map<ScalableCapacity, AutoScaling.Dimension> targets) implements Change {
        @Override
        public String label() {
            return "auto scaling";
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            return live.scaling() != null && targets.entrySet().stream()
                    .allMatch(t -> AutoScalingTargets.matches(t.getValue(), live.scaling().get(t.getKey())));
        }
    }

    /**
     * One UpdateTable call that adds a global table replica in another region (ReplicaUpdates Create, version
     * 2019.11.21); the table is UPDATING until the replica is made.
     */
    record AddReplica(String region) implements Change {
        @Override
        public String label() {
            return "replica " + region;
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            return live.replicas().containsKey(region);
        }
    }
}
