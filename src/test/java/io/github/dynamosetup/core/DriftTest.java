package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamosetup.core.Difference.Kind;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredLocalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Encryption;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.DynamoDbServerExtension;
import io.github.dynamosetup.testing.ProvisionerFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream.Builder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Each kind of drift is made behind the plugin's back with a second client, then detected by validate
 * with its exact wording, fixed by create where that can be done in place, and left alone where not.
 */
@ExtendWith(DynamoDbServerExtension.class)
class DriftTest {

    private static final String TABLE = "drift_table";
    private static final KeyAttribute ID = new KeyAttribute("id", AttributeType.S);

    private ProvisionerFixture fixture;
    private DynamoDbClient behindTheBack;

    @BeforeEach
    void connect(ProvisionerFixture fixture) {
        this.fixture = fixture;
        behindTheBack = fixture.server();
    }

    /** The declared table: a partition key and a tag, plus what the scenario declares. */
    private static DeclaredTable declared(UnaryOperator<DeclaredTable.Builder> scenario) {
        return scenario.apply(DeclaredTable.builder(new PomOrigin(1), TABLE).partitionKey(ID)
                .tags(Map.of("Team", "core"))).build();
    }

    /** The table as made by hand: the same keys and tag, then what the scenario changes. */
    private void makeByHand(Consumer<CreateTableRequest.Builder> scenario, Consumer<DynamoDbClient> after) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(TABLE)
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .billingMode("PAY_PER_REQUEST")
                .tags(Tag.builder().key("Team").value("core").build());
        scenario.accept(request);
        behindTheBack.createTable(request.build());
        after.accept(behindTheBack);
    }

    private static Arguments scenario(String name, UnaryOperator<DeclaredTable.Builder> declared,
            Consumer<CreateTableRequest.Builder> byHand, Consumer<DynamoDbClient> after, String difference,
            Kind kind) {
        return Arguments.of(name, declared, byHand, after, difference, kind);
    }

    private static Arguments scenario(String name, UnaryOperator<DeclaredTable.Builder> declared,
            Consumer<CreateTableRequest.Builder> byHand, String difference, Kind kind) {
        return scenario(name, declared, byHand, c -> {}, difference, kind);
    }

    private static GlobalSecondaryIndex handIndex(String name, String key, String projection) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(k -> k.attributeName(key).keyType("HASH"))
                .projection(p -> p.projectionType(projection)).build();
    }

    static java.util.stream.Stream<Arguments> drift() {
        Builder<Arguments> all = java.util.stream.Stream.builder();
        all.add(scenario("TTL off", t -> t.timeToLiveAttribute("expires_at"), r -> {},
                "ttl: expires_at -> disabled", Kind.FIXABLE));
        all.add(scenario("TTL on another attribute", t -> t.timeToLiveAttribute("expires_at"), r -> {},
                c -> c.updateTimeToLive(u -> u.tableName(TABLE).timeToLiveSpecification(s -> s.enabled(true)
                        .attributeName("valid_until"))),
                "ttl: expires_at -> valid_until", Kind.MANUAL));
        all.add(scenario("a declared tag missing", t -> t.tags(Map.of("Environment", "prod")),
                r -> r.tags(Tag.builder().key("Team").value("core").build(), Tag.builder().key("Owner").value("x")
                        .build()),
                "tag Environment: prod -> none", Kind.FIXABLE));
        all.add(scenario("a tag with another value", t -> t, r -> r.tags(Tag.builder().key("Team").value("ops")
                .build()), "tag Team: core -> ops", Kind.FIXABLE));
        all.add(scenario("no stream", t -> t.stream(new StreamSpecification(true, StreamViewType.NEW_IMAGE)), r -> {},
                "stream: NEW_IMAGE -> none", Kind.FIXABLE));
        all.add(scenario("a stream of another view type", t -> t.stream(new StreamSpecification(true, StreamViewType.NEW_IMAGE)),
                r -> r.streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")),
                "stream: NEW_IMAGE -> KEYS_ONLY", Kind.MANUAL));
        all.add(scenario("point-in-time recovery off", t -> t.pointInTimeRecovery(true), r -> {},
                "point-in-time recovery: enabled -> disabled", Kind.FIXABLE));
        all.add(scenario("another recovery period", t -> t.pointInTimeRecovery(true).recoveryPeriodInDays(7L),
                r -> {}, c -> c.updateContinuousBackups(u -> u.tableName(TABLE).pointInTimeRecoverySpecification(
                        s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(20))),
                "recovery period: 7 days -> 20 days", Kind.FIXABLE));
        all.add(scenario("deletion protection off", t -> t.deletionProtection(true), r -> {},
                "deletion protection: enabled -> disabled", Kind.FIXABLE));
        all.add(scenario("another billing mode", t -> t,
                r -> r.billingMode("PROVISIONED").provisionedThroughput(p -> p.readCapacityUnits(1L)
                        .writeCapacityUnits(1L)),
                "billing mode: PAY_PER_REQUEST -> PROVISIONED", Kind.FIXABLE));
        all.add(scenario("other capacity", t -> t.billingMode(BillingMode.PROVISIONED).capacity(new Capacity(5L, 4L)),
                r -> r.billingMode("PROVISIONED").provisionedThroughput(p -> p.readCapacityUnits(1L)
                        .writeCapacityUnits(1L)),
                "capacity: 5 read/4 write -> 1 read/1 write", Kind.FIXABLE));
        all.add(scenario("AWS owned key instead of KMS", t -> t.encryption(Encryption.AWS_MANAGED, null), r -> {},
                "encryption: AWS_MANAGED -> AWS_OWNED", Kind.FIXABLE));
        all.add(scenario("a declared index missing", t -> t.globalSecondaryIndex(DeclaredGlobalIndex.of("by-x",
                new KeyAttribute("x", AttributeType.S), null, IndexProjection.ALL, List.of())), r -> {},
                "global secondary index by-x: x:S ALL -> none", Kind.MANUAL));
        all.add(scenario("an index with another projection", t -> t.globalSecondaryIndex(DeclaredGlobalIndex.of(
                "by-x", new KeyAttribute("x", AttributeType.S), null, IndexProjection.ALL, List.of())),
                r -> r.attributeDefinitions(a -> a.attributeName("id").attributeType("S"),
                        a -> a.attributeName("x").attributeType("S"))
                        .globalSecondaryIndexes(handIndex("by-x", "x", "KEYS_ONLY")),
                "global secondary index by-x: x:S ALL -> x:S KEYS_ONLY", Kind.MANUAL));
        all.add(scenario("an index nobody declared", t -> t,
                r -> r.attributeDefinitions(a -> a.attributeName("id").attributeType("S"),
                        a -> a.attributeName("y").attributeType("S"))
                        .globalSecondaryIndexes(handIndex("extra", "y", "ALL")),
                "global secondary index extra: none -> y:S ALL", Kind.MANUAL));
        all.add(scenario("another partition key", t -> t,
                r -> r.keySchema(k -> k.attributeName("other").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeName("other").attributeType("N")),
                "partition key: id:S -> other:N", Kind.INCOMPATIBLE));
        all.add(scenario("a local index missing", t -> t.sortKey(new KeyAttribute("sk", AttributeType.S))
                .localSecondaryIndex(new DeclaredLocalIndex("by-n", new KeyAttribute("n", AttributeType.N),
                        IndexProjection.ALL, List.of())),
                r -> r.keySchema(k -> k.attributeName("id").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"),
                                a -> a.attributeName("sk").attributeType("S")),
                "local secondary index by-n: n:N ALL -> none", Kind.INCOMPATIBLE));
        return all.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drift")
    void validateNamesTheDifferenceWithReadsOnly(String name, UnaryOperator<DeclaredTable.Builder> declared,
            Consumer<CreateTableRequest.Builder> byHand, Consumer<DynamoDbClient> after, String difference,
            Kind kind) throws Exception {
        makeByHand(byHand, after);
        Declaration declaration = Declaration.of(List.of(declared(declared)));

        assertThatThrownBy(() -> fixture.provisioner().validate(declaration, true))
                .isInstanceOf(DriftException.class)
                .hasMessageStartingWith("validate: 1 of 1 table in region us-east-1 does not match the declaration:\n"
                        + "  drift_table: " + (kind == Kind.INCOMPATIBLE
                                ? "incompatible drift (only a new table would match)" : "fixable drift"))
                .hasMessageContaining("\n    " + difference + " (")
                .satisfies(e -> assertThat(((DriftException) e).summary().tables().get(0).drift())
                        .extracting(Difference::toString, Difference::kind).contains(
                                org.assertj.core.groups.Tuple.tuple(difference, kind)));
        assertThat(fixture.calls().writeOperations()).isEmpty();
        assertThat(fixture.listener().lines()).contains("WARN     " + difference + " ("
                + provisionerDiff(declaration, difference).remedy(MavenRemedies.INSTANCE, kind == Kind.INCOMPATIBLE)
                + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drift")
    void createFixesWhatCanChangeInPlaceAndLeavesTheRest(String name, UnaryOperator<DeclaredTable.Builder> declared,
            Consumer<CreateTableRequest.Builder> byHand, Consumer<DynamoDbClient> after, String difference,
            Kind kind) throws Exception {
        makeByHand(byHand, after);
        Declaration declaration = Declaration.of(List.of(declared(declared)));

        RunSummary created = fixture.provisioner().create(declaration, new TableProvisioner.Options(false, false));

        if (kind == Kind.FIXABLE && difference.startsWith("encryption")) {
            // moto accepts UpdateTable's SSESpecification but does not apply it: what was sent is the proof
            assertThat(created.tables().get(0).outcome()).isEqualTo(TableResult.Outcome.UPDATED);
            assertThat(fixture.calls().requests(UpdateTableRequest.class)).singleElement()
                    .satisfies(u -> assertThat(u.sseSpecification().sseTypeAsString()).isEqualTo("KMS"));
        } else if (kind == Kind.FIXABLE) {
            assertThat(created.tables().get(0).outcome()).isEqualTo(TableResult.Outcome.UPDATED);
            fixture.calls().clear();
            RunSummary validated = fixture.provisioner().validate(declaration, true);
            assertThat(validated.tables().get(0).outcome()).isEqualTo(TableResult.Outcome.UP_TO_DATE);
        } else {
            assertThat(created.tables().get(0).outcome()).isEqualTo(TableResult.Outcome.DRIFT);
            assertThat(created.tables().get(0).actions()).isEmpty();
            assertThat(fixture.calls().writeOperations()).isEmpty();
            RunSummary validated = fixture.provisioner().validate(declaration, false);
            assertThat(validated.tables().get(0).drift()).extracting(Difference::toString).contains(difference);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drift")
    void planShowsWhatCreateWouldDoAndWritesNothing(String name, UnaryOperator<DeclaredTable.Builder> declared,
            Consumer<CreateTableRequest.Builder> byHand, Consumer<DynamoDbClient> after, String difference,
            Kind kind) throws Exception {
        makeByHand(byHand, after);
        Declaration declaration = Declaration.of(List.of(declared(declared)));
        String before = state();

        RunSummary plan = fixture.provisioner().plan(declaration, TableProvisioner.Options.DEFAULTS);

        assertThat(fixture.calls().writeOperations()).isEmpty();
        assertThat(state()).isEqualTo(before);
        assertThat(plan.tables().get(0).outcome()).isEqualTo(kind == Kind.FIXABLE
                ? TableResult.Outcome.WOULD_UPDATE : TableResult.Outcome.DRIFT);
        assertThat(fixture.listener().lines()).anyMatch(l -> l.startsWith(kind == Kind.FIXABLE
                ? "INFO ~ update  drift_table (" : "WARN ! drift   drift_table ("));
    }

    @Test
    void createAddsAMissingIndexOnlyWhenAskedAndWaitsForIt() throws Exception {
        makeByHand(r -> {}, c -> {});
        Declaration declaration = Declaration.of(List.of(declared(t -> t.globalSecondaryIndex(
                DeclaredGlobalIndex.of("by-x", new KeyAttribute("x", AttributeType.S), null, IndexProjection.KEYS_ONLY,
                        List.of())))));

        assertThatThrownBy(() -> fixture.provisioner().create(declaration, TableProvisioner.Options.DEFAULTS))
                .isInstanceOf(DriftException.class)
                .hasMessageContaining("global secondary index by-x: x:S KEYS_ONLY -> none (run mvn dynamo-setup:create"
                        + " -Ddynamo-setup.applyIndexChanges to add it");
        assertThat(fixture.calls().writeOperations()).isEmpty();

        RunSummary summary = fixture.provisioner().create(declaration, new TableProvisioner.Options(true, true));

        assertThat(summary.tables().get(0).actions()).containsExactly("index by-x");
        assertThat(fixture.calls().writeOperations()).containsExactly("UpdateTable");
        assertThat(behindTheBack.describeTable(r -> r.tableName(TABLE)).table().globalSecondaryIndexes())
                .singleElement().satisfies(i -> {
                    assertThat(i.indexName()).isEqualTo("by-x");
                    assertThat(i.indexStatusAsString()).isEqualTo("ACTIVE");
                });
        assertThat(fixture.provisioner().validate(declaration, true).tables().get(0).outcome())
                .isEqualTo(TableResult.Outcome.UP_TO_DATE);
    }

    @Test
    void tagsNobodyDeclaredNeverCount() throws Exception {
        makeByHand(r -> r.tags(Tag.builder().key("Team").value("core").build(),
                Tag.builder().key("CostCenter").value("42").build()), c -> {});

        RunSummary summary = fixture.provisioner().validate(Declaration.of(List.of(declared(t -> t))), true);

        assertThat(summary.tables().get(0).outcome()).isEqualTo(TableResult.Outcome.UP_TO_DATE);
        assertThat(fixture.listener().lines()).contains("INFO = up to date  drift_table");
    }

    private Difference provisionerDiff(Declaration declaration, String difference) throws Exception {
        RunSummary summary = fixture.provisioner().validate(declaration, false);
        return summary.tables().get(0).drift().stream().filter(d -> d.toString().equals(difference)).findFirst()
                .orElseThrow();
    }

    /** Everything a declaration can say about the table, as the server holds it. */
    private String state() {
        List<String> state = new ArrayList<>();
        state.add(behindTheBack.describeTable(r -> r.tableName(TABLE)).table().toBuilder()
                .tableSizeBytes(null).itemCount(null).build().toString());
        state.add(behindTheBack.describeTimeToLive(r -> r.tableName(TABLE)).toString());
        String arn = behindTheBack.describeTable(r -> r.tableName(TABLE)).table().tableArn();
        state.add(behindTheBack.listTagsOfResource(r -> r.resourceArn(arn)).tags().toString());
        PointInTimeRecoveryDescription recovery = behindTheBack.describeContinuousBackups(r -> r.tableName(TABLE))
                .continuousBackupsDescription().pointInTimeRecoveryDescription();
        state.add(recovery.pointInTimeRecoveryStatusAsString() + " " + recovery.recoveryPeriodInDays());
        return String.join("\n", state);
    }
}
