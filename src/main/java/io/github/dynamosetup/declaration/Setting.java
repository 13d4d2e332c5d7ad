package io.github.dynamosetup.declaration;

/** The parts of a table declaration that a problem can concern; each {@link Origin} names them its own way. */
public enum Setting {
    NAME,
    PARTITION_KEY,
    SORT_KEY,
    KEYS,
    GLOBAL_SECONDARY_INDEXES,
    LOCAL_SECONDARY_INDEXES,
    PROJECTION,
    NON_KEY_ATTRIBUTES,
    BILLING_MODE,
    CAPACITY,
    ON_DEMAND_THROUGHPUT,
    TIME_TO_LIVE,
    STREAM,
    ENCRYPTION,
    KMS_KEY,
    POINT_IN_TIME_RECOVERY,
    RECOVERY_PERIOD,
    WARM_THROUGHPUT,
    CONTRIBUTOR_INSIGHTS,
    DELETION_PROTECTION,
    RESOURCE_POLICY,
    RESOURCE_POLICY_FILE,
    TABLE_CLASS,
    AUTO_SCALING,
    REPLICAS,
    TAGS
}
