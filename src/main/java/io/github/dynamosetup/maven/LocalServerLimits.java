package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.localserver.Backend;
import io.github.dynamosetup.localserver.LocalServer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the servers {@code start} runs lack, left out of the declaration when the goals work on such a server, and
 * said in one line per table: a POM or a template written for AWS then works on the local server as far as that
 * server goes, instead of failing on a call it does not implement (or, for replicas, waiting until the timeout for a
 * replica it silently ignored). Only for the server {@code start} ran in this module: another server named by
 * {@code <endpoint>} is taken as the user gives it.
 *
 * <p>Measured, each setting's call made against the server with boto3 (this repository's {@code TESTING.md} and
 * {@code src/test/AWS-BEHAVIOUR.md} list what else differs):
 * <ul>
 *   <li>moto 5.2.1 (also the default Docker image, {@code motoserver/moto}): UpdateContributorInsights answers HTTP
 *       500 (NotImplementedError); UpdateTable's ReplicaUpdates are answered 200 and ignored, so no replica ever
 *       appears; a CreateTable's ResourcePolicy is ignored (GetResourcePolicy then finds none).</li>
 *   <li>dynalite 4.0.0: UpdateTimeToLive, UpdateContinuousBackups, UpdateContributorInsights and PutResourcePolicy
 *       answer UnknownOperationException; UpdateTable refuses DeletionProtectionEnabled, WarmThroughput and
 *       ReplicaUpdates (ValidationException: it knows none of them); the tags given to CreateTable are not kept; it
 *       serves no Application Auto Scaling calls.</li>
 * </ul>
 */
final class LocalServerLimits {

    /** A setting a local server lacks, as the console names it. */
    enum Lack {
        TIME_TO_LIVE("TTL"),
        POINT_IN_TIME_RECOVERY("point-in-time recovery"),
        CONTRIBUTOR_INSIGHTS("contributor insights"),
        RESOURCE_POLICY("resource policy"),
        DELETION_PROTECTION("deletion protection"),
        WARM_THROUGHPUT("warm throughput"),
        AUTO_SCALING("auto scaling"),
        REPLICAS("replicas"),
        TAGS("tags");

        private final String label;

        Lack(String label) {
            this.label = label;
        }
    }

    private static final Set<Lack> MOTO = EnumSet.of(Lack.CONTRIBUTOR_INSIGHTS, Lack.REPLICAS, Lack.RESOURCE_POLICY);

    private LocalServerLimits() {}

    /** What {@code server} lacks; none for a container of an image other than moto's (DynamoDB Local, LocalStack). */
    static Set<Lack> of(LocalServer server) {
        Backend backend = server.backend();
        if (backend == Backend.MOTO
                || backend == Backend.DOCKER && server.description().toLowerCase(Locale.ROOT).contains("moto")) {
            return MOTO;
        }
        return backend == Backend.DYNALITE ? EnumSet.allOf(Lack.class) : EnumSet.noneOf(Lack.class);
    }

    /**
     * The table without the settings {@code lacks} names, and the labels of those it declared ({@code TTL,
     * replicas}); the same table, and no labels, when it declares none of them.
     */
    static Adapted adapt(DeclaredTable table, Set<Lack> lacks) {
        List<String> left = new ArrayList<>();
        boolean ttl = drop(lacks, Lack.TIME_TO_LIVE, table.timeToLiveAttribute() != null, left);
        boolean pitr = drop(lacks, Lack.POINT_IN_TIME_RECOVERY, table.pointInTimeRecovery(), left);
        boolean insights = drop(lacks, Lack.CONTRIBUTOR_INSIGHTS, table.contributorInsights() != null
                || table.globalSecondaryIndexes().stream().anyMatch(i -> i.contributorInsights() != null), left);
        boolean policy = drop(lacks, Lack.RESOURCE_POLICY, table.resourcePolicy() != null, left);
        boolean protection = drop(lacks, Lack.DELETION_PROTECTION, table.deletionProtection(), left);
        boolean warm = drop(lacks, Lack.WARM_THROUGHPUT, table.warmThroughput().isDeclared()
                || table.globalSecondaryIndexes().stream().anyMatch(i -> i.warmThroughput().isDeclared()), left);
        boolean scaling = drop(lacks, Lack.AUTO_SCALING, table.autoScaling().isDeclared()
                || table.globalSecondaryIndexes().stream().anyMatch(i -> i.autoScaling().isDeclared()), left);
        boolean replicas = drop(lacks, Lack.REPLICAS, !table.replicaRegions().isEmpty(), left);
        boolean tags = drop(lacks, Lack.TAGS, !table.tags().isEmpty(), left);
        if (left.isEmpty()) {
            return new Adapted(table, left);
        }
        List<DeclaredGlobalIndex> indexes = table.globalSecondaryIndexes().stream()
                .map(i -> new DeclaredGlobalIndex(i.name(), i.partitionKeys(), i.sortKeys(), i.projection(),
                        i.nonKeyAttributes(), i.capacity(), scaling ? null : i.autoScaling(), i.onDemandThroughput(),
                        warm ? null : i.warmThroughput(), insights ? null : i.contributorInsights()))
                .toList();
        DeclaredTable adapted = new DeclaredTable(table.origin(), table.name(), table.declaredName(),
                table.partitionKey(), table.sortKey(), indexes, table.localSecondaryIndexes(),
                ttl ? null : table.timeToLiveAttribute(), table.billingMode(), table.capacity(),
                table.onDemandThroughput(), table.stream(), table.encryption(), table.kmsKeyId(),
                !pitr && table.pointInTimeRecovery(), pitr ? null : table.recoveryPeriodInDays(),
                warm ? null : table.warmThroughput(), insights ? null : table.contributorInsights(),
                !protection && table.deletionProtection(), policy ? null : table.resourcePolicy(),
                table.tableClass(), scaling ? null : table.autoScaling(),
                replicas ? List.of() : table.replicaRegions(), tags ? Map.of() : table.tags());
        return new Adapted(adapted, left);
    }

    private static boolean drop(Set<Lack> lacks, Lack lack, boolean declared, List<String> left) {
        if (declared && lacks.contains(lack)) {
            left.add(lack.label);
            return true;
        }
        return false;
    }

    /**
     * @param table the table as the local server can hold it
     * @param leftOut the labels of the declared settings left out, in a fixed order; empty when none
     */
    record Adapted(DeclaredTable table, List<String> leftOut) {}
}
