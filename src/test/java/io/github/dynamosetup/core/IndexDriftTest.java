package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.core.Difference.Kind;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredLocalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamSpecification;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What drift detection makes of index changes under create's index options: which index is replaced, which is
 * not "changed keys", what is pending rather than drift, and what {@code waitForIndexes=false} leaves for the
 * next run. Pure logic: no server.
 */
class IndexDriftTest {

    private static final KeyAttribute ID = new KeyAttribute("id", AttributeType.S);
    private static final KeyAttribute STATUS = new KeyAttribute("status", AttributeType.S);
    private static final KeyAttribute DAY = new KeyAttribute("day", AttributeType.S);
    private static final TableProvisioner.Options REPLACE = new TableProvisioner.Options(true, true, true, true);
    private static final TableProvisioner.Options NO_WAIT = new TableProvisioner.Options(true, true, true, false);

    private static DeclaredTable.Builder table() {
        return DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(ID);
    }

    private static List<Difference> compare(DeclaredTable declared, LiveTableBuilder live,
            TableProvisioner.Options options) {
        return DriftDetector.compare(declared, live.build(), options, MavenRemedies.INSTANCE);
    }

    private static LiveTableBuilder live() {
        return LiveTableBuilder.table("orders", ID);
    }

    @Test
    void anIndexWithAnotherProjectionIsReplacedOnlyWithReplaceChangedIndexes() {
        DeclaredTable declared = table().globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null,
                IndexProjection.ALL, List.of())).build();
        LiveTableBuilder keysOnly = live().globalSecondaryIndex("by-status",
                new LiveTable.Index(STATUS, null, IndexProjection.KEYS_ONLY, List.of(), Capacity.NONE));

        assertThat(compare(declared, keysOnly, REPLACE)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.FIXABLE);
            assertThat(d.change()).isEqualTo(new Change.ReplaceIndex(declared.globalSecondaryIndexes().get(0), true));
        });
        assertThat(compare(declared, keysOnly, new TableProvisioner.Options(true, true))).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Kind.MANUAL);
                    assertThat(d.advice()).startsWith("an index's keys and projection cannot change in place: run mvn"
                            + " dynamo-setup:create -Ddynamo-setup.applyIndexChanges"
                            + " -Ddynamo-setup.replaceChangedIndexes=true to delete it");
                });
    }

    @Test
    void anIndexWhoseCapacityAloneDiffersIsUpdatedInPlaceNotReplaced() {
        DeclaredTable declared = table().billingMode(BillingMode.PROVISIONED).capacity(new Capacity(5L, 5L))
                .globalSecondaryIndex(new DeclaredGlobalIndex("by-status", STATUS, null, IndexProjection.ALL,
                        List.of(), new Capacity(10L, 10L), RequestUnits.NONE))
                .build();
        LiveTableBuilder live = live().billingMode(BillingMode.PROVISIONED).capacity(new Capacity(5L, 5L))
                .globalSecondaryIndex("by-status", new LiveTable.Index(STATUS, null, IndexProjection.ALL, List.of(),
                        new Capacity(1L, 1L)));

        assertThat(compare(declared, live, REPLACE)).singleElement().satisfies(d -> {
            assertThat(d.what()).isEqualTo("capacity of index by-status");
            assertThat(d.change()).isInstanceOf(Change.UpdateTable.class);
        });
    }

    @Test
    void projectedAttributesInAnotherOrderAreTheSameIndex() {
        DeclaredTable declared = table().globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null,
                IndexProjection.INCLUDE, List.of("total", "currency"))).build();

        assertThat(compare(declared, live().globalSecondaryIndex("by-status", new LiveTable.Index(STATUS, null,
                IndexProjection.INCLUDE, List.of("currency", "total"), Capacity.NONE)), REPLACE)).isEmpty();
    }

    @Test
    void aLocalIndexIsNeverReplaced() {
        KeyAttribute placedAt = new KeyAttribute("placed_at", AttributeType.N);
        DeclaredTable declared = table().sortKey(DAY).localSecondaryIndex(new DeclaredLocalIndex("by-placed",
                placedAt, IndexProjection.ALL, List.of())).build();
        LiveTableBuilder live = live().sortKey(DAY).localSecondaryIndex("by-placed",
                new LiveTable.Index(ID, placedAt, IndexProjection.KEYS_ONLY, List.of(), Capacity.NONE));

        assertThat(compare(declared, live, REPLACE)).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(Kind.INCOMPATIBLE));
    }

    @Test
    void anIndexBeingCreatedIsPendingAndAnUndeclaredOneBeingDeletedToo() {
        DeclaredTable declared = table().globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null,
                IndexProjection.ALL, List.of())).build();
        LiveTableBuilder live = live()
                .globalSecondaryIndex("by-status", new LiveTable.Index(STATUS, null, IndexProjection.ALL, List.of(),
                        Capacity.NONE).withStatus("CREATING", true))
                .globalSecondaryIndex("old", new LiveTable.Index(DAY, null, null, List.of(), Capacity.NONE)
                        .withStatus("DELETING", false));

        List<Difference> differences = compare(declared, live, new TableProvisioner.Options(false, true));

        assertThat(differences).extracting(Difference::toString, Difference::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("global secondary index by-status: status:S ALL -> CREATING,"
                        + " backfilling", Kind.PENDING),
                org.assertj.core.groups.Tuple.tuple("global secondary index old: none -> DELETING", Kind.PENDING));
        assertThat(Difference.anyDrift(differences)).isFalse();
    }

    @Test
    void aDeclaredIndexBeingDeletedIsAddedAgainOnceGone() {
        DeclaredTable declared = table().globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null,
                IndexProjection.ALL, List.of())).build();
        LiveTableBuilder live = live().globalSecondaryIndex("by-status", new LiveTable.Index(STATUS, null, null,
                List.of(), Capacity.NONE).withStatus("DELETING", false));

        assertThat(compare(declared, live, REPLACE)).singleElement().satisfies(d -> {
            assertThat(d.live()).isEqualTo("status:S none (DELETING)");
            assertThat(d.change()).isEqualTo(new Change.AddIndex(declared.globalSecondaryIndexes().get(0), true));
        });
    }

    @Test
    void withoutWaitingForIndexesOneIndexChangeStartsAndComesLastTheRestIsLeftForTheNextRun() {
        DeclaredTable declared = table()
                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null, IndexProjection.ALL, List.of()))
                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-day", DAY, null, IndexProjection.ALL, List.of()))
                .stream(new StreamSpecification(true, StreamViewType.NEW_IMAGE))
                .build();

        List<Difference> differences = compare(declared, live(), NO_WAIT);

        assertThat(differences).extracting(Difference::what, Difference::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("global secondary index by-status", Kind.FIXABLE),
                org.assertj.core.groups.Tuple.tuple("global secondary index by-day", Kind.PENDING),
                org.assertj.core.groups.Tuple.tuple("stream", Kind.FIXABLE));
        assertThat(Difference.changes(differences)).extracting(Change::label)
                .as("the index whose backfill is not waited for goes last").containsExactly("stream", "index by-status");
    }

    @Test
    void withoutWaitingForIndexesATableWhoseIndexIsBeingBuiltGetsNoUpdateTable() {
        DeclaredTable declared = table()
                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-status", STATUS, null, IndexProjection.ALL, List.of()))
                .globalSecondaryIndex(DeclaredGlobalIndex.of("by-day", DAY, null, IndexProjection.ALL, List.of()))
                .stream(new StreamSpecification(true, StreamViewType.NEW_IMAGE))
                .timeToLiveAttribute("expires_at")
                .build();
        LiveTableBuilder live = live().globalSecondaryIndex("by-status", new LiveTable.Index(STATUS, null,
                IndexProjection.ALL, List.of(), Capacity.NONE).withStatus("CREATING", true));

        List<Difference> differences = compare(declared, live, NO_WAIT);

        assertThat(Difference.changes(differences)).extracting(Change::label).containsExactly("ttl");
        assertThat(differences).filteredOn(d -> d.kind() == Kind.PENDING).extracting(Difference::what)
                .containsExactly("global secondary index by-status", "global secondary index by-day", "stream");
    }
}
