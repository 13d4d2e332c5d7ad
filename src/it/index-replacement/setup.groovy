import io.github.dynamosetup.testing.ItScripts
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement
import software.amazon.awssdk.services.dynamodb.model.Projection

// made by hand: the index projects the keys only, where the POM declares ALL
def client = ItScripts.client(endpoint, 'us-east-1')
try {
    client.createTable(CreateTableRequest.builder()
            .tableName('idx-orders')
            .keySchema(KeySchemaElement.builder().attributeName('id').keyType('HASH').build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName('id').attributeType('S').build(),
                    AttributeDefinition.builder().attributeName('status').attributeType('S').build())
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName('by-status')
                    .keySchema(KeySchemaElement.builder().attributeName('status').keyType('HASH').build())
                    .projection(Projection.builder().projectionType('KEYS_ONLY').build()).build())
            .billingMode('PAY_PER_REQUEST')
            .build())
} finally {
    client.close()
}
true
