package io.github.dynamosetup.maven;

import java.util.ArrayList;
import java.util.List;

/** A {@code <globalSecondaryIndex>} of a {@code <table>}, as Maven fills it in. */
public class GlobalSecondaryIndex {

    /** The index name. Required. */
    private String name;

    /** The index's partition key, {@code name:TYPE}. Required. */
    private String partitionKey;

    /** The index's sort key, {@code name:TYPE}; none when absent. */
    private String sortKey;

    /** {@code ALL} (default), {@code KEYS_ONLY} or {@code INCLUDE}. */
    private String projection;

    /** The attributes an {@code INCLUDE} projection copies. */
    private List<String> nonKeyAttributes = new ArrayList<>();

    /** Read capacity units, when the table is {@code PROVISIONED}. */
    private Long readCapacity;

    /** Write capacity units, when the table is {@code PROVISIONED}. */
    private Long writeCapacity;

    /** With a {@code PAY_PER_REQUEST} table: the most read request units per second the index may use. */
    private Long maxReadRequestUnits;

    /** With a {@code PAY_PER_REQUEST} table: the most write request units per second the index may use. */
    private Long maxWriteRequestUnits;

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPartitionKey() {
        return partitionKey;
    }

    public void setPartitionKey(String partitionKey) {
        this.partitionKey = partitionKey;
    }

    public String getSortKey() {
        return sortKey;
    }

    public void setSortKey(String sortKey) {
        this.sortKey = sortKey;
    }

    public String getProjection() {
        return projection;
    }

    public void setProjection(String projection) {
        this.projection = projection;
    }

    public List<String> getNonKeyAttributes() {
        return nonKeyAttributes;
    }

    public void setNonKeyAttributes(List<String> nonKeyAttributes) {
        this.nonKeyAttributes = nonKeyAttributes;
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
}
