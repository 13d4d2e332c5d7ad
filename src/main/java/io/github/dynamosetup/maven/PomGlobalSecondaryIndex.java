package io.github.dynamosetup.maven;

/** A {@code <globalSecondaryIndex>} of a {@code <table>}, as Maven fills it in. */
public class PomGlobalSecondaryIndex extends PomSecondaryIndex {

    /**
     * The index's partition key, {@code name:TYPE}, or up to 4 such attributes in order, separated by commas
     * ({@code tenant:S, region:S}). Required.
     */
    String partitionKey;

    /** Read capacity units, when the table is {@code PROVISIONED}. */
    Long readCapacity;

    /** Write capacity units, when the table is {@code PROVISIONED}. */
    Long writeCapacity;

    /** Auto scaling of the index's capacity, when the table is {@code PROVISIONED}: as the table's. */
    PomAutoScaling autoScaling;

    /** With a {@code PAY_PER_REQUEST} table: the most read request units per second the index may use. */
    Long maxReadRequestUnits;

    /** With a {@code PAY_PER_REQUEST} table: the most write request units per second the index may use. */
    Long maxWriteRequestUnits;

    /** The read and write units per second the index takes at once; raised where it has less, never lowered. */
    PomWarmThroughput warmThroughput;

    /** {@code true} turns CloudWatch Contributor Insights on for the index once it is ACTIVE, {@code false} off. */
    Boolean contributorInsights;
}
