package io.github.dynamosetup.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code <table>} of the plugin configuration, as Maven fills it in. Values are taken as written and
 * checked all together before any AWS call. Maven sets the fields themselves (these beans have no setters;
 * {@link DeclarationMapper} reads them in this package), and makes the entries of each list of the list's
 * type argument, since the element names ({@code <globalSecondaryIndex>}) are not class names.
 */
public class PomTable {

    /** The table name, before {@code tableNamePrefix}/{@code tableNameSuffix} are applied. Required. */
    String name;

    /** The partition key, {@code name:TYPE} with TYPE S, N or B ({@code name} alone means S). Required. */
    String partitionKey;

    /** The sort key, {@code name:TYPE}; none when absent. */
    String sortKey;

    /** Global secondary indexes. */
    List<PomGlobalSecondaryIndex> globalSecondaryIndexes = new ArrayList<>();

    /** Local secondary indexes: the table's partition key with another sort key. */
    List<PomLocalSecondaryIndex> localSecondaryIndexes = new ArrayList<>();

    /** The attribute holding each item's expiry time (epoch seconds); TTL is enabled on it after creation. */
    String timeToLiveAttribute;

    /** {@code PAY_PER_REQUEST} (default) or {@code PROVISIONED}. */
    String billingMode;

    /** Read capacity units, with {@code PROVISIONED} only. */
    Long readCapacity;

    /** Write capacity units, with {@code PROVISIONED} only. */
    Long writeCapacity;

    /** With {@code PAY_PER_REQUEST}: the most read request units per second the table may use (-1: no limit). */
    Long maxReadRequestUnits;

    /** With {@code PAY_PER_REQUEST}: the most write request units per second the table may use (-1: no limit). */
    Long maxWriteRequestUnits;

    /** Enables a DynamoDB stream with this view type: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES. */
    String streamViewType;

    /** Encryption at rest: AWS_OWNED (DynamoDB's default), AWS_MANAGED or CUSTOMER_MANAGED (with kmsKeyId). */
    String encryption;

    /** The customer managed KMS key (id, ARN or alias), with {@code CUSTOMER_MANAGED} encryption. */
    String kmsKeyId;

    /** Turns on point-in-time recovery once the table is ACTIVE. */
    boolean pointInTimeRecovery;

    /**
     * How many days back point-in-time recovery reaches, 1 to 35, with {@code pointInTimeRecovery}; DynamoDB's
     * default (35) when absent.
     */
    Long recoveryPeriodInDays;

    /**
     * The read and write units per second the table takes at once ({@code <readUnitsPerSecond>},
     * {@code <writeUnitsPerSecond>}, either alone); set at creation, raised on an existing table that has less, never
     * lowered (AWS cannot lower it, and raises it by itself with use).
     */
    PomWarmThroughput warmThroughput;

    /** {@code true} turns CloudWatch Contributor Insights on for the table once it is ACTIVE, {@code false} off. */
    Boolean contributorInsights;

    /** Protects the table from DeleteTable. */
    boolean deletionProtection;

    /**
     * The resource-based policy attached to the table: the policy JSON, best written in a CDATA section
     * ({@code <![CDATA[{"Version": ...}]]>}). Maven reads {@code ${...}} in it as its own: write an IAM policy
     * variable {@code $${aws:username}}, or put the policy in {@code resourcePolicyFile}. Not with
     * {@code resourcePolicyFile}.
     */
    String resourcePolicy;

    /**
     * A file holding the resource-based policy (UTF-8 JSON), relative to the project; not with
     * {@code resourcePolicy}.
     */
    String resourcePolicyFile;

    /** STANDARD (DynamoDB's default) or STANDARD_INFREQUENT_ACCESS. */
    String tableClass;

    /**
     * With {@code PROVISIONED}: auto scaling of the table's {@code <read>} and {@code <write>} capacity, each with
     * {@code <min>}, {@code <max>} and {@code <targetUtilization>} (10 to 90 percent). Capacity it moves is
     * never drift.
     */
    PomAutoScaling autoScaling;

    /**
     * Global table replicas, {@code <replica><region>eu-west-1</region></replica>}: added once the table is ACTIVE,
     * waited for, never removed.
     */
    List<PomReplica> replicas = new ArrayList<>();

    /** Tags of this table; they add to the plugin's global {@code <tags>} and override those with the same key. */
    Map<String, String> tags = new LinkedHashMap<>();
}
