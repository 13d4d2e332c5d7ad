package io.github.dynamosetup.maven;

import java.util.Map;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * POM configuration beans as Maven would inject them, for tests that hand them to the mapping or a mojo;
 * a test sets any further element through the bean's field.
 */
final class PomBeans {

    private PomBeans() {}

    /** A {@code <table>} with a name and a partition key (either may be null). */
    /** What a POM with no {@code ${...}} left unresolved gives. */
    static UnresolvedExpressions noneUnresolved() {
        return UnresolvedExpressions.find(new Xpp3Dom("configuration"), Map.of(), expression -> null);
    }

    static PomTable table(String name, String partitionKey) {
        return table(name, partitionKey, null);
    }

    /** A {@code <table>} with a name, a partition key and a sort key (any may be null). */
    static PomTable table(String name, String partitionKey, String sortKey) {
        PomTable table = new PomTable();
        table.name = name;
        table.partitionKey = partitionKey;
        table.sortKey = sortKey;
        return table;
    }

    /** A {@code <globalSecondaryIndex>} with a name and a partition key (either may be null). */
    static PomGlobalSecondaryIndex gsi(String name, String partitionKey) {
        PomGlobalSecondaryIndex index = new PomGlobalSecondaryIndex();
        index.name = name;
        index.partitionKey = partitionKey;
        return index;
    }

    /** A {@code <warmThroughput>} (either value may be null). */
    static PomWarmThroughput warm(Long readUnitsPerSecond, Long writeUnitsPerSecond) {
        PomWarmThroughput warm = new PomWarmThroughput();
        warm.readUnitsPerSecond = readUnitsPerSecond;
        warm.writeUnitsPerSecond = writeUnitsPerSecond;
        return warm;
    }

    /** A {@code <localSecondaryIndex>} with a name and a sort key (either may be null). */
    static PomLocalSecondaryIndex lsi(String name, String sortKey) {
        PomLocalSecondaryIndex index = new PomLocalSecondaryIndex();
        index.name = name;
        index.sortKey = sortKey;
        return index;
    }

    /** An {@code <autoScaling>} with {@code <read>} and {@code <write>} (either may be null). */
    static PomAutoScaling autoScaling(PomAutoScaling.PomScaling read, PomAutoScaling.PomScaling write) {
        PomAutoScaling scaling = new PomAutoScaling();
        scaling.read = read;
        scaling.write = write;
        return scaling;
    }

    /** A {@code <read>} or {@code <write>} of {@code <autoScaling>} (any value may be null). */
    static PomAutoScaling.PomScaling scaling(Long min, Long max, Double targetUtilization) {
        PomAutoScaling.PomScaling scaling = new PomAutoScaling.PomScaling();
        scaling.min = min;
        scaling.max = max;
        scaling.targetUtilization = targetUtilization;
        return scaling;
    }

    /** A {@code <replica>} in {@code region}. */
    static PomReplica replica(String region) {
        PomReplica replica = new PomReplica();
        replica.region = region;
        return replica;
    }

    /** Makes {@code table} PROVISIONED with 5 read and 5 write capacity units, auto scaled as given. */
    static PomTable provisioned(PomTable table, PomAutoScaling autoScaling) {
        table.billingMode = "PROVISIONED";
        table.readCapacity = 5L;
        table.writeCapacity = 5L;
        table.autoScaling = autoScaling;
        return table;
    }
}
