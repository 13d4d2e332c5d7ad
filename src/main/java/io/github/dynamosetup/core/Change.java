package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.json.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * A write that brings an existing table closer to its declaration. Each is one API call (an index replacement
 * two, see {@link ReplaceIndex}), and each can tell whether a live table already has it, so that a step another
 * build did meanwhile counts as done.
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
            TABLE_CLASS("table class"),
            WARM_THROUGHPUT("warm throughput");

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

    /**
     * One UpdateTable call that adds a global secondary index, which then backfills.
     *
     * @param awaitBackfill whether the run waits until the index is ACTIVE (false: {@code waitForIndexes=false},
     *     the run goes on once AWS has accepted the creation)
     */
    record AddIndex(DeclaredGlobalIndex index, boolean awaitBackfill) implements Change {

        /** An index the run waits for. */
        public AddIndex(DeclaredGlobalIndex index) {
            this(index, true);
        }

        @Override
        public String label() {
            return "index " + index.name();
        }

        /** Another run's index of that name counts, unless it is being deleted (then it is the old one). */
        @Override
        public boolean isDoneOn(LiveTable live) {
            LiveTable.Index have = live.globalSecondaryIndexes().get(index.name());
            return have != null && !have.deleting();
        }

        @Override
        public List<Step> steps() {
            return awaitBackfill
                    ? List.of(new Step("create index " + index.name(), false),
                            new Step("wait for index " + index.name() + " to backfill", true))
                    : List.of(new Step("create index " + index.name() + " (its backfill not waited for:"
                            + " waitForIndexes=false)", false));
        }
    }

    /** One UpdateTable call that deletes a global secondary index: a step of {@link ReplaceIndex}, never on its own. */
    record DeleteIndex(String name) implements Change {
        @Override
        public String label() {
            return "delete index " + name;
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            LiveTable.Index have = live.globalSecondaryIndexes().get(name);
            return have == null || have.deleting();
        }
    }

    /**
     * A global secondary index whose keys or projection differ from the declaration, deleted and created again
     * as declared: AWS changes neither in place, and takes one index creation or deletion per UpdateTable call
     * (UpdateTable, API reference). Two calls: {@link #parts()}, with a wait until the old index is gone between
     * them (its name is free only then).
     */
    record ReplaceIndex(DeclaredGlobalIndex index, boolean awaitBackfill) implements Change {
        @Override
        public String label() {
            return "replace index " + index.name();
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            LiveTable.Index have = live.globalSecondaryIndexes().get(index.name());
            return have != null && !have.deleting() && matches(index, have);
        }

        /** The delete, then the creation. */
        public List<Change> parts() {
            return List.of(new DeleteIndex(index.name()), new AddIndex(index, awaitBackfill));
        }

        @Override
        public List<Step> steps() {
            List<Step> steps = new ArrayList<>(List.of(new Step("delete index " + index.name(), false),
                    new Step("wait until index " + index.name() + " is gone", false)));
            steps.addAll(new AddIndex(index, awaitBackfill).steps());
            return List.copyOf(steps);
        }
    }

    /**
     * Whether a live index has the declared keys (in order) and projection. The projected non-key attributes
     * are a set: their order means nothing to DynamoDB.
     */
    static boolean matches(DeclaredGlobalIndex declared, LiveTable.Index live) {
        return declared.partitionKeys().equals(live.partitionKeys()) && declared.sortKeys().equals(live.sortKeys())
                && declared.projection() == live.projection()
                && Set.copyOf(declared.nonKeyAttributes()).equals(Set.copyOf(live.nonKeyAttributes()));
    }

    /** What a change does, step by step, for {@code plan}: one step, or several for an index. */
    default List<Step> steps() {
        return List.of(new Step(label(), false));
    }

    /**
     * One step of a change, in the order the run takes it.
     *
     * @param description e.g. {@code wait until index by-status is gone}
     * @param backfill whether it waits for an index to backfill: minutes even on an empty table, hours on a
     *     large one
     */
    record Step(String description, boolean backfill) {}

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

    /**
     * UpdateContributorInsights on the table ({@code index} null) or on one of its global secondary indexes, which
     * then turns ENABLING and ENABLED (or DISABLING and DISABLED), or FAILED
     * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContributorInsights.html">
     * API_DescribeContributorInsights</a>).
     */
    record SetContributorInsights(String index, boolean enabled) implements Change {
        @Override
        public String label() {
            return index == null ? "contributor insights" : "contributor insights " + index;
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            String status = index == null ? live.contributorInsights()
                    : live.globalSecondaryIndexes().containsKey(index)
                            ? live.globalSecondaryIndexes().get(index).contributorInsights() : null;
            return status != null && LiveTable.insightsOn(status) == enabled;
        }
    }

    /**
     * PutResourcePolicy with the declared document, over the revision read (or only where the table has none), so that
     * a policy someone else put after the read is never overwritten unseen: "if the revision ID of the existing policy
     * on the resource doesn't match or if there's no policy attached to the resource, your request will be rejected
     * with a PolicyNotFoundException. To conditionally attach a policy when no policy exists for the resource,
     * specify NO_POLICY" (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html">
     * API_PutResourcePolicy</a>, ExpectedRevisionId).
     *
     * @param document the declared policy document
     * @param expectedRevisionId the revision of the policy read; null when the table had none
     */
    record PutResourcePolicy(String document, String expectedRevisionId) implements Change {
        @Override
        public String label() {
            return "resource policy";
        }

        @Override
        public boolean isDoneOn(LiveTable live) {
            return live.resourcePolicy() != null
                    && PolicyDocument.equivalent(document, live.resourcePolicy().document());
        }

        /** The same document, over the policy read now. */
        PutResourcePolicy over(LiveTable.Policy current) {
            return new PutResourcePolicy(document, current == null ? null : current.revisionId());
        }
    }
}
