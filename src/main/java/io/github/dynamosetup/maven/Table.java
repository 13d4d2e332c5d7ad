package io.github.dynamosetup.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code <table>} of the plugin configuration, as Maven fills it in. Values are taken as written and
 * checked all together before any AWS call.
 */
public class Table {

    /** The table name, before {@code tableNamePrefix}/{@code tableNameSuffix} are applied. Required. */
    private String name;

    /** The partition key, {@code name:TYPE} with TYPE S, N or B ({@code name} alone means S). Required. */
    private String partitionKey;

    /** The sort key, {@code name:TYPE}; none when absent. */
    private String sortKey;

    /** Global secondary indexes. */
    private List<GlobalSecondaryIndex> globalSecondaryIndexes = new ArrayList<>();

    /** The attribute holding each item's expiry time (epoch seconds); TTL is enabled on it after creation. */
    private String timeToLiveAttribute;

    /** {@code PAY_PER_REQUEST} (default) or {@code PROVISIONED}. */
    private String billingMode;

    /** Read capacity units, with {@code PROVISIONED} only. */
    private Long readCapacity;

    /** Write capacity units, with {@code PROVISIONED} only. */
    private Long writeCapacity;

    /** Tags of this table; they add to the plugin's global {@code <tags>} and override those with the same key. */
    private Map<String, String> tags = new LinkedHashMap<>();

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

    public List<GlobalSecondaryIndex> getGlobalSecondaryIndexes() {
        return globalSecondaryIndexes;
    }

    public void setGlobalSecondaryIndexes(List<GlobalSecondaryIndex> globalSecondaryIndexes) {
        this.globalSecondaryIndexes = globalSecondaryIndexes;
    }

    public String getTimeToLiveAttribute() {
        return timeToLiveAttribute;
    }

    public void setTimeToLiveAttribute(String timeToLiveAttribute) {
        this.timeToLiveAttribute = timeToLiveAttribute;
    }

    public String getBillingMode() {
        return billingMode;
    }

    public void setBillingMode(String billingMode) {
        this.billingMode = billingMode;
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

    public Map<String, String> getTags() {
        return tags;
    }

    public void setTags(Map<String, String> tags) {
        this.tags = tags;
    }
}
