package io.github.dynamosetup.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * A table as the server holds it, read back with DescribeTable, DescribeTimeToLive and
 * ListTagsOfResource, in the POM's notation so that tests compare it with what they declared.
 *
 * @param partitionKey {@code name:TYPE}
 * @param sortKey {@code name:TYPE}, or null
 * @param globalSecondaryIndexes index name to {@code partitionKey[,sortKey] projection[ nonKey...]}
 * @param billingMode PAY_PER_REQUEST or PROVISIONED
 * @param timeToLive {@code STATUS attribute}, e.g. {@code ENABLED ttl}, or {@code DISABLED}
 * @param tags the table's tags
 */
public record TableSnapshot(String partitionKey, String sortKey, Map<String, String> globalSecondaryIndexes,
        String billingMode, String timeToLive, Map<String, String> tags) {

    /** Reads the table back; null when it does not exist. */
    public static TableSnapshot read(DynamoDbClient client, String tableName) {
        TableDescription table;
        try {
            table = client.describeTable(r -> r.tableName(tableName)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
        Map<String, String> types = table.attributeDefinitions().stream()
                .collect(Collectors.toMap(a -> a.attributeName(), a -> a.attributeTypeAsString()));
        Map<String, String> indexes = new TreeMap<>();
        table.globalSecondaryIndexes().forEach(i -> indexes.put(i.indexName(),
                keys(i.keySchema(), types) + " " + i.projection().projectionTypeAsString()
                        + (i.projection().hasNonKeyAttributes() && !i.projection().nonKeyAttributes().isEmpty()
                                ? " " + String.join(",", i.projection().nonKeyAttributes()) : "")));
        TimeToLiveDescription ttl = client.describeTimeToLive(r -> r.tableName(tableName)).timeToLiveDescription();
        String timeToLive = ttl.timeToLiveStatusAsString()
                + (ttl.attributeName() == null ? "" : " " + ttl.attributeName());
        Map<String, String> tags = new TreeMap<>();
        client.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags()
                .forEach(t -> tags.put(t.key(), t.value()));
        String billing = table.billingModeSummary() == null
                ? "PROVISIONED"
                : table.billingModeSummary().billingModeAsString();
        return new TableSnapshot(key(table.keySchema(), KeyType.HASH, types), key(table.keySchema(), KeyType.RANGE, types),
                indexes, billing, timeToLive, tags);
    }

    /** One readable line: keys, indexes, billing, TTL and tags. */
    public String describe() {
        StringBuilder line = new StringBuilder("partition key ").append(partitionKey);
        if (sortKey != null) {
            line.append(", sort key ").append(sortKey);
        }
        globalSecondaryIndexes.forEach((name, index) -> line.append(", GSI ").append(name).append(" (").append(index)
                .append(')'));
        return line.append(", ").append(billingMode).append(", TTL ").append(timeToLive).append(", tags ").append(tags)
                .toString();
    }

    private static String keys(List<KeySchemaElement> schema, Map<String, String> types) {
        String sortKey = key(schema, KeyType.RANGE, types);
        return key(schema, KeyType.HASH, types) + (sortKey == null ? "" : "," + sortKey);
    }

    private static String key(List<KeySchemaElement> schema, KeyType type, Map<String, String> types) {
        return schema.stream().filter(k -> k.keyType() == type).findFirst()
                .map(k -> k.attributeName() + ":" + types.get(k.attributeName()))
                .orElse(null);
    }
}
