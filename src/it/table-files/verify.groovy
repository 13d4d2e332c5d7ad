import io.github.dynamosetup.testing.ItScripts
import io.github.dynamosetup.testing.TableSnapshot

def log = new File(basedir, 'build.log').text
def position = { text -> log.indexOf(text) }
assert position('check: 3 tables declared correctly (files-orders, files-audit_log, files-payments); checked offline') >= 0
assert position(':check (check-tables)') < position(':create (create-tables)')
assert log.contains('[INFO]   pitr    files-orders (point-in-time recovery enabled)')
assert log.contains("[INFO]   ttl     files-payments (enabled on 'expires_at')")
assert log.contains('[INFO]   pitr    files-payments (point-in-time recovery enabled, 14 days)')
assert log.contains('[INFO]   scaling files-audit_log (read capacity 1-10 at 70.0 %, write capacity 1-5 at 50.0 %)')
// the warm throughput payments.json declares is met once created: validate finds no drift in files-payments
assert log.contains('[INFO] = up to date  files-payments')

assert ItScripts.tableNames(endpoint, 'us-east-1', 'files-') == ['files-audit_log', 'files-orders', 'files-payments']
def client = ItScripts.client(endpoint, 'us-east-1')
try {
    def orders = client.describeTable { it.tableName('files-orders') }.table()
    assert orders.localSecondaryIndexes()*.indexName() == ['by-total']
    assert orders.localSecondaryIndexes()[0].projection().nonKeyAttributes() == ['currency']
    assert orders.streamSpecification().streamViewTypeAsString() == 'NEW_AND_OLD_IMAGES'
    assert orders.sseDescription().sseTypeAsString() == 'KMS'
    assert orders.deletionProtectionEnabled()
    def recovery = { name -> client.describeContinuousBackups { it.tableName(name) }.continuousBackupsDescription()
            .pointInTimeRecoveryDescription() }
    assert recovery('files-orders').pointInTimeRecoveryStatusAsString() == 'ENABLED'
    assert recovery('files-payments').pointInTimeRecoveryStatusAsString() == 'ENABLED'
    assert recovery('files-payments').recoveryPeriodInDays() == 14    // declared in the file
    assert recovery('files-orders').recoveryPeriodInDays() == 35      // undeclared: DynamoDB's default

    def payments = TableSnapshot.read(client, 'files-payments')
    assert payments.partitionKey() == 'payment_id:S'
    assert payments.globalSecondaryIndexes() == ['by-order': 'order_id:S KEYS_ONLY']
    assert payments.timeToLive() == 'ENABLED expires_at'
    assert payments.tags() == [Application: 'Shop', Team: 'payments']    // the file's tag overrides nothing global here
    def described = client.describeTable { it.tableName('files-payments') }.table()
    assert described.warmThroughput().readUnitsPerSecond() == 15000L          // declared in the file
    assert described.warmThroughput().writeUnitsPerSecond() == 5000L
    assert described.globalSecondaryIndexes()[0].warmThroughput().readUnitsPerSecond() == 13000L
    assert TableSnapshot.read(client, 'files-orders').tags() == [Application: 'Shop', Team: 'checkout']

    def audit = client.describeTable { it.tableName('files-audit_log') }.table()
    assert audit.provisionedThroughput().readCapacityUnits() == 2L
    assert audit.streamSpecification().streamViewTypeAsString() == 'KEYS_ONLY'
    // the file's AutoScaling, read back through Application Auto Scaling
    assert ItScripts.autoScaling(endpoint, 'us-east-1', 'table/files-audit_log') == [
            'dynamodb:table:ReadCapacityUnits': '1-10', 'dynamodb:table:ReadCapacityUnits policy': '70.0',
            'dynamodb:table:WriteCapacityUnits': '1-5', 'dynamodb:table:WriteCapacityUnits policy': '50.0']
} finally {
    client.close()
}
true
