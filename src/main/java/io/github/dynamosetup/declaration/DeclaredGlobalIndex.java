package io.github.dynamosetup.declaration;

import java.util.List;
import java.util.Objects;

/**
 * A global secondary index as declared. Values may break DynamoDB's rules until the declaration they
 * belong to has been validated (see {@link Declaration}).
 *
 * @param name the index name
 * @param partitionKey the index's partition key, {@code null} when not declared
 * @param sortKey the index's sort key, {@code null} when it has none
 * @param projection which attributes the index copies
 * @param nonKeyAttributes the attributes an {@link IndexProjection#INCLUDE} projection copies
 * @param capacity provisioned throughput, for tables in {@link BillingMode#PROVISIONED} mode
 * @param onDemandThroughput request unit limits, for tables in {@link BillingMode#PAY_PER_REQUEST} mode
 */
public record DeclaredGlobalIndex(
        String name,
        KeyAttribute partitionKey,
        KeyAttribute sortKey,
        IndexProjection projection,
        List<String> nonKeyAttributes,
        Capacity capacity,
        RequestUnits onDemandThroughput) {

    public DeclaredGlobalIndex {
        Objects.requireNonNull(projection, "projection");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
        capacity = capacity == null ? Capacity.NONE : capacity;
        onDemandThroughput = onDemandThroughput == null ? RequestUnits.NONE : onDemandThroughput;
    }

    /** An index with a partition key and the given projection, and nothing else declared. */
    public static DeclaredGlobalIndex of(String name, KeyAttribute partitionKey, KeyAttribute sortKey, IndexProjection projection,
            List<String> nonKeyAttributes) {
        return new DeclaredGlobalIndex(name, partitionKey, sortKey, projection, nonKeyAttributes, null, null);
    }
}
