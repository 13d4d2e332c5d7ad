package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.WarmThroughput;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A table adapted to what a local server lacks keeps everything else: its keys, indexes and billing stay, and only
 * the settings the server lacks go, each named once.
 */
class LocalServerLimitsTest {

    private static final KeyAttribute ID = new KeyAttribute("id", AttributeType.S);

    private static DeclaredTable everything() {
        return DeclaredTable.builder(new PomOrigin(1), "orders").partitionKey(ID)
                .globalSecondaryIndex(new DeclaredGlobalIndex("byKind", List.of(new KeyAttribute("kind",
                        AttributeType.S)), List.of(), IndexProjection.ALL, List.of(), null, null, null,
                        new WarmThroughput(13000L, null), true))
                .timeToLiveAttribute("ttl")
                .pointInTimeRecovery(true)
                .recoveryPeriodInDays(7L)
                .contributorInsights(true)
                .deletionProtection(true)
                .resourcePolicy(ResourcePolicy.inline("{\"Version\":\"2012-10-17\",\"Statement\":[]}"))
                .replicaRegions(List.of("eu-west-1"))
                .tags(Map.of("team", "orders"))
                .build();
    }

    @Test
    void onDynaliteOnlyKeysIndexesAndBillingRemain() {
        LocalServerLimits.Adapted adapted = LocalServerLimits.adapt(everything(),
                EnumSet.allOf(LocalServerLimits.Lack.class));

        assertThat(adapted.leftOut()).containsExactly("TTL", "point-in-time recovery", "contributor insights",
                "resource policy", "deletion protection", "warm throughput", "replicas", "tags");
        DeclaredTable table = adapted.table();
        assertThat(table.partitionKey()).isEqualTo(ID);
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo("byKind");
            assertThat(index.contributorInsights()).isNull();
            assertThat(index.warmThroughput().isDeclared()).isFalse();
        });
        assertThat(table.timeToLiveAttribute()).isNull();
        assertThat(table.pointInTimeRecovery()).isFalse();
        assertThat(table.recoveryPeriodInDays()).isNull();
        assertThat(table.contributorInsights()).isNull();
        assertThat(table.deletionProtection()).isFalse();
        assertThat(table.resourcePolicy()).isNull();
        assertThat(table.replicaRegions()).isEmpty();
        assertThat(table.tags()).isEmpty();
        assertThat(table.billingMode()).isEqualTo(everything().billingMode());
    }

    @Test
    void onMotoTheOtherSettingsStay() {
        LocalServerLimits.Adapted adapted = LocalServerLimits.adapt(everything(), EnumSet.of(
                LocalServerLimits.Lack.CONTRIBUTOR_INSIGHTS, LocalServerLimits.Lack.REPLICAS,
                LocalServerLimits.Lack.RESOURCE_POLICY));

        assertThat(adapted.leftOut()).containsExactly("contributor insights", "resource policy", "replicas");
        assertThat(adapted.table().timeToLiveAttribute()).isEqualTo("ttl");
        assertThat(adapted.table().recoveryPeriodInDays()).isEqualTo(7L);
        assertThat(adapted.table().tags()).containsEntry("team", "orders");
        assertThat(adapted.table().globalSecondaryIndexes().get(0).warmThroughput().isDeclared()).isTrue();
    }

    @Test
    void aTableDeclaringNothingTheServerLacksIsKeptAsItIs() {
        DeclaredTable plain = DeclaredTable.builder(new PomOrigin(1), "plain").partitionKey(ID).build();

        LocalServerLimits.Adapted adapted = LocalServerLimits.adapt(plain, EnumSet.allOf(LocalServerLimits.Lack.class));

        assertThat(adapted.leftOut()).isEmpty();
        assertThat(adapted.table()).isSameAs(plain);
    }
}
