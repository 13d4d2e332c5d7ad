package io.github.dynamosetup.declaration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A global secondary index as declared. Values may break DynamoDB's rules until the declaration they
 * belong to has been validated (see {@link Declaration}).
 *
 * <p>A global secondary index may have a key of several attributes: up to 4 partition and up to 4 sort key
 * attributes, in order (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html">
 * API_GlobalSecondaryIndex</a>, KeySchema).
 *
 * @param name the index name
 * @param partitionKeys the index's partition key attributes in order, empty when not declared
 * @param sortKeys the index's sort key attributes in order, empty when it has none
 * @param projection which attributes the index copies
 * @param nonKeyAttributes the attributes an {@link IndexProjection#INCLUDE} projection copies
 * @param capacity provisioned throughput, for tables in {@link BillingMode#PROVISIONED} mode
 * @param autoScaling auto scaling of the index's capacity, for tables in {@link BillingMode#PROVISIONED} mode
 * @param onDemandThroughput request unit limits, for tables in {@link BillingMode#PAY_PER_REQUEST} mode
 * @param warmThroughput the read and write units per second the index takes at once; {@link WarmThroughput#NONE}
 *     when not declared
 * @param contributorInsights whether CloudWatch Contributor Insights is on for the index; {@code null} when not
 *     declared
 */
public record DeclaredGlobalIndex(
        String name,
        List<KeyAttribute> partitionKeys,
        List<KeyAttribute> sortKeys,
        IndexProjection projection,
        List<String> nonKeyAttributes,
        Capacity capacity,
        AutoScaling autoScaling,
        RequestUnits onDemandThroughput,
        WarmThroughput warmThroughput,
        Boolean contributorInsights) {

    public DeclaredGlobalIndex {
        Objects.requireNonNull(projection, "projection");
        partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
        sortKeys = sortKeys == null ? List.of() : List.copyOf(sortKeys);
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
        capacity = capacity == null ? Capacity.NONE : capacity;
        autoScaling = autoScaling == null ? AutoScaling.NONE : autoScaling;
        onDemandThroughput = onDemandThroughput == null ? RequestUnits.NONE : onDemandThroughput;
        warmThroughput = warmThroughput == null ? WarmThroughput.NONE : warmThroughput;
    }

    /** An index that declares neither auto scaling, warm throughput nor contributor insights. */
    public DeclaredGlobalIndex(String name, List<KeyAttribute> partitionKeys, List<KeyAttribute> sortKeys,
            IndexProjection projection, List<String> nonKeyAttributes, Capacity capacity,
            RequestUnits onDemandThroughput) {
        this(name, partitionKeys, sortKeys, projection, nonKeyAttributes, capacity, null, onDemandThroughput, null,
                null);
    }

    /** An index that declares neither warm throughput nor contributor insights. */
    public DeclaredGlobalIndex(String name, List<KeyAttribute> partitionKeys, List<KeyAttribute> sortKeys,
            IndexProjection projection, List<String> nonKeyAttributes, Capacity capacity, AutoScaling autoScaling,
            RequestUnits onDemandThroughput) {
        this(name, partitionKeys, sortKeys, projection, nonKeyAttributes, capacity, autoScaling, onDemandThroughput,
                null, null);
    }

    /** An index without auto scaling. */
    public DeclaredGlobalIndex(String name, List<KeyAttribute> partitionKeys, List<KeyAttribute> sortKeys,
            IndexProjection projection, List<String> nonKeyAttributes, Capacity capacity,
            RequestUnits onDemandThroughput, WarmThroughput warmThroughput, Boolean contributorInsights) {
        this(name, partitionKeys, sortKeys, projection, nonKeyAttributes, capacity, null, onDemandThroughput,
                warmThroughput, contributorInsights);
    }

    /** An index whose key has at most one partition and one sort attribute, either {@code null} when not declared. */
    public DeclaredGlobalIndex(String name, KeyAttribute partitionKey, KeyAttribute sortKey, IndexProjection projection,
            List<String> nonKeyAttributes, Capacity capacity, RequestUnits onDemandThroughput) {
        this(name, listOf(partitionKey), listOf(sortKey), projection, nonKeyAttributes, capacity, onDemandThroughput);
    }

    /** An index with a partition key and the given projection, and nothing else declared. */
    public static DeclaredGlobalIndex of(String name, KeyAttribute partitionKey, KeyAttribute sortKey, IndexProjection projection,
            List<String> nonKeyAttributes) {
        return new DeclaredGlobalIndex(name, partitionKey, sortKey, projection, nonKeyAttributes, null, null);
    }

    /** The first partition key attribute, {@code null} when none is declared. */
    public KeyAttribute partitionKey() {
        return partitionKeys.isEmpty() ? null : partitionKeys.get(0);
    }

    /** The first sort key attribute, {@code null} when the index has none. */
    public KeyAttribute sortKey() {
        return sortKeys.isEmpty() ? null : sortKeys.get(0);
    }

    /** The key attributes in key schema order: all partition attributes, then all sort attributes. */
    public List<KeyAttribute> keyAttributes() {
        List<KeyAttribute> all = new ArrayList<>(partitionKeys);
        all.addAll(sortKeys);
        return List.copyOf(all);
    }

    private static List<KeyAttribute> listOf(KeyAttribute key) {
        return key == null ? List.of() : List.of(key);
    }
}
