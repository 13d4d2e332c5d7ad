package io.github.dynamosetup.core;

import static io.github.dynamosetup.core.CreateTableRequests.throughput;

import io.github.dynamosetup.core.Change.UpdateTable.What;
import io.github.dynamosetup.core.Difference.Kind;
import io.github.dynamosetup.core.LiveTable.Value;
import io.github.dynamosetup.core.LiveTable.Value.Part;
import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredLocalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.Setting;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.WarmThroughput;
import io.github.dynamosetup.declaration.json.PolicyDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.SSEType;

/**
 * Compares a declared table with the live one, setting by setting. What AWS computes (status, sizes,
 * counts, ARNs, timestamps, warm throughput at or above the declared), tags nobody declared, {@code aws:} tags
 * and settings the declaration leaves to DynamoDB's defaults never count; tag order never matters.
 *
 * <p>Longer than 300 lines on purpose: one method per group of settings (keys, indexes, billing, TTL, stream,
 * encryption, flags, tags, warm throughput, contributor insights), each holding its comparison, the change
 * create makes and the advice for what it does not; split apart, a setting's rule and its advice would live in
 * two places.
 */
final class DriftDetector {

    private static final String NONE = "none";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-fA-F-]{36}|mrk-[0-9a-fA-F]{32}");

    /** The advice on a live value AWS wrote in a word this version does not know. */
    private static final String UNKNOWN_VALUE = "AWS reports a value this version of dynamo-setup does not know:"
            + " check the table, and use a newer dynamo-setup if there is one";

    private final DeclaredTable table;
    private final LiveTable live;
    private final TableProvisioner.Options options;
    private final Remedies remedies;
    private final List<Difference> differences = new ArrayList<>();

    private DriftDetector(DeclaredTable table, LiveTable live, TableProvisioner.Options options, Remedies remedies) {
        this.table = table;
        this.live = live;
        this.options = options;
        this.remedies = remedies;
    }

    /**
     * Every difference between the declaration and the live table.
     *
     * @param applyIndexChanges whether create may add declared global secondary indexes
     * @param remedies how advice names what the user can run or declare
     */
    static List<Difference> compare(DeclaredTable table, LiveTable live, boolean applyIndexChanges,
            Remedies remedies) {
        return compare(table, live, new TableProvisioner.Options(applyIndexChanges, false), remedies);
    }

    /**
     * Every difference between the declaration and the live table, with the index changes create makes under
     * {@code options} ({@code applyIndexChanges}, {@code replaceChangedIndexes}, {@code waitForIndexes}).
     */
    static List<Difference> compare(DeclaredTable table, LiveTable live, TableProvisioner.Options options,
            Remedies remedies) {
        DriftDetector detector = new DriftDetector(table, live, options, remedies);
        detector.keys();
        detector.localIndexes();
        detector.globalIndexes();
        detector.billing();
        detector.autoScaling();
        detector.timeToLive();
        detector.stream();
        detector.encryption();
        detector.flags();
        detector.replicas();
        detector.resourcePolicy();
        detector.tags();
        detector.warmThroughput();
        detector.contributorInsights();
        detector.leaveForNextRun();
        return detector.differences;
    }

    private void keys() {
        String newTable = "a table's keys cannot change: create a table with another name and move the data";
        if (!Objects.equals(table.partitionKey(), live.partitionKey())) {
            add("partition key", text(table.partitionKey()), live.text(Value.PARTITION_KEY, live.partitionKey()),
                    Kind.INCOMPATIBLE, null, newTable);
        }
        if (!Objects.equals(table.sortKey(), live.sortKey())) {
            add("sort key", text(table.sortKey()), live.text(Value.SORT_KEY, live.sortKey()), Kind.INCOMPATIBLE, null,
                    newTable);
        }
    }

    private void localIndexes() {
        String newTable = "local secondary indexes are made with the table only: create a table with another name"
                + " and move the data";
        Set<String> declared = new HashSet<>();
        for (DeclaredLocalIndex index : table.localSecondaryIndexes()) {
            declared.add(index.name());
            LiveTable.Index liveIndex = live.localSecondaryIndexes().get(index.name());
            String want = index(text(index.sortKey()), null, index.projection().name(), index.nonKeyAttributes());
            String have = liveIndex == null ? NONE : liveIndex(index.name(), liveIndex, false);
            if (!want.equals(have)) {
                add("local secondary index " + index.name(), want, have, Kind.INCOMPATIBLE, null, newTable);
            }
        }
        live.localSecondaryIndexes().forEach((name, index) -> {
            if (!declared.contains(name)) {
                add("local secondary index " + name, NONE, liveIndex(name, index, false), Kind.INCOMPATIBLE, null,
                        "declare it, or move the data to a table without it");
            }
        });
    }

    private void globalIndexes() {
        Set<String> declared = new HashSet<>();
        for (DeclaredGlobalIndex index : table.globalSecondaryIndexes()) {
            declared.add(index.name());
            LiveTable.Index liveIndex = live.globalSecondaryIndexes().get(index.name());
            String what = "global secondary index " + index.name();
            String want = index(text(index.partitionKeys()), index.sortKeys().isEmpty() ? null : text(index.sortKeys()),
                    index.projection().name(), index.nonKeyAttributes());
            if (liveIndex == null || liveIndex.deleting()) {
                // an index being deleted is added again once it is gone: the wait before every UpdateTable sees to it
                String have = liveIndex == null ? NONE : liveIndex(index.name(), liveIndex, true) + " (DELETING)";
                if (options.applyIndexChanges()) {
                    add(what, want, have, Kind.FIXABLE, new Change.AddIndex(index, options.waitForIndexes()), null);
                } else {
                    add(what, want, have, Kind.MANUAL, null, "run " + remedies.runApplyingIndexChanges() + " to add it"
                            + " (it then backfills from the table's items, which takes time on a large table)");
                }
                continue;
            }
            String have = liveIndex(index.name(), liveIndex, true);
            if (!want.equals(have) && !Change.matches(index, liveIndex)) {
                if (options.applyIndexChanges() && options.replaceChangedIndexes()) {
                    add(what, want, have, Kind.FIXABLE, new Change.ReplaceIndex(index, options.waitForIndexes()), null);
                } else {
                    add(what, want, have, Kind.MANUAL, null, "an index's keys and projection cannot change in"
                            + " place: run " + remedies.runReplacingChangedIndexes() + " to delete it and create it as"
                            + " declared (queries on it fail until it has backfilled again)");
                }
            } else if (liveIndex.creating()) {
                add(what, want, state(liveIndex), Kind.PENDING, null, "AWS is still creating it: not drift;"
                        + " queries on it work once it is ACTIVE");
            } else if (table.billingMode() == BillingMode.PROVISIONED && live.billingMode() == BillingMode.PROVISIONED
                    && index.capacity().isComplete()
                    && !hasCapacity(live, index.name(), index.capacity(), index.autoScaling())) {
                Capacity capacity = unscaled(live, index.name(), index.capacity(), liveIndex.capacity(), index.autoScaling());
                add("capacity of index " + index.name(), capacity(capacity), capacity(liveIndex.capacity()),
                        Kind.FIXABLE, new Change.UpdateTable(What.CAPACITY, r -> r.globalSecondaryIndexUpdates(
                                GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(index.name())
                                        .provisionedThroughput(throughput(capacity))).build()),
                                l -> l.globalSecondaryIndexes().containsKey(index.name())
                                        && hasCapacity(l, index.name(), index.capacity(), index.autoScaling())),
                        null);
            }
        }
        live.globalSecondaryIndexes().forEach((name, index) -> {
            if (declared.contains(name)) {
                return;
            }
            if (index.deleting()) {
                add("global secondary index " + name, NONE, "DELETING", Kind.PENDING, null, "AWS is deleting it");
            } else {
                add("global secondary index " + name, NONE, liveIndex(name, index, true), Kind.MANUAL, null,
                        "declare it, or delete it by hand (dynamo-setup never deletes an index it does not replace)");
            }
        });
    }

    /** An index being created, as the live value of a pending difference: {@code CREATING, backfilling}. */
    private static String state(LiveTable.Index index) {
        return index.status() + (index.backfilling() ? ", backfilling" : "");
    }

    /**
     * With {@code waitForIndexes=false}, what a run does not start on a table: AWS takes one index creation or
     * deletion at a time per table ("You can create or delete only one global secondary index per UpdateTable
     * operation", UpdateTable, API reference), and a run waits for the table and its indexes to be ACTIVE before
     * each UpdateTable. So when an index is already being created or deleted, every UpdateTable change is left
     * for the next run; otherwise every index change after the first (which the run makes last, see
     * {@link Difference#changes}). Left changes are {@link Kind#PENDING}, never drift.
     */
    private void leaveForNextRun() {
        if (options.waitForIndexes()) {
            return;
        }
        boolean busy = live.indexesInProgress();
        String first = null;
        for (int i = 0; i < differences.size(); i++) {
            Difference difference = differences.get(i);
            Change change = difference.change();
            boolean index = change instanceof Change.AddIndex || change instanceof Change.ReplaceIndex;
            String advice;
            // adding a replica is an UpdateTable too, sent once the table and its indexes are ACTIVE
            if (busy && (index || change instanceof Change.UpdateTable || change instanceof Change.AddReplica)) {
                advice = "left for the next run: an index of the table is being created or deleted, and"
                        + " waitForIndexes=false does not wait for it";
            } else if (index && first != null) {
                advice = "left for the next run: with waitForIndexes=false one index change starts per table and"
                        + " run (AWS takes no other while index " + first + " backfills); run "
                        + remedies.run(Goal.CREATE) + " again once it is ACTIVE";
            } else {
                if (index) {
                    first = difference.what().substring("global secondary index ".length());
                }
                continue;
            }
            differences.set(i, new Difference(difference.what(), difference.declared(), difference.live(),
                    Kind.PENDING, null, advice));
        }
    }

    private void billing() {
        if (live.billingMode() == null) {
            add("billing mode", table.billingMode().name(), live.text(Value.BILLING_MODE, null), Kind.MANUAL, null,
                    UNKNOWN_VALUE);
            return;
        }
        if (table.billingMode() != live.billingMode()) {
            add("billing mode", table.billingMode().name(), live.billingMode().name(), Kind.FIXABLE,
                    new Change.UpdateTable(What.BILLING_MODE, r -> {
                        r.billingMode(table.billingMode().name());
                        if (table.billingMode() == BillingMode.PROVISIONED) {
                            r.provisionedThroughput(throughput(table.capacity()));
                            List<GlobalSecondaryIndexUpdate> updates = new ArrayList<>();
                            table.globalSecondaryIndexes().stream()
                                    .filter(i -> live.globalSecondaryIndexes().containsKey(i.name()))
                                    .forEach(i -> updates.add(GlobalSecondaryIndexUpdate.builder().update(u -> u
                                            .indexName(i.name()).provisionedThroughput(throughput(i.capacity())))
                                            .build()));
                            if (!updates.isEmpty()) {
                                r.globalSecondaryIndexUpdates(updates);
                            }
                        }
                    }, l -> l.billingMode() == table.billingMode()), "AWS allows a table four switches to"
                            + " PAY_PER_REQUEST in 24 hours (to PROVISIONED at any time); if create is refused for"
                            + " that, run it again once the message's time has passed");
            return;
        }
        Capacity wanted = unscaled(live, null, table.capacity(), live.capacity(), table.autoScaling());
        if (table.billingMode() == BillingMode.PROVISIONED && !wanted.equals(live.capacity())) {
            add("capacity", capacity(wanted), capacity(live.capacity()), Kind.FIXABLE,
                    new Change.UpdateTable(What.CAPACITY, r -> r.provisionedThroughput(throughput(wanted)),
                            l -> hasCapacity(l, null, table.capacity(), table.autoScaling())), null);
        }
        RequestUnits declared = table.onDemandThroughput();
        if (table.billingMode() == BillingMode.PAY_PER_REQUEST && declared.isDeclared()
                && !declared.equals(live.onDemandThroughput())) {
            add("maximum request units", units(declared), units(live.onDemandThroughput()), Kind.FIXABLE,
                    new Change.UpdateTable(What.REQUEST_UNITS, r -> r.onDemandThroughput(t -> t
                            .maxReadRequestUnits(declared.maxReadRequestUnits())
                            .maxWriteRequestUnits(declared.maxWriteRequestUnits())),
                            l -> declared.equals(l.onDemandThroughput())), null);
        }
    }

    /**
     * The capacity to compare with the live one, and to write: the declared one, except in each dimension Application
     * Auto Scaling owns (auto scaling declared for it, or a scalable target found on it), where it is the live one.
     * Capacity a scaler moves is never drift, and an UpdateTable must not set it back, or it would fight the scaler
     * ("Application Auto Scaling ... adjusts provisioned throughput capacity on your behalf", developer guide,
     * AutoScaling.html; Terraform's perpetual drift, terraform-provider-aws #671).
     */
    private static Capacity unscaled(LiveTable on, String index, Capacity declared, Capacity liveCapacity,
            AutoScaling scaling) {
        if (!liveCapacity.isComplete()) {
            return declared;
        }
        boolean read = scaling.read() != null || on.scaled(new ScalableCapacity(index, false));
        boolean write = scaling.write() != null || on.scaled(new ScalableCapacity(index, true));
        return new Capacity(read ? liveCapacity.readCapacityUnits() : declared.readCapacityUnits(),
                write ? liveCapacity.writeCapacityUnits() : declared.writeCapacityUnits());
    }

    /** Whether {@code on} has the declared capacity of the table or of {@code index}, where auto scaling does not own it. */
    private static boolean hasCapacity(LiveTable on, String index, Capacity declared, AutoScaling scaling) {
        Capacity have = index == null ? on.capacity() : on.globalSecondaryIndexes().get(index).capacity();
        return unscaled(on, index, declared, have, scaling).equals(have);
    }

    /**
     * Declared auto scaling against the scalable targets and target tracking policies found: min, max and target
     * utilization of each declared dimension, all converged by one change (RegisterScalableTarget and
     * PutScalingPolicy update what exists). Targets nobody declared are left alone: they are not drift, they only
     * take the capacity they own out of the comparison.
     */
    private void autoScaling() {
        if (table.billingMode() != BillingMode.PROVISIONED) {
            return;
        }
        Map<ScalableCapacity, AutoScaling.Dimension> differing = new LinkedHashMap<>();
        AutoScalingTargets.declared(table).forEach((capacity, scaling) -> {
            // a missing index is reported already; create scales it once it has added (and waited for) it, and an
            // index whose backfill is not waited for gets it at the next run, once it is there
            boolean indexThere = capacity.index() == null || live.globalSecondaryIndexes().containsKey(capacity.index());
            if ((indexThere || options.applyIndexChanges() && options.waitForIndexes())
                    && !AutoScalingTargets.matches(scaling, liveScaling(capacity))) {
                differing.put(capacity, scaling);
            }
        });
        Change change = new Change.ConfigureAutoScaling(differing);
        differing.forEach((capacity, scaling) -> add("auto scaling of " + capacity.describe(), scaling(scaling),
                scaling(liveScaling(capacity)), Kind.FIXABLE, change, null));
    }

    private AutoScaling.Dimension liveScaling(ScalableCapacity capacity) {
        return live.scaling() == null ? null : live.scaling().get(capacity);
    }

    private static String scaling(AutoScaling.Dimension scaling) {
        if (scaling == null) {
            return NONE;
        }
        return "min " + scaling.minCapacity() + ", max " + scaling.maxCapacity() + ", target "
                + (scaling.targetUtilization() == null ? NONE : scaling.targetUtilization() + " %");
    }

    private void timeToLive() {
        String declared = table.timeToLiveAttribute();
        String attribute = live.timeToLiveEnabled() ? live.timeToLiveAttribute() : null;
        if (Objects.equals(declared, attribute)) {
            return;
        }
        String have = attribute == null ? "disabled" : attribute;
        if (declared != null && attribute == null) {
            if ("DISABLING".equals(live.timeToLiveStatus())) {
                add("ttl", declared, "disabling", Kind.MANUAL, null, "TTL is being disabled; AWS allows one TTL"
                        + " change per table an hour: run " + remedies.run(Goal.CREATE) + " again once it is DISABLED"
                        + " and the hour has passed");
            } else {
                add("ttl", declared, have, Kind.FIXABLE, new Change.EnableTimeToLive(declared), null);
            }
        } else if (declared != null) {
            add("ttl", declared, have, Kind.MANUAL, null, "TTL moves to another attribute only by disabling it and"
                    + " enabling it again, and AWS allows one TTL change per table an hour: run aws dynamodb"
                    + " update-time-to-live --table-name " + table.name() + " --time-to-live-specification"
                    + " Enabled=false,AttributeName=" + attribute + ", then " + remedies.run(Goal.CREATE)
                    + " an hour later");
        } else {
            add("ttl", "disabled", have, Kind.MANUAL, null, "declare " + remedies.declare(Setting.TIME_TO_LIVE,
                    attribute) + ", or disable TTL by hand (dynamo-setup never turns settings off)");
        }
    }

    private void stream() {
        StreamViewType declared = table.stream() != null && table.stream().enabled() ? table.stream().viewType() : null;
        StreamViewType have = live.streamViewType();
        boolean unknown = live.unrecognized().containsKey(Value.STREAM);
        if (declared == null && have == StreamViewType.NEW_AND_OLD_IMAGES
                && (!table.replicaRegions().isEmpty() || !live.replicas().isEmpty())) {
            // AWS turns it on for replicas, and it "cannot be changed or disabled" (developer guide, V2globaltables)
            return;
        }
        if (declared == have && !unknown) {
            return;
        }
        String haveText = live.text(Value.STREAM, have);
        if (have == null && !unknown) {
            add("stream", declared.name(), NONE, Kind.FIXABLE, new Change.UpdateTable(What.STREAM,
                    r -> r.streamSpecification(s -> s.streamEnabled(true).streamViewType(declared.name())),
                    l -> l.streamViewType() == declared), null);
        } else if (declared != null) {
            add("stream", declared.name(), haveText, Kind.MANUAL, null, "a stream's view type cannot change:"
                    + " disable the stream by hand (its consumers must move to the new stream), then run "
                    + remedies.run(Goal.CREATE) + " to enable it as declared");
        } else {
            add("stream", NONE, haveText, Kind.MANUAL, null, "declare " + remedies.declare(Setting.STREAM, haveText)
                    + ", or disable the stream by hand (dynamo-setup never turns settings off)");
        }
    }

    private void encryption() {
        Encryption declared = table.encryption();
        if (declared == null) {
            return; // DynamoDB's default; a key chosen by hand is not drift of anything declared
        }
        String have = live.kmsKeyArn() == null ? Encryption.AWS_OWNED.name() : "KMS " + live.kmsKeyArn();
        if (encryptionMatches(live)) {
            return;
        }
        String want = declared == Encryption.CUSTOMER_MANAGED ? "KMS " + table.kmsKeyId() : declared.name();
        add("encryption", want, have, Kind.FIXABLE, new Change.UpdateTable(What.ENCRYPTION, r -> r.sseSpecification(s -> {
            if (declared == Encryption.AWS_OWNED) {
                s.enabled(false);
            } else {
                s.enabled(true).sseType(SSEType.KMS);
                if (declared == Encryption.CUSTOMER_MANAGED) {
                    s.kmsMasterKeyId(table.kmsKeyId());
                }
            }
        }), this::encryptionMatches), null);
    }

    private boolean encryptionMatches(LiveTable liveTable) {
        return switch (table.encryption()) {
            case AWS_OWNED -> liveTable.kmsKeyArn() == null;
            // DescribeTable names the key, not who manages it: any KMS key passes for AWS_MANAGED
            case AWS_MANAGED -> liveTable.kmsKeyArn() != null;
            case CUSTOMER_MANAGED -> liveTable.kmsKeyArn() != null && sameKey(table.kmsKeyId(), liveTable.kmsKeyArn());
        };
    }

    /** An ARN or key id is compared; an alias cannot be without KMS, so it passes. */
    private static boolean sameKey(String declared, String liveArn) {
        if (declared.startsWith("arn:")) {
            return declared.equals(liveArn);
        }
        if (KEY_ID.matcher(declared).matches()) {
            return liveArn.endsWith(":key/" + declared);
        }
        return true;
    }

    private void flags() {
        Change.EnablePointInTimeRecovery recovery = new Change.EnablePointInTimeRecovery(
                table.recoveryPeriodInDays());
        if (table.pointInTimeRecovery() && !Boolean.TRUE.equals(live.pointInTimeRecovery())) {
            add("point-in-time recovery", "enabled", "disabled", Kind.FIXABLE, recovery, null);
        } else if (table.pointInTimeRecovery() && !recovery.isDoneOn(live)) {
            // compared only when declared: AWS's default period (35) on an undeclared one is no drift
            add("recovery period", table.recoveryPeriodInDays() + " days",
                    live.recoveryPeriodInDays() == null ? NONE : live.recoveryPeriodInDays() + " days", Kind.FIXABLE,
                    recovery, null);
        }
        if (table.deletionProtection() && !live.deletionProtection()) {
            add("deletion protection", "enabled", "disabled", Kind.FIXABLE,
                    new Change.UpdateTable(What.DELETION_PROTECTION, r -> r.deletionProtectionEnabled(true),
                            LiveTable::deletionProtection), null);
        }
        if (table.tableClass() != null && live.tableClass() == null) {
            add("table class", table.tableClass().name(), live.text(Value.TABLE_CLASS, null), Kind.MANUAL, null,
                    UNKNOWN_VALUE);
        } else if (table.tableClass() != null && table.tableClass() != live.tableClass()) {
            add("table class", table.tableClass().name(), live.tableClass().name(), Kind.FIXABLE,
                    new Change.UpdateTable(What.TABLE_CLASS, r -> r.tableClass(table.tableClass().name()),
                            l -> l.tableClass() == table.tableClass()), null);
        }
    }

    /**
     * Declared replicas against those DescribeTable lists: a missing one is added by create, one AWS could not make
     * or keep needs a person. Replicas nobody declared are no drift: dynamo-setup never removes one (they are told
     * as a notice).
     */
    private void replicas() {
        for (String region : table.replicaRegions()) {
            String status = live.replicas().get(region);
            if (status == null) {
                add("replica " + region, "ACTIVE", NONE, Kind.FIXABLE, new Change.AddReplica(region), null);
            } else if (!Set.of("ACTIVE", "CREATING", "UPDATING").contains(status)) {
                add("replica " + region, "ACTIVE", status, Kind.MANUAL, null, "AWS could not make or keep the replica"
                        + " (aws dynamodb describe-table --table-name " + table.name() + " shows why in its"
                        + " ReplicaStatusDescription): fix the cause, or remove the replica by hand and run "
                        + remedies.run(Goal.CREATE) + " to add it again");
            }
        }
    }

    /**
     * A declared policy compared as JSON ({@link PolicyDocument#equivalent}), never as text; a policy nobody declared
     * is not read, and so never drift. The revision read goes with the change, which puts the declared document over
     * it. dynamo-setup never deletes a policy.
     */
    private void resourcePolicy() {
        ResourcePolicy declared = table.resourcePolicy();
        if (declared == null) {
            return;
        }
        LiveTable.Policy have = live.resourcePolicy();
        if (have != null && PolicyDocument.equivalent(declared.document(), have.document())) {
            return;
        }
        add("resource policy", PolicyDocument.describe(declared.document()),
                have == null ? NONE : "another " + PolicyDocument.describe(have.document()), Kind.FIXABLE,
                new Change.PutResourcePolicy(declared.document(), have == null ? null : have.revisionId()), null);
    }

    private void tags() {
        Map<String, String> missing = new LinkedHashMap<>();
        table.tags().forEach((key, value) -> {
            if (!value.equals(live.tags().get(key))) {
                missing.put(key, value);
            }
        });
        // one TagResource call carries every missing tag: the tag differences share it
        Change tagging = new Change.TagTable(missing);
        missing.forEach((key, value) -> {
            String have = live.tags().get(key);
            add("tag " + key, value, have == null ? NONE : have, Kind.FIXABLE, tagging, null);
        });
    }

    /**
     * Warm throughput, of the table and of each declared index that exists, only where declared: live values at
     * or above the declared ones are no drift (AWS raises warm throughput by itself as use grows, and never lowers
     * it: "Once increased, warm throughput values can't be decreased",
     * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html">
     * warm-throughput.html</a>), nor is an increase under way (UPDATING). Below them, create raises the values
     * that fall short with UpdateTable, one call for the table and one per index; a declaration lower than the
     * live table is met already, and nothing is ever asked to go down.
     */
    private void warmThroughput() {
        WarmThroughput declared = table.warmThroughput();
        if (declared.isDeclared() && !live.warmThroughput().meets(declared)) {
            WarmThroughput raise = live.warmThroughput().shortOf(declared);
            add("warm throughput", declared.toString(), live.warmThroughput().toString(), Kind.FIXABLE,
                    new Change.UpdateTable(What.WARM_THROUGHPUT, r -> r.warmThroughput(CreateTableRequests.warm(raise)),
                            l -> l.warmThroughput().meets(declared)), null);
        }
        for (DeclaredGlobalIndex index : table.globalSecondaryIndexes()) {
            WarmThroughput wanted = index.warmThroughput();
            LiveTable.Index liveIndex = live.globalSecondaryIndexes().get(index.name());
            if (!wanted.isDeclared() || liveIndex == null || liveIndex.warmThroughput().meets(wanted)) {
                continue; // an index not made yet gets its warm throughput when it is added
            }
            WarmThroughput raise = liveIndex.warmThroughput().shortOf(wanted);
            add("warm throughput of index " + index.name(), wanted.toString(), liveIndex.warmThroughput().toString(),
                    Kind.FIXABLE, new Change.UpdateTable(What.WARM_THROUGHPUT, r -> r.globalSecondaryIndexUpdates(
                            GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(index.name())
                                    .warmThroughput(CreateTableRequests.warm(raise))).build()),
                            l -> l.globalSecondaryIndexes().containsKey(index.name())
                                    && l.globalSecondaryIndexes().get(index.name()).warmThroughput().meets(wanted)),
                    null);
        }
    }

    /**
     * Contributor insights, of the table and of each declared index, only where declared (true or false): ENABLING
     * counts as enabled, DISABLING and FAILED as not. create turns it on or off with UpdateContributorInsights; an
     * index that create is about to add (and wait for) gets it once it is there.
     */
    private void contributorInsights() {
        insights(null, table.contributorInsights(), live.contributorInsights(), "contributor insights");
        for (DeclaredGlobalIndex index : table.globalSecondaryIndexes()) {
            LiveTable.Index liveIndex = live.globalSecondaryIndexes().get(index.name());
            if (liveIndex != null) {
                insights(index.name(), index.contributorInsights(), liveIndex.contributorInsights(),
                        "contributor insights of index " + index.name());
            } else if (options.applyIndexChanges() && options.waitForIndexes()
                    && Boolean.TRUE.equals(index.contributorInsights())) {
                // an index whose backfill is not waited for gets it at the next run, once it is there
                add("contributor insights of index " + index.name(), "enabled", NONE, Kind.FIXABLE,
                        new Change.SetContributorInsights(index.name(), true), null);
            }
        }
    }

    private void insights(String index, Boolean declared, String status, String what) {
        if (declared == null || status != null && LiveTable.insightsOn(status) == declared) {
            return;
        }
        add(what, declared ? "enabled" : "disabled", status == null ? NONE : status.toLowerCase(Locale.ROOT),
                Kind.FIXABLE, new Change.SetContributorInsights(index, declared), null);
    }

    private void add(String what, String declared, String liveValue, Kind kind, Change change, String advice) {
        differences.add(new Difference(what, declared, liveValue, kind, change, advice));
    }

    private static String text(KeyAttribute key) {
        return key == null ? NONE : key.toString();
    }

    /** The attributes of a key in order, {@code tenant:S, region:S}; a key of several attributes compares in order. */
    private static String text(List<KeyAttribute> keys) {
        return keys.isEmpty() ? NONE : keys.stream().map(KeyAttribute::toString).collect(Collectors.joining(", "));
    }

    /** An index as text, {@code keys PROJECTION nonKeyAttributes}; null keys are left out. */
    private static String index(String first, String second, String projection, List<String> nonKey) {
        StringBuilder text = new StringBuilder();
        if (first != null) {
            text.append(first);
        }
        if (second != null) {
            text.append(text.length() > 0 ? "," : "").append(second);
        }
        return text.append(' ').append(projection).append(nonKey.isEmpty() ? "" : " " + String.join(",", nonKey))
                .toString();
    }

    /**
     * A live index as text, in AWS's words where this version does not know them.
     *
     * @param global whether it is a global index (its partition key counts) or a local one (only its sort key)
     */
    private String liveIndex(String name, LiveTable.Index index, boolean global) {
        String sortKey = keyText(Value.ofIndex(Part.SORT_KEY, name), index.sortKeys());
        String projection = live.text(Value.ofIndex(Part.PROJECTION, name), index.projection());
        return global
                ? index(keyText(Value.ofIndex(Part.PARTITION_KEY, name), index.partitionKeys()), sortKey, projection,
                        index.nonKeyAttributes())
                : index(sortKey, null, projection, index.nonKeyAttributes());
    }

    /** A live key as text, or null when there is none. */
    private String keyText(Value value, List<KeyAttribute> keys) {
        if (live.unrecognized().containsKey(value)) {
            return live.text(value, null);
        }
        return keys.isEmpty() ? null : text(keys);
    }

    private static String capacity(Capacity capacity) {
        return capacity.isComplete()
                ? capacity.readCapacityUnits() + " read/" + capacity.writeCapacityUnits() + " write"
                : NONE;
    }

    private static String units(RequestUnits units) {
        return units.isDeclared()
                ? "max " + units.maxReadRequestUnits() + " read/" + units.maxWriteRequestUnits() + " write"
                : NONE;
    }
}
