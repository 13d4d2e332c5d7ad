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
}
