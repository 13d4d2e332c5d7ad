import io.github.dynamosetup.testing.ItScripts
import software.amazon.awssdk.services.dynamodb.model.AttributeValue

// the declared tables, with items an earlier test run left; and a table the POM does not declare
ItScripts.createTable(endpoint, 'us-east-1', 'reset-doctores', 'doctor_id')
ItScripts.createTable(endpoint, 'us-east-1', 'reset-user_sessions', 'user_id')
ItScripts.createTable(endpoint, 'us-east-1', 'reset-not-declared', 'id')
def client = ItScripts.client(endpoint, 'us-east-1')
try {
    (1..120).each { i ->
        client.putItem { it.tableName('reset-doctores').item([doctor_id: AttributeValue.fromS("d-$i")]) }
    }
    client.putItem { it.tableName('reset-user_sessions').item([user_id: AttributeValue.fromS('u-1')]) }
    client.putItem { it.tableName('reset-not-declared').item([id: AttributeValue.fromS('kept')]) }
} finally {
    client.close()
}
true
