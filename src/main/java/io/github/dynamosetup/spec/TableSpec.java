package io.github.dynamosetup.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A DynamoDB table as declared: keys, indexes, TTL, billing and tags. Immutable. Values may break
 * DynamoDB's rules until the table has been validated as part of a {@link Declaration}.
 *
 * @param name the full table name (prefix and suffix applied), {@code null} when not declared
 * @param partitionKey the partition key, {@code null} when not declared
 * @param sortKey the sort key, {@code null} when the table has none
 * @param globalSecondaryIndexes the global secondary indexes
 * @param timeToLiveAttribute the attribute holding each item's expiry time, {@code null} for no TTL
 * @param billingMode on demand or provisioned
 * @param capacity provisioned throughput of the table
 * @param tags the tags to give the table (global tags merged with the table's own), sorted by key
 */
public record TableSpec(
        String name,
        KeySpec partitionKey,
        KeySpec sortKey,
        List<GlobalSecondaryIndexSpec> globalSecondaryIndexes,
        String timeToLiveAttribute,
        BillingMode billingMode,
        Capacity capacity,
        Map<String, String> tags) {

    public TableSpec {
        Objects.requireNonNull(billingMode, "billingMode");
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        capacity = capacity == null ? Capacity.NONE : capacity;
        // null values are kept so that validation can report them; Map.copyOf would reject them
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /**
     * The attribute definitions DynamoDB needs: every key attribute of the table and its indexes,
     * each once, in the order first used. Users never list these.
     */
    public Map<String, AttributeType> attributeDefinitions() {
        Map<String, AttributeType> definitions = new LinkedHashMap<>();
        addKey(definitions, partitionKey);
        addKey(definitions, sortKey);
        for (GlobalSecondaryIndexSpec index : globalSecondaryIndexes) {
            addKey(definitions, index.partitionKey());
            addKey(definitions, index.sortKey());
        }
        return definitions;
    }

    private static void addKey(Map<String, AttributeType> definitions, KeySpec key) {
        if (key != null) {
            definitions.putIfAbsent(key.attributeName(), key.type());
        }
    }
}
