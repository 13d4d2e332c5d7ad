package io.github.dynamosetup.maven;

/** A {@code <globalSecondaryIndex>} of a {@code <table>}, as Maven fills it in. */
public class PomGlobalSecondaryIndex extends PomSecondaryIndex {

    /** The index's partition key, {@code name:TYPE}. Required. */
    private String partitionKey;

    /** Read capacity units, when the table is {@code PROVISIONED}. */
    private Long readCapacity;

    /** Write capacity units, when the table is {@code PROVISIONED}. */
    private Long writeCapacity;

    /** With a {@code PAY_PER_REQUEST} table: the most read request units per second the index may use. */
    private Long maxReadRequestUnits;

    /** With a {@code PAY_PER_REQUEST} table: the most write request units per second the index may use. */
    private Long maxWriteRequestUnits;

    public String getPartitionKey() {
        return partitionKey;
    }

    public void setPartitionKey(String partitionKey) {
        this.partitionKey = partitionKey;
    }

    public Long getReadCapacity() {
        return readCapacity;
    }

    public void setReadCapacity(Long readCapacity) {
        this.readCapacity = readCapacity;
    }

    public Long getWriteCapacity() {
        return writeCapacity;
    }

    public void setWriteCapacity(Long writeCapacity) {
        this.writeCapacity = writeCapacity;
    }

    public Long getMaxReadRequestUnits() {
        return maxReadRequestUnits;
    }

    public void setMaxReadRequestUnits(Long maxReadRequestUnits) {
        this.maxReadRequestUnits = maxReadRequestUnits;
    }

    public Long getMaxWriteRequestUnits() {
        return maxWriteRequestUnits;
    }

    public void setMaxWriteRequestUnits(Long maxWriteRequestUnits) {
        this.maxWriteRequestUnits = maxWriteRequestUnits;
    }
}
