package io.github.dynamosetup.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code <table>} of the plugin configuration, as Maven fills it in. Values are taken as written and
 * checked all together before any AWS call.
 */
public class PomTable {

    /** The table name, before {@code tableNamePrefix}/{@code tableNameSuffix} are applied. Required. */
    private String name;

    /** The partition key, {@code name:TYPE} with TYPE S, N or B ({@code name} alone means S). Required. */
    private String partitionKey;

    /** The sort key, {@code name:TYPE}; none when absent. */
    private String sortKey;

    /** Global secondary indexes. */
    private List<PomGlobalSecondaryIndex> globalSecondaryIndexes = new ArrayList<>();

    /** Local secondary indexes: the table's partition key with another sort key. */
    private List<PomLocalSecondaryIndex> localSecondaryIndexes = new ArrayList<>();

    /** The attribute holding each item's expiry time (epoch seconds); TTL is enabled on it after creation. */
    private String timeToLiveAttribute;

    /** {@code PAY_PER_REQUEST} (default) or {@code PROVISIONED}. */
    private String billingMode;

    /** Read capacity units, with {@code PROVISIONED} only. */
    private Long readCapacity;

    /** Write capacity units, with {@code PROVISIONED} only. */
    private Long writeCapacity;

    /** With {@code PAY_PER_REQUEST}: the most read request units per second the table may use (-1: no limit). */
    private Long maxReadRequestUnits;

    /** With {@code PAY_PER_REQUEST}: the most write request units per second the table may use (-1: no limit). */
    private Long maxWriteRequestUnits;

    /** Enables a DynamoDB stream with this view type: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES. */
    private String streamViewType;

    /** Encryption at rest: AWS_OWNED (DynamoDB's default), AWS_MANAGED or CUSTOMER_MANAGED (with kmsKeyId). */
    private String encryption;

    /** The customer managed KMS key (id, ARN or alias), with {@code CUSTOMER_MANAGED} encryption. */
    private String kmsKeyId;

    /** Turns on point-in-time recovery once the table is ACTIVE. */
    private boolean pointInTimeRecovery;

    /** Protects the table from DeleteTable. */
    private boolean deletionProtection;

    /** STANDARD (DynamoDB's default) or STANDARD_INFREQUENT_ACCESS. */
    private String tableClass;

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

    public List<PomGlobalSecondaryIndex> getGlobalSecondaryIndexes() {
        return globalSecondaryIndexes;
    }

    public void setGlobalSecondaryIndexes(List<PomGlobalSecondaryIndex> globalSecondaryIndexes) {
        this.globalSecondaryIndexes = globalSecondaryIndexes;
    }

    public List<PomLocalSecondaryIndex> getLocalSecondaryIndexes() {
        return localSecondaryIndexes;
    }

    public void setLocalSecondaryIndexes(List<PomLocalSecondaryIndex> localSecondaryIndexes) {
        this.localSecondaryIndexes = localSecondaryIndexes;
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

    public String getStreamViewType() {
        return streamViewType;
    }

    public void setStreamViewType(String streamViewType) {
        this.streamViewType = streamViewType;
    }

    public String getEncryption() {
        return encryption;
    }

    public void setEncryption(String encryption) {
        this.encryption = encryption;
    }

    public String getKmsKeyId() {
        return kmsKeyId;
    }

    public void setKmsKeyId(String kmsKeyId) {
        this.kmsKeyId = kmsKeyId;
    }

    public boolean isPointInTimeRecovery() {
        return pointInTimeRecovery;
    }

    public void setPointInTimeRecovery(boolean pointInTimeRecovery) {
        this.pointInTimeRecovery = pointInTimeRecovery;
    }

    public boolean isDeletionProtection() {
        return deletionProtection;
    }

    public void setDeletionProtection(boolean deletionProtection) {
        this.deletionProtection = deletionProtection;
    }

    public String getTableClass() {
        return tableClass;
    }

    public void setTableClass(String tableClass) {
        this.tableClass = tableClass;
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
