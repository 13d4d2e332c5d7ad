package io.github.dynamosetup.maven;

/**
 * A {@code <warmThroughput>} of a {@code <table>} or of a {@code <globalSecondaryIndex>}, as Maven fills it in:
 * the read and write units per second the table or index takes at once. Either may be given alone.
 */
public class PomWarmThroughput {

    /** Read units per second, at least 1. */
    Long readUnitsPerSecond;

    /** Write units per second, at least 1. */
    Long writeUnitsPerSecond;
}
