package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.core.Difference.Kind;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredLocalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.declaration.WarmThroughput;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Drift comparison as a table of cases, in memory: for each setting a declaration can make, a live table
 * that has it (no difference) and one that does not (the exact differences, and what create does about
 * them). {@code DriftTest} proves the same differences on a server, made there behind the plugin's back.
 *
 * <p>Over 300 lines: the table of cases, one row per setting and state.
 */
class DriftDetectorTest {

    private static final String TABLE = "orders";
    private static final KeyAttribute ID = new KeyAttribute("id", AttributeType.S);
    private static final KeyAttribute SORT_KEY = new KeyAttribute("sk", AttributeType.S);
    private static final KeyAttribute STATUS = new KeyAttribute("status", AttributeType.S);
    private static final KeyAttribute CREATED_AT = new KeyAttribute("created_at", AttributeType.N);
    private static final KeyAttribute TOTAL = new KeyAttribute("total", AttributeType.N);
    private static final KeyAttribute TENANT = new KeyAttribute("tenant", AttributeType.S);
    private static final KeyAttribute REGION = new KeyAttribute("region", AttributeType.S);
    private static final AutoScaling.Dimension SCALING = new AutoScaling.Dimension(1L, 100L, 70.0);
    // key identifiers in the forms the KMS developer guide gives (Key identifiers (KeyId)):
    // https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id
    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/" + KEY_ID;
    private static final String MULTI_REGION_KEY_ID = "mrk-1234abcd12ab34cd56ef1234567890ab";
    private static final String OTHER_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/"
            + "0987dcba-09fe-87dc-65ba-ab0987654321";

    /**
     * One row of the table.
     *
     * @param matching a live table that has everything declared
     * @param drifted the same live table with the drift the row is about
     * @param differences what compare names for the drifted table, in order
     */
    record Case(String name, DeclaredTable declared, LiveTable matching, LiveTable drifted,
            boolean applyIndexChanges, List<Expected> differences) {
        @Override
        public String toString() {
            return name;
        }

        boolean fixable() {
            return differences.stream().anyMatch(d -> d.kind() == Kind.FIXABLE);
        }
    }

    /**
     * A difference as a row expects it.
     *
     * @param change the label of what create does about it, null when it does nothing
     */
    record Expected(String what, String declared, String live, Kind kind, String change) {
        static Expected of(Difference difference) {
            return new Expected(difference.what(), difference.declared(), difference.live(), difference.kind(),
                    difference.change() == null ? null : difference.change().label());
        }
    }

    private static Expected fixable(String what, String declared, String live, String change) {
        return new Expected(what, declared, live, Kind.FIXABLE, change);
    }

    private static Expected manual(String what, String declared, String live) {
        return new Expected(what, declared, live, Kind.MANUAL, null);
    }

    private static Expected incompatible(String what, String declared, String live) {
        return new Expected(what, declared, live, Kind.INCOMPATIBLE, null);
    }

    /** A row: the declared table, the live one that has it, and the live one that differs (from the first). */
    private static Case differs(String name, UnaryOperator<DeclaredTable.Builder> declared,
            UnaryOperator<LiveTableBuilder> matching, UnaryOperator<LiveTableBuilder> drift, Expected... differences) {
        return new Case(name, declared.apply(DeclaredTable.builder(new PomOrigin(1), TABLE).partitionKey(ID)).build(),
                matching.apply(LiveTableBuilder.table(TABLE, ID)).build(),
                drift.apply(matching.apply(LiveTableBuilder.table(TABLE, ID))).build(), false,
                Arrays.asList(differences));
    }

    /** A row whose drift never counts. */
    private static Case ignored(String name, UnaryOperator<DeclaredTable.Builder> declared,
            UnaryOperator<LiveTableBuilder> matching, UnaryOperator<LiveTableBuilder> drift) {
        return differs(name, declared, matching, drift);
    }

    private static Case withIndexChanges(Case row) {
        return new Case(row.name(), row.declared(), row.matching(), row.drifted(), true, row.differences());
    }

    private static LiveTable.Index liveIndex(KeyAttribute partitionKey, KeyAttribute sortKey,
            IndexProjection projection, List<String> nonKeyAttributes, Capacity capacity) {
        return new LiveTable.Index(partitionKey, sortKey, projection, nonKeyAttributes, capacity);
    }

    private static DeclaredTable.Builder provisioned(DeclaredTable.Builder table, long read, long write) {
        return table.billingMode(BillingMode.PROVISIONED).capacity(new Capacity(read, write));
    }

    private static LiveTableBuilder provisioned(LiveTableBuilder table, long read, long write) {
        return table.billingMode(BillingMode.PROVISIONED).capacity(new Capacity(read, write));
    }

    static Stream<Case> keys() {
        return Stream.of(
                differs("another partition key", t -> t, l -> l, l -> LiveTableBuilder.table(TABLE,
                        new KeyAttribute("other", AttributeType.N)),
                        incompatible("partition key", "id:S", "other:N")),
                differs("the partition key of another type", t -> t, l -> l, l -> LiveTableBuilder.table(TABLE,
                        new KeyAttribute("id", AttributeType.N)),
                        incompatible("partition key", "id:S", "id:N")),
                differs("no sort key", t -> t.sortKey(SORT_KEY), l -> l.sortKey(SORT_KEY), l -> l.sortKey(null),
                        incompatible("sort key", "sk:S", "none")),
                differs("a sort key nobody declared", t -> t, l -> l, l -> l.sortKey(SORT_KEY),
                        incompatible("sort key", "none", "sk:S")));
    }

    static Stream<Case> localIndexes() {
        UnaryOperator<DeclaredTable.Builder> byTotal = t -> t.sortKey(SORT_KEY).localSecondaryIndex(
                new DeclaredLocalIndex("by-total", TOTAL, IndexProjection.INCLUDE, List.of("currency")));
        UnaryOperator<LiveTableBuilder> hasByTotal = l -> l.sortKey(SORT_KEY).localSecondaryIndex("by-total",
                liveIndex(ID, TOTAL, IndexProjection.INCLUDE, List.of("currency"), Capacity.NONE));
        return Stream.of(
                differs("a local index missing", byTotal, hasByTotal, l -> LiveTableBuilder.table(TABLE, ID)
                        .sortKey(SORT_KEY),
                        incompatible("local secondary index by-total", "total:N INCLUDE currency", "none")),
                differs("a local index with another projection", byTotal, hasByTotal, l -> l.localSecondaryIndex(
                        "by-total", liveIndex(ID, TOTAL, IndexProjection.ALL, List.of(), Capacity.NONE)),
                        incompatible("local secondary index by-total", "total:N INCLUDE currency", "total:N ALL")),
                differs("a local index with other non-key attributes", byTotal, hasByTotal, l -> l.localSecondaryIndex(
                        "by-total", liveIndex(ID, TOTAL, IndexProjection.INCLUDE, List.of("currency", "vat"),
                                Capacity.NONE)),
                        incompatible("local secondary index by-total", "total:N INCLUDE currency",
                                "total:N INCLUDE currency,vat")),
                differs("a local index with another sort key", byTotal, hasByTotal, l -> l.localSecondaryIndex(
                        "by-total", liveIndex(ID, CREATED_AT, IndexProjection.INCLUDE, List.of("currency"),
                                Capacity.NONE)),
                        incompatible("local secondary index by-total", "total:N INCLUDE currency",
                                "created_at:N INCLUDE currency")),
                differs("a local index nobody declared", t -> t.sortKey(SORT_KEY), l -> l.sortKey(SORT_KEY),
                        l -> l.localSecondaryIndex("extra", liveIndex(ID, TOTAL, IndexProjection.KEYS_ONLY, List.of(),
                                Capacity.NONE)),
                        incompatible("local secondary index extra", "none", "total:N KEYS_ONLY")));
    }

    static Stream<Case> globalIndexes() {
        UnaryOperator<DeclaredTable.Builder> byStatus = t -> t.globalSecondaryIndex(DeclaredGlobalIndex.of(
                "by-status", STATUS, CREATED_AT, IndexProjection.INCLUDE, List.of("total")));
        UnaryOperator<LiveTableBuilder> hasByStatus = l -> l.globalSecondaryIndex("by-status",
                liveIndex(STATUS, CREATED_AT, IndexProjection.INCLUDE, List.of("total"), Capacity.NONE));
        UnaryOperator<DeclaredTable.Builder> provisionedByStatus = t -> provisioned(t, 5, 5).globalSecondaryIndex(
                new DeclaredGlobalIndex("by-status", STATUS, null, IndexProjection.ALL, List.of(), new Capacity(4L, 2L),
                        null));
        UnaryOperator<LiveTableBuilder> hasProvisionedByStatus = l -> provisioned(l, 5, 5).globalSecondaryIndex(
                "by-status", liveIndex(STATUS, null, IndexProjection.ALL, List.of(), new Capacity(4L, 2L)));
        UnaryOperator<DeclaredTable.Builder> byPlace = t -> t.globalSecondaryIndex(new DeclaredGlobalIndex(
                "by-place", List.of(TENANT, REGION), List.of(TOTAL, CREATED_AT), IndexProjection.ALL, List.of(), null,
                null));
        UnaryOperator<LiveTableBuilder> hasByPlace = l -> l.globalSecondaryIndex("by-place", new LiveTable.Index(
                List.of(TENANT, REGION), List.of(TOTAL, CREATED_AT), IndexProjection.ALL, List.of(), Capacity.NONE));
        return Stream.of(
                differs("a declared index missing", byStatus, hasByStatus, l -> LiveTableBuilder.table(TABLE, ID),
                        manual("global secondary index by-status", "status:S,created_at:N INCLUDE total", "none")),
                withIndexChanges(differs("a declared index missing, with applyIndexChanges", byStatus, hasByStatus,
                        l -> LiveTableBuilder.table(TABLE, ID),
                        fixable("global secondary index by-status", "status:S,created_at:N INCLUDE total", "none",
                                "index by-status"))),
                differs("an index with another sort key", byStatus, hasByStatus, l -> l.globalSecondaryIndex(
                        "by-status", liveIndex(STATUS, null, IndexProjection.INCLUDE, List.of("total"), Capacity.NONE)),
                        manual("global secondary index by-status", "status:S,created_at:N INCLUDE total",
                                "status:S INCLUDE total")),
                differs("an index with another projection", byStatus, hasByStatus, l -> l.globalSecondaryIndex(
                        "by-status", liveIndex(STATUS, CREATED_AT, IndexProjection.KEYS_ONLY, List.of(),
                                Capacity.NONE)),
                        manual("global secondary index by-status", "status:S,created_at:N INCLUDE total",
                                "status:S,created_at:N KEYS_ONLY")),
                differs("an index with other non-key attributes", byStatus, hasByStatus, l -> l.globalSecondaryIndex(
                        "by-status", liveIndex(STATUS, CREATED_AT, IndexProjection.INCLUDE, List.of("currency"),
                                Capacity.NONE)),
                        manual("global secondary index by-status", "status:S,created_at:N INCLUDE total",
                                "status:S,created_at:N INCLUDE currency")),
                differs("a key of several attributes in another order", byPlace, hasByPlace,
                        l -> l.globalSecondaryIndex("by-place", new LiveTable.Index(List.of(REGION, TENANT),
                                List.of(TOTAL, CREATED_AT), IndexProjection.ALL, List.of(), Capacity.NONE)),
                        manual("global secondary index by-place", "tenant:S, region:S,total:N, created_at:N ALL",
                                "region:S, tenant:S,total:N, created_at:N ALL")),
                differs("a key of several attributes with one sort attribute less", byPlace, hasByPlace,
                        l -> l.globalSecondaryIndex("by-place", new LiveTable.Index(List.of(TENANT, REGION),
                                List.of(TOTAL), IndexProjection.ALL, List.of(), Capacity.NONE)),
                        manual("global secondary index by-place", "tenant:S, region:S,total:N, created_at:N ALL",
                                "tenant:S, region:S,total:N ALL")),
                differs("an index nobody declared", t -> t, l -> l, l -> l.globalSecondaryIndex("extra",
                        liveIndex(STATUS, null, IndexProjection.ALL, List.of(), Capacity.NONE)),
                        manual("global secondary index extra", "none", "status:S ALL")),
                differs("an index with other capacity", provisionedByStatus, hasProvisionedByStatus,
                        l -> l.globalSecondaryIndex("by-status", liveIndex(STATUS, null, IndexProjection.ALL,
                                List.of(), new Capacity(1L, 1L))),
                        fixable("capacity of index by-status", "4 read/2 write", "1 read/1 write", "capacity")),
                ignored("the capacity of an on-demand table's index never counts", t -> t.globalSecondaryIndex(
                        new DeclaredGlobalIndex("by-status", STATUS, null, IndexProjection.ALL, List.of(), null,
                                new RequestUnits(20L, 10L))),
                        l -> l.globalSecondaryIndex("by-status", liveIndex(STATUS, null, IndexProjection.ALL,
                                List.of(), Capacity.NONE)),
                        l -> l.globalSecondaryIndex("by-status", liveIndex(STATUS, null, IndexProjection.ALL,
                                List.of(), new Capacity(1L, 1L)))),
                differs("another billing mode is one difference, not one per index capacity", provisionedByStatus,
                        hasProvisionedByStatus, l -> l.billingMode(BillingMode.PAY_PER_REQUEST).capacity(Capacity.NONE)
                                .globalSecondaryIndex("by-status", liveIndex(STATUS, null, IndexProjection.ALL,
                                        List.of(), Capacity.NONE)),
                        fixable("billing mode", "PROVISIONED", "PAY_PER_REQUEST", "billing mode")));
    }

    static Stream<Case> billing() {
        return Stream.of(
                differs("provisioned instead of on demand", t -> t, l -> l, l -> provisioned(l, 1, 1),
                        fixable("billing mode", "PAY_PER_REQUEST", "PROVISIONED", "billing mode")),
                differs("on demand instead of provisioned", t -> provisioned(t, 5, 4), l -> provisioned(l, 5, 4),
                        l -> l.billingMode(BillingMode.PAY_PER_REQUEST).capacity(Capacity.NONE),
                        fixable("billing mode", "PROVISIONED", "PAY_PER_REQUEST", "billing mode")),
                differs("other capacity", t -> provisioned(t, 5, 4), l -> provisioned(l, 5, 4),
                        l -> provisioned(l, 1, 1),
                        fixable("capacity", "5 read/4 write", "1 read/1 write", "capacity")),
                // capacity auto scaling owns moves on its own: never drift, whether the scaling is declared or not
                ignored("read capacity moved by declared auto scaling", t -> provisioned(t, 5, 4)
                        .autoScaling(new AutoScaling(SCALING, null)), l -> provisioned(l, 5, 4).scaling(
                                Map.of(new ScalableCapacity(null, false), SCALING)), l -> provisioned(l, 80, 4)),
                ignored("capacity owned by a scalable target nobody declared", t -> provisioned(t, 5, 4),
                        l -> provisioned(l, 5, 4), l -> provisioned(l, 80, 90).scaling(Map.of(
                                new ScalableCapacity(null, false), new AutoScaling.Dimension(1L, 100L, null),
                                new ScalableCapacity(null, true), new AutoScaling.Dimension(1L, 100L, null)))),
                // the dimension nobody scales is still compared, and written with the scaled one as it is
                differs("write capacity next to auto-scaled reads", t -> provisioned(t, 5, 4)
                        .autoScaling(new AutoScaling(SCALING, null)), l -> provisioned(l, 5, 4).scaling(
                                Map.of(new ScalableCapacity(null, false), SCALING)), l -> provisioned(l, 80, 9),
                        fixable("capacity", "80 read/4 write", "80 read/9 write", "capacity")),
                differs("auto scaling with another max", t -> provisioned(t, 5, 4)
                        .autoScaling(new AutoScaling(SCALING, null)), l -> provisioned(l, 5, 4).scaling(
                                Map.of(new ScalableCapacity(null, false), SCALING)),
                        l -> l.scaling(Map.of(new ScalableCapacity(null, false), new AutoScaling.Dimension(1L, 10L,
                                70.0))),
                        fixable("auto scaling of read capacity", "min 1, max 100, target 70.0 %",
                                "min 1, max 10, target 70.0 %", "auto scaling")),
                differs("auto scaling missing", t -> provisioned(t, 5, 4).autoScaling(new AutoScaling(null, SCALING)),
                        l -> provisioned(l, 5, 4).scaling(Map.of(new ScalableCapacity(null, true), SCALING)),
                        l -> l.scaling(Map.of()),
                        fixable("auto scaling of write capacity", "min 1, max 100, target 70.0 %", "none",
                                "auto scaling")),
                ignored("a scalable target nobody declared", t -> provisioned(t, 5, 4), l -> provisioned(l, 5, 4),
                        l -> l.scaling(Map.of(new ScalableCapacity(null, true), SCALING))),
                ignored("on-demand limits nobody declared", t -> t, l -> l,
                        l -> l.onDemandThroughput(new RequestUnits(-1L, -1L))),
                differs("no maximum request units", t -> t.onDemandThroughput(new RequestUnits(100L, 50L)),
                        l -> l.onDemandThroughput(new RequestUnits(100L, 50L)),
                        l -> l.onDemandThroughput(RequestUnits.NONE),
                        fixable("maximum request units", "max 100 read/50 write", "none", "request units")),
                differs("other maximum request units", t -> t.onDemandThroughput(new RequestUnits(100L, 50L)),
                        l -> l.onDemandThroughput(new RequestUnits(100L, 50L)),
                        l -> l.onDemandThroughput(new RequestUnits(200L, 50L)),
                        fixable("maximum request units", "max 100 read/50 write", "max 200 read/50 write",
                                "request units")),
                ignored("request units nobody declared never count", t -> t, l -> l,
                        l -> l.onDemandThroughput(new RequestUnits(100L, -1L))));
    }

    static Stream<Case> timeToLive() {
        UnaryOperator<DeclaredTable.Builder> expiresAt = t -> t.timeToLiveAttribute("expires_at");
        // DescribeTimeToLive: ENABLING | DISABLING | ENABLED | DISABLED, and one change an hour (UpdateTimeToLive)
        // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TimeToLiveDescription.html
        return Stream.of(
                differs("TTL off", expiresAt, l -> l.timeToLive("ENABLED", "expires_at"),
                        l -> l.timeToLive("DISABLED", null),
                        fixable("ttl", "expires_at", "disabled", "ttl")),
                differs("TTL being enabled counts as on", expiresAt, l -> l.timeToLive("ENABLING", "expires_at"),
                        l -> l.timeToLive("DISABLED", null),
                        fixable("ttl", "expires_at", "disabled", "ttl")),
                differs("TTL being disabled", expiresAt, l -> l.timeToLive("ENABLED", "expires_at"),
                        l -> l.timeToLive("DISABLING", "expires_at"),
                        manual("ttl", "expires_at", "disabling")),
                differs("TTL on another attribute", expiresAt, l -> l.timeToLive("ENABLED", "expires_at"),
                        l -> l.timeToLive("ENABLED", "valid_until"),
                        manual("ttl", "expires_at", "valid_until")),
                differs("TTL nobody declared", t -> t, l -> l, l -> l.timeToLive("ENABLED", "valid_until"),
                        manual("ttl", "disabled", "valid_until")),
                ignored("TTL being disabled when none is declared", t -> t, l -> l,
                        l -> l.timeToLive("DISABLING", "valid_until")));
    }

    static Stream<Case> stream() {
        UnaryOperator<DeclaredTable.Builder> newImage = t -> t.stream(new StreamSpecification(true,
                StreamViewType.NEW_IMAGE));
        String streamArn = LiveTableBuilder.ACCOUNT_ARN + TABLE + "/stream/2024-01-01T00:00:00.000";
        return Stream.of(
                differs("no stream", newImage, l -> l.stream(StreamViewType.NEW_IMAGE, streamArn),
                        l -> l.stream(null, null),
                        fixable("stream", "NEW_IMAGE", "none", "stream")),
                differs("a stream of another view type", newImage, l -> l.stream(StreamViewType.NEW_IMAGE, streamArn),
                        l -> l.stream(StreamViewType.KEYS_ONLY, streamArn),
                        manual("stream", "NEW_IMAGE", "KEYS_ONLY")),
                differs("a stream nobody declared", t -> t, l -> l, l -> l.stream(StreamViewType.KEYS_ONLY, streamArn),
                        manual("stream", "none", "KEYS_ONLY")),
                differs("a stream declared disabled is no stream", t -> t.stream(new StreamSpecification(false,
                        StreamViewType.KEYS_ONLY)), l -> l, l -> l.stream(StreamViewType.KEYS_ONLY, streamArn),
                        manual("stream", "none", "KEYS_ONLY")));
    }

    static Stream<Case> encryption() {
        return Stream.of(
                ignored("a KMS key is no drift when no encryption is declared", t -> t, l -> l,
                        l -> l.kmsKeyArn(KEY_ARN)),
                differs("a KMS key where the AWS owned key is declared", t -> t.encryption(Encryption.AWS_OWNED, null),
                        l -> l, l -> l.kmsKeyArn(KEY_ARN),
                        fixable("encryption", "AWS_OWNED", "KMS " + KEY_ARN, "encryption")),
                differs("the AWS owned key where KMS is declared", t -> t.encryption(Encryption.AWS_MANAGED, null),
                        l -> l.kmsKeyArn(KEY_ARN), l -> l.kmsKeyArn(null),
                        fixable("encryption", "AWS_MANAGED", "AWS_OWNED", "encryption")),
                // DescribeTable names the key, not who manages it: any key passes for AWS_MANAGED
                ignored("any KMS key passes for the AWS managed key", t -> t.encryption(Encryption.AWS_MANAGED, null),
                        l -> l.kmsKeyArn(KEY_ARN), l -> l.kmsKeyArn(OTHER_KEY_ARN)),
                differs("another customer managed key, declared by ARN",
                        t -> t.encryption(Encryption.CUSTOMER_MANAGED, KEY_ARN), l -> l.kmsKeyArn(KEY_ARN),
                        l -> l.kmsKeyArn(OTHER_KEY_ARN),
                        fixable("encryption", "KMS " + KEY_ARN, "KMS " + OTHER_KEY_ARN, "encryption")),
                differs("another customer managed key, declared by key id",
                        t -> t.encryption(Encryption.CUSTOMER_MANAGED, KEY_ID), l -> l.kmsKeyArn(KEY_ARN),
                        l -> l.kmsKeyArn(OTHER_KEY_ARN),
                        fixable("encryption", "KMS " + KEY_ID, "KMS " + OTHER_KEY_ARN, "encryption")),
                differs("another customer managed key, declared by multi-Region key id",
                        t -> t.encryption(Encryption.CUSTOMER_MANAGED, MULTI_REGION_KEY_ID),
                        l -> l.kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/" + MULTI_REGION_KEY_ID),
                        l -> l.kmsKeyArn(OTHER_KEY_ARN),
                        fixable("encryption", "KMS " + MULTI_REGION_KEY_ID, "KMS " + OTHER_KEY_ARN, "encryption")),
                differs("the AWS owned key where a customer managed key is declared",
                        t -> t.encryption(Encryption.CUSTOMER_MANAGED, KEY_ARN), l -> l.kmsKeyArn(KEY_ARN),
                        l -> l.kmsKeyArn(null),
                        fixable("encryption", "KMS " + KEY_ARN, "AWS_OWNED", "encryption")),
                // an alias names a key only KMS can resolve: any KMS key passes, the AWS owned one does not
                differs("the AWS owned key where a key is declared by alias",
                        t -> t.encryption(Encryption.CUSTOMER_MANAGED, "alias/orders"), l -> l.kmsKeyArn(KEY_ARN),
                        l -> l.kmsKeyArn(null),
                        fixable("encryption", "KMS alias/orders", "AWS_OWNED", "encryption")),
                ignored("any KMS key passes for a key declared by alias",
                        t -> t.encryption(Encryption.CUSTOMER_MANAGED, "alias/orders"), l -> l.kmsKeyArn(KEY_ARN),
                        l -> l.kmsKeyArn(OTHER_KEY_ARN)));
    }

    static Stream<Case> flags() {
        return Stream.of(
                differs("point-in-time recovery off", t -> t.pointInTimeRecovery(true),
                        l -> l.pointInTimeRecovery(true), l -> l.pointInTimeRecovery(false),
                        fixable("point-in-time recovery", "enabled", "disabled", "pitr")),
                ignored("point-in-time recovery nobody declared", t -> t, l -> l, l -> l.pointInTimeRecovery(true)),
                differs("another recovery period", t -> t.pointInTimeRecovery(true).recoveryPeriodInDays(7L),
                        l -> l.pointInTimeRecovery(true).recoveryPeriodInDays(7), l -> l.recoveryPeriodInDays(35),
                        fixable("recovery period", "7 days", "35 days", "pitr")),
                // off, the period is not read: the one difference is recovery itself, which create turns on
                differs("point-in-time recovery off where a recovery period is declared",
                        t -> t.pointInTimeRecovery(true).recoveryPeriodInDays(7L),
                        l -> l.pointInTimeRecovery(true).recoveryPeriodInDays(7),
                        l -> l.pointInTimeRecovery(false).recoveryPeriodInDays(null),
                        fixable("point-in-time recovery", "enabled", "disabled", "pitr")),
                // AWS's default (35) or any period set by hand, where none is declared
                ignored("a recovery period nobody declared", t -> t.pointInTimeRecovery(true),
                        l -> l.pointInTimeRecovery(true).recoveryPeriodInDays(35), l -> l.recoveryPeriodInDays(10)),
                differs("deletion protection off", t -> t.deletionProtection(true), l -> l.deletionProtection(true),
                        l -> l.deletionProtection(false),
                        fixable("deletion protection", "enabled", "disabled", "deletion protection")),
                ignored("deletion protection nobody declared", t -> t, l -> l, l -> l.deletionProtection(true)),
                differs("the standard table class where infrequent access is declared",
                        t -> t.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS),
                        l -> l.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS),
                        l -> l.tableClass(TableClass.STANDARD),
                        fixable("table class", "STANDARD_INFREQUENT_ACCESS", "STANDARD", "table class")),
                differs("infrequent access where the standard class is declared",
                        t -> t.tableClass(TableClass.STANDARD), l -> l,
                        l -> l.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS),
                        fixable("table class", "STANDARD", "STANDARD_INFREQUENT_ACCESS", "table class")),
                ignored("a table class nobody declared", t -> t, l -> l,
                        l -> l.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)));
    }

    private static final String POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\","
            + " \"Principal\": \"*\", \"Action\": [\"dynamodb:DeleteTable\"], \"Resource\": \"*\"}]}";

    static Stream<Case> resourcePolicies() {
        UnaryOperator<DeclaredTable.Builder> declared = t -> t.resourcePolicy(ResourcePolicy.inline(POLICY));
        UnaryOperator<LiveTableBuilder> hasIt = l -> l.resourcePolicy(POLICY, "1");
        return Stream.of(
                differs("no resource policy where one is declared", declared, hasIt, l -> l.resourcePolicy(null, null),
                        fixable("resource policy", "policy of 1 statement", "none", "resource policy")),
                differs("another resource policy", declared, hasIt,
                        l -> l.resourcePolicy(POLICY.replace("Deny", "Allow"), "2"),
                        fixable("resource policy", "policy of 1 statement", "another policy of 1 statement",
                                "resource policy")),
                // compared as JSON: AWS may hand the document back with other whitespace, fields in another order,
                // and a list of one value written as the value
                ignored("a resource policy written another way", declared, hasIt, l -> l.resourcePolicy("{\"Statement\":"
                        + "{\"Resource\":\"*\",\"Action\":\"dynamodb:DeleteTable\",\"Principal\":\"*\",\"Effect\":\"Deny\"},"
                        + "\"Version\":\"2012-10-17\"}", "3")),
                ignored("a resource policy nobody declared", t -> t, l -> l, l -> l.resourcePolicy(POLICY, "1")));
    }

    @Test
    void aPolicyIsPutOverTheRevisionReadOrOnlyWhereNoneIs() {
        DeclaredTable declared = DeclaredTable.builder(new PomOrigin(1), TABLE).partitionKey(ID)
                .resourcePolicy(ResourcePolicy.inline(POLICY)).build();
        LiveTable other = LiveTableBuilder.table(TABLE, ID).resourcePolicy("{\"Statement\": {}}", "rev-7").build();
        LiveTable none = LiveTableBuilder.table(TABLE, ID).build();

        assertThat(DriftDetector.compare(declared, other, false, MavenRemedies.INSTANCE).get(0).change())
                .isEqualTo(new Change.PutResourcePolicy(POLICY, "rev-7"));
        assertThat(DriftDetector.compare(declared, none, false, MavenRemedies.INSTANCE).get(0).change())
                .isEqualTo(new Change.PutResourcePolicy(POLICY, null));
    }

    static Stream<Case> tags() {
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("Team", "core");
        declared.put("Environment", "prod");
        UnaryOperator<DeclaredTable.Builder> tagged = t -> t.tags(declared);
        UnaryOperator<LiveTableBuilder> hasTags = l -> l.tag("Team", "core").tag("Environment", "prod");
        return Stream.of(
                differs("a declared tag missing", tagged, hasTags,
                        l -> LiveTableBuilder.table(TABLE, ID).tag("Team", "core"),
                        fixable("tag Environment", "prod", "none", "tags")),
                differs("a tag with another value", tagged, hasTags, l -> l.tag("Team", "ops"),
                        fixable("tag Team", "core", "ops", "tags")),
                differs("every missing tag, in key order", tagged, hasTags, l -> LiveTableBuilder.table(TABLE, ID),
                        fixable("tag Environment", "prod", "none", "tags"),
                        fixable("tag Team", "core", "none", "tags")),
                // AWS gives its own tags the aws: prefix, which users cannot assign (Tagging restrictions in DynamoDB)
                // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TaggingRestrictions.html
                ignored("tags nobody declared and aws: tags never count", tagged, hasTags,
                        l -> l.tag("CostCenter", "42").tag("aws:cloudformation:stack-name", "orders-stack")),
                ignored("tag order never counts", tagged, hasTags,
                        l -> LiveTableBuilder.table(TABLE, ID).tag("Environment", "prod").tag("Team", "core")));
    }

    static Stream<Case> warmThroughputAndContributorInsights() {
        UnaryOperator<DeclaredTable.Builder> warm = t -> t.warmThroughput(new WarmThroughput(15000L, 5000L));
        UnaryOperator<DeclaredTable.Builder> warmIndex = t -> t.globalSecondaryIndex(new DeclaredGlobalIndex(
                "by-status", List.of(STATUS), List.of(), IndexProjection.ALL, List.of(), null, null,
                new WarmThroughput(null, 6000L), null));
        UnaryOperator<DeclaredTable.Builder> insightsIndex = t -> t.globalSecondaryIndex(new DeclaredGlobalIndex(
                "by-status", List.of(STATUS), List.of(), IndexProjection.ALL, List.of(), null, null, null, true));
        return Stream.of(
                differs("warm throughput below the declared", warm, l -> l.warmThroughput(15000L, 5000L, "ACTIVE"),
                        l -> l.warmThroughput(12000L, 5000L, "ACTIVE"),
                        fixable("warm throughput", "15000 read/5000 write", "12000 read/5000 write",
                                "warm throughput")),
                // AWS raises warm throughput by itself as use grows (warm-throughput.html), and never lowers it
                ignored("warm throughput AWS raised above the declared", warm,
                        l -> l.warmThroughput(15000L, 5000L, "ACTIVE"), l -> l.warmThroughput(30000L, 9000L, "ACTIVE")),
                ignored("warm throughput nobody declared", t -> t, l -> l.warmThroughput(12000L, 4000L, "ACTIVE"),
                        l -> l.warmThroughput(1L, 1L, "ACTIVE")),
                ignored("an increase of warm throughput under way", warm,
                        l -> l.warmThroughput(15000L, 5000L, "ACTIVE"),
                        l -> l.warmThroughput(12000L, 4000L, "UPDATING")),
                differs("an index's warm throughput below the declared", warmIndex,
                        l -> l.globalSecondaryIndex("by-status", new LiveTable.Index(List.of(STATUS), List.of(),
                                IndexProjection.ALL, List.of(), Capacity.NONE,
                                new LiveTable.Warm(12000L, 6000L, "ACTIVE"), null, "ACTIVE", false)),
                        l -> l.globalSecondaryIndex("by-status", new LiveTable.Index(List.of(STATUS), List.of(),
                                IndexProjection.ALL, List.of(), Capacity.NONE,
                                new LiveTable.Warm(12000L, 4000L, "ACTIVE"), null, "ACTIVE", false)),
                        fixable("warm throughput of index by-status", "6000 write", "12000 read/4000 write",
                                "warm throughput")),
                differs("contributor insights off where it is declared on", t -> t.contributorInsights(true),
                        l -> l.contributorInsights("ENABLED"), l -> l.contributorInsights("DISABLED"),
                        fixable("contributor insights", "enabled", "disabled", "contributor insights")),
                ignored("contributor insights being enabled", t -> t.contributorInsights(true),
                        l -> l.contributorInsights("ENABLED"), l -> l.contributorInsights("ENABLING")),
                differs("contributor insights that failed", t -> t.contributorInsights(true),
                        l -> l.contributorInsights("ENABLED"), l -> l.contributorInsights("FAILED"),
                        fixable("contributor insights", "enabled", "failed", "contributor insights")),
                differs("contributor insights on where it is declared off", t -> t.contributorInsights(false),
                        l -> l.contributorInsights("DISABLED"), l -> l.contributorInsights("ENABLED"),
                        fixable("contributor insights", "disabled", "enabled", "contributor insights")),
                ignored("contributor insights being disabled", t -> t.contributorInsights(false),
                        l -> l.contributorInsights("DISABLED"), l -> l.contributorInsights("DISABLING")),
                ignored("contributor insights nobody declared", t -> t, l -> l, l -> l.contributorInsights("ENABLED")),
                differs("an index's contributor insights off", insightsIndex,
                        l -> l.globalSecondaryIndex("by-status", new LiveTable.Index(List.of(STATUS), List.of(),
                                IndexProjection.ALL, List.of(), Capacity.NONE, null, "ENABLED", "ACTIVE", false)),
                        l -> l.globalSecondaryIndex("by-status", new LiveTable.Index(List.of(STATUS), List.of(),
                                IndexProjection.ALL, List.of(), Capacity.NONE, null, "DISABLED", "ACTIVE", false)),
                        fixable("contributor insights of index by-status", "enabled", "disabled",
                                "contributor insights by-status")),
                // the index is added first, then its contributor insights enabled
                withIndexChanges(differs("contributor insights on an index create adds", insightsIndex,
                        l -> l.globalSecondaryIndex("by-status", new LiveTable.Index(List.of(STATUS), List.of(),
                                IndexProjection.ALL, List.of(), Capacity.NONE, null, "ENABLED", "ACTIVE", false)),
                        l -> LiveTableBuilder.table(TABLE, ID),
                        fixable("global secondary index by-status", "status:S ALL", "none", "index by-status"),
                        fixable("contributor insights of index by-status", "enabled", "none",
                                "contributor insights by-status"))));
    }

    static Stream<Case> computedByAws() {
        return Stream.of(
                ignored("what AWS computes never counts", t -> t.stream(new StreamSpecification(true,
                        StreamViewType.NEW_IMAGE)),
                        l -> l.stream(StreamViewType.NEW_IMAGE, LiveTableBuilder.ACCOUNT_ARN + TABLE + "/stream/1"),
                        l -> l.status("UPDATING").arn("arn:aws:dynamodb:eu-west-1:210987654321:table/" + TABLE)
                                .stream(StreamViewType.NEW_IMAGE, LiveTableBuilder.ACCOUNT_ARN + TABLE + "/stream/2")),
                differs("differences come setting by setting: keys, indexes, billing, TTL, stream, encryption,"
                        + " flags, tags", t -> t.sortKey(SORT_KEY).timeToLiveAttribute("expires_at")
                                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null,
                                        IndexProjection.ALL, List.of()))
                                .stream(new StreamSpecification(true, StreamViewType.NEW_IMAGE))
                                .encryption(Encryption.AWS_MANAGED, null).pointInTimeRecovery(true)
                                .deletionProtection(true).tags(Map.of("Team", "core")),
                        l -> l.sortKey(SORT_KEY).timeToLive("ENABLED", "expires_at")
                                .globalSecondaryIndex("by-status", liveIndex(STATUS, null, IndexProjection.ALL,
                                        List.of(), Capacity.NONE))
                                .stream(StreamViewType.NEW_IMAGE, "stream").kmsKeyArn(KEY_ARN).pointInTimeRecovery(true)
                                .deletionProtection(true).tag("Team", "core"),
                        l -> provisioned(LiveTableBuilder.table(TABLE, ID), 1, 1).pointInTimeRecovery(false),
                        incompatible("sort key", "sk:S", "none"),
                        manual("global secondary index by-status", "status:S ALL", "none"),
                        fixable("billing mode", "PAY_PER_REQUEST", "PROVISIONED", "billing mode"),
                        fixable("ttl", "expires_at", "disabled", "ttl"),
                        fixable("stream", "NEW_IMAGE", "none", "stream"),
                        fixable("encryption", "AWS_MANAGED", "AWS_OWNED", "encryption"),
                        fixable("point-in-time recovery", "enabled", "disabled", "pitr"),
                        fixable("deletion protection", "enabled", "disabled", "deletion protection"),
                        fixable("tag Team", "core", "none", "tags")));
    }

    static Stream<Case> cases() {
        return Stream.of(keys(), localIndexes(), globalIndexes(), billing(), timeToLive(), stream(), encryption(),
                flags(), resourcePolicies(), tags(), warmThroughputAndContributorInsights(), computedByAws())
                .flatMap(s -> s);
    }

    static Stream<Case> fixableCases() {
        return cases().filter(Case::fixable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aLiveTableThatHasWhatIsDeclaredHasNoDifference(Case row) {
        assertThat(DriftDetector.compare(row.declared(), row.matching(), row.applyIndexChanges(), MavenRemedies.INSTANCE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachDifferenceIsNamedWithWhatCreateDoesAboutIt(Case row) {
        List<Difference> differences = DriftDetector.compare(row.declared(), row.drifted(), row.applyIndexChanges(), MavenRemedies.INSTANCE);

        assertThat(differences).extracting(Expected::of).containsExactlyElementsOf(row.differences());
        assertThat(differences).filteredOn(d -> d.kind() != Kind.FIXABLE)
                .allSatisfy(d -> assertThat(d.advice()).as(d.toString()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixableCases")
    void whatCreateDoesCountsAsDoneOnlyOnATableAsDeclared(Case row) {
        List<Change> changes = DriftDetector.compare(row.declared(), row.drifted(), row.applyIndexChanges(), MavenRemedies.INSTANCE).stream()
                .filter(d -> d.change() != null).map(Difference::change).toList();

        assertThat(changes).isNotEmpty().allSatisfy(change -> {
            assertThat(change.isDoneOn(row.drifted())).as(change.label() + " on the drifted table").isFalse();
            assertThat(change.isDoneOn(row.matching())).as(change.label() + " on the table as declared").isTrue();
        });
    }

    @Test
    void theTagDifferencesShareOneTagResourceCallWithEveryMissingTag() {
        Case row = row("every missing tag, in key order");

        List<Difference> differences = DriftDetector.compare(row.declared(), row.drifted(), false, MavenRemedies.INSTANCE);

        assertThat(differences).hasSize(2);
        assertThat(differences.get(1).change()).isSameAs(differences.get(0).change());
        assertThat(differences.get(0).change()).isEqualTo(new Change.TagTable(Map.of("Environment", "prod",
                "Team", "core")));
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                update("provisioned instead of on demand", r -> r.billingMode("PAY_PER_REQUEST")),
                update("on demand instead of provisioned", r -> r.billingMode("PROVISIONED")
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(4L))),
                update("another billing mode is one difference, not one per index capacity", r -> r
                        .billingMode("PROVISIONED")
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().update(u -> u
                                .indexName("by-status").provisionedThroughput(p -> p.readCapacityUnits(4L)
                                        .writeCapacityUnits(2L))).build())),
                update("other capacity", r -> r.provisionedThroughput(p -> p.readCapacityUnits(5L)
                        .writeCapacityUnits(4L))),
                update("an index with other capacity", r -> r.globalSecondaryIndexUpdates(
                        GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("by-status")
                                .provisionedThroughput(p -> p.readCapacityUnits(4L).writeCapacityUnits(2L))).build())),
                update("other maximum request units", r -> r.onDemandThroughput(o -> o.maxReadRequestUnits(100L)
                        .maxWriteRequestUnits(50L))),
                update("no stream", r -> r.streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE"))),
                update("a KMS key where the AWS owned key is declared", r -> r.sseSpecification(s -> s.enabled(false))),
                update("the AWS owned key where KMS is declared", r -> r.sseSpecification(s -> s.enabled(true)
                        .sseType(SSEType.KMS))),
                update("another customer managed key, declared by key id", r -> r.sseSpecification(s -> s.enabled(true)
                        .sseType(SSEType.KMS).kmsMasterKeyId(KEY_ID))),
                update("deletion protection off", r -> r.deletionProtectionEnabled(true)),
                update("the standard table class where infrequent access is declared",
                        r -> r.tableClass("STANDARD_INFREQUENT_ACCESS")),
                update("warm throughput below the declared", r -> r.warmThroughput(w -> w.readUnitsPerSecond(15000L))),
                update("an index's warm throughput below the declared", r -> r.globalSecondaryIndexUpdates(
                        GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("by-status")
                                .warmThroughput(w -> w.writeUnitsPerSecond(6000L))).build())));
    }

    /** A row of the table above, and the UpdateTable request that fixes its one difference. */
    private static Arguments update(String name, Consumer<UpdateTableRequest.Builder> expected) {
        UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(TABLE);
        expected.accept(request);
        return Arguments.of(row(name), request.build());
    }

    private static Case row(String name) {
        return cases().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void eachUpdateTableSendsOneKindOfChangeAsDeclared(Case row, UpdateTableRequest expected) {
        List<Difference> differences = DriftDetector.compare(row.declared(), row.drifted(), row.applyIndexChanges(), MavenRemedies.INSTANCE);

        assertThat(differences).singleElement().satisfies(difference -> {
            Change.UpdateTable update = (Change.UpdateTable) difference.change();
            UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(TABLE);
            update.request().accept(request);
            assertThat(request.build()).isEqualTo(expected);
        });
    }
}
