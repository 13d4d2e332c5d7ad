package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.BillingMode;
import io.github.dynamosetup.declaration.Capacity;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.declaration.IndexProjection;
import io.github.dynamosetup.declaration.RequestUnits;
import io.github.dynamosetup.declaration.StreamViewType;
import io.github.dynamosetup.declaration.TableClass;
import io.github.dynamosetup.declaration.DeclaredTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Reads a table's live state with read-only calls: DescribeTable, DescribeTimeToLive,
 * ListTagsOfResource, and DescribeContinuousBackups when point-in-time recovery is declared.
 */
final class LiveTableReader {

    private final DynamoDbClient client;

    LiveTableReader(DynamoDbClient client) {
        this.client = client;
    }

    /**
     * The table's live state, or null when it does not exist. A table being created is read once it is
     * ACTIVE: until then AWS answers DescribeTimeToLive with ValidationException and the tags and backups
     * APIs with ResourceNotFoundException (see src/test/AWS-BEHAVIOUR.md). A table being deleted is read
     * with DescribeTable alone.
     */
    LiveTable read(DeclaredTable declared, AwsCalls calls) throws ProvisioningException {
        String name = declared.name();
        TableDescription first = describe(name, calls);
        if (first != null && first.tableStatus() == TableStatus.CREATING) {
            calls.waiter(client).awaitActive(name);
        }
        TableDescription table = first != null && first.tableStatus() == TableStatus.CREATING
                ? describe(name, calls) : first;
        if (table == null) {
            return null;
        }
        if (table.tableStatus() == TableStatus.DELETING) {
            return toLiveTable(table, TimeToLiveDescription.builder().timeToLiveStatus("DISABLED").build(), Map.of(),
                    null);
        }
        TimeToLiveDescription ttl = calls.call(name, "DescribeTimeToLive",
                () -> client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription());
        Map<String, String> tags = new TreeMap<>();
        String next = null;
        do {
            String token = next;
            ListTagsOfResourceResponse page = calls.call(name, "ListTagsOfResource",
                    () -> client.listTagsOfResource(r -> r.resourceArn(table.tableArn()).nextToken(token)));
            page.tags().forEach(t -> tags.put(t.key(), t.value()));
            next = page.nextToken();
        } while (next != null);
        Boolean pointInTimeRecovery = null;
        if (declared.pointInTimeRecovery()) {
            pointInTimeRecovery = calls.call(name, "DescribeContinuousBackups", () -> "ENABLED".equals(
                    client.describeContinuousBackups(r -> r.tableName(name)).continuousBackupsDescription()
                            .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()));
        }
        return toLiveTable(table, ttl, tags, pointInTimeRecovery);
    }

    private TableDescription describe(String name, AwsCalls calls) throws AwsCallException {
        return calls.call(name, "DescribeTable", () -> {
            try {
                return client.describeTable(r -> r.tableName(name)).table();
            } catch (ResourceNotFoundException e) {
                return null;
            }
        });
    }

    static LiveTable toLiveTable(TableDescription table, TimeToLiveDescription ttl, Map<String, String> tags,
            Boolean pointInTimeRecovery) {
        Map<String, AttributeType> types = new LinkedHashMap<>();
        table.attributeDefinitions().forEach(a -> types.put(a.attributeName(),
                AttributeType.valueOf(a.attributeTypeAsString())));
        Map<String, LiveTable.Index> globalIndexes = new TreeMap<>();
        table.globalSecondaryIndexes().forEach(i -> globalIndexes.put(i.indexName(), new LiveTable.Index(
                key(i.keySchema(), KeyType.HASH, types), key(i.keySchema(), KeyType.RANGE, types),
                IndexProjection.valueOf(i.projection().projectionTypeAsString()), i.projection().nonKeyAttributes(),
                capacity(i.provisionedThroughput()))));
        Map<String, LiveTable.Index> localIndexes = new TreeMap<>();
        table.localSecondaryIndexes().forEach(i -> localIndexes.put(i.indexName(), new LiveTable.Index(
                key(i.keySchema(), KeyType.HASH, types), key(i.keySchema(), KeyType.RANGE, types),
                IndexProjection.valueOf(i.projection().projectionTypeAsString()), i.projection().nonKeyAttributes(),
                Capacity.NONE)));
        // a table that never had a billing mode switch may lack the summary: it is then PROVISIONED
        BillingMode billingMode = table.billingModeSummary() == null || table.billingModeSummary().billingMode() == null
                ? BillingMode.PROVISIONED
                : BillingMode.valueOf(table.billingModeSummary().billingModeAsString());
        boolean streamOn = table.streamSpecification() != null
                && Boolean.TRUE.equals(table.streamSpecification().streamEnabled());
        boolean kms = table.sseDescription() != null && "KMS".equals(table.sseDescription().sseTypeAsString())
                && !"DISABLED".equals(table.sseDescription().statusAsString());
        return new LiveTable(
                table.tableName(),
                table.tableArn(),
                table.tableStatusAsString(),
                key(table.keySchema(), KeyType.HASH, types),
                key(table.keySchema(), KeyType.RANGE, types),
                globalIndexes,
                localIndexes,
                billingMode,
                billingMode == BillingMode.PROVISIONED ? capacity(table.provisionedThroughput()) : Capacity.NONE,
                table.onDemandThroughput() == null ? RequestUnits.NONE : new RequestUnits(
                        table.onDemandThroughput().maxReadRequestUnits(),
                        table.onDemandThroughput().maxWriteRequestUnits()),
                streamOn ? StreamViewType.valueOf(table.streamSpecification().streamViewTypeAsString()) : null,
                table.latestStreamArn(),
                kms ? table.sseDescription().kmsMasterKeyArn() : null,
                Boolean.TRUE.equals(table.deletionProtectionEnabled()),
                table.tableClassSummary() == null || table.tableClassSummary().tableClass() == null
                        ? TableClass.STANDARD
                        : TableClass.valueOf(table.tableClassSummary().tableClassAsString()),
                ttl.timeToLiveStatusAsString(),
                ttl.attributeName(),
                tags,
                pointInTimeRecovery);
    }

    private static KeyAttribute key(List<KeySchemaElement> schema, KeyType type, Map<String, AttributeType> types) {
        return schema.stream().filter(k -> k.keyType() == type).findFirst()
                .map(k -> new KeyAttribute(k.attributeName(), types.getOrDefault(k.attributeName(), AttributeType.S)))
                .orElse(null);
    }

    private static Capacity capacity(ProvisionedThroughputDescription throughput) {
        if (throughput == null || throughput.readCapacityUnits() == null || throughput.readCapacityUnits() == 0) {
            return Capacity.NONE;
        }
        return new Capacity(throughput.readCapacityUnits(), throughput.writeCapacityUnits());
    }
}
