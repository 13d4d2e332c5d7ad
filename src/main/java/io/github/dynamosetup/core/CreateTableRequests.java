package io.github.dynamosetup.core;

import io.github.dynamosetup.spec.Capacity;
import io.github.dynamosetup.spec.GlobalSecondaryIndexSpec;
import io.github.dynamosetup.spec.KeySpec;
import io.github.dynamosetup.spec.TableSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** Turns a validated table spec into the CreateTable request that makes it, tags included. */
final class CreateTableRequests {

    private CreateTableRequests() {}

    static CreateTableRequest of(TableSpec table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .attributeDefinitions(table.attributeDefinitions().entrySet().stream()
                        .map(e -> AttributeDefinition.builder()
                                .attributeName(e.getKey())
                                .attributeType(ScalarAttributeType.fromValue(e.getValue().name()))
                                .build())
                        .toList())
                .keySchema(keySchema(table.partitionKey(), table.sortKey()))
                .billingMode(BillingMode.fromValue(table.billingMode().name()));
        if (table.capacity().isComplete()) {
            request.provisionedThroughput(throughput(table.capacity()));
        }
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                    .map(CreateTableRequests::index)
                    .toList());
        }
        if (!table.tags().isEmpty()) {
            request.tags(table.tags().entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                    .toList());
        }
        return request.build();
    }

    private static GlobalSecondaryIndex index(GlobalSecondaryIndexSpec index) {
        Projection.Builder projection = Projection.builder()
                .projectionType(ProjectionType.fromValue(index.projection().name()));
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        GlobalSecondaryIndex.Builder builder = GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema(index.partitionKey(), index.sortKey()))
                .projection(projection.build());
        if (index.capacity().isComplete()) {
            builder.provisionedThroughput(throughput(index.capacity()));
        }
        return builder.build();
    }

    private static List<KeySchemaElement> keySchema(KeySpec partitionKey, KeySpec sortKey) {
        List<KeySchemaElement> schema = new ArrayList<>(2);
        schema.add(KeySchemaElement.builder().attributeName(partitionKey.attributeName()).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            schema.add(KeySchemaElement.builder().attributeName(sortKey.attributeName()).keyType(KeyType.RANGE).build());
        }
        return schema;
    }

    private static ProvisionedThroughput throughput(Capacity capacity) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(capacity.readCapacityUnits())
                .writeCapacityUnits(capacity.writeCapacityUnits())
                .build();
    }
}
