import io.github.dynamosetup.testing.ItScripts
import io.github.dynamosetup.testing.TableSnapshot

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] + create  tpl-shop-it-orders')
assert log.contains('[INFO] + create  tpl-Sessions')
assert log.contains('[INFO] + create  tpl-templates-products')
assert log.contains('[INFO] = up to date  tpl-shop-it-orders')

assert ItScripts.tableNames(endpoint, 'us-east-1', 'tpl-') ==
        ['tpl-Sessions', 'tpl-audit', 'tpl-shop-it-orders', 'tpl-templates-products']
def client = ItScripts.client(endpoint, 'us-east-1')
try {
    // SAM: the table named by !Sub '${AWS::StackName}-orders', the stack name and Stage given in the POM
    def orders = TableSnapshot.read(client, 'tpl-shop-it-orders')
    assert orders.partitionKey() == 'customerId:S'
    assert orders.sortKey() == 'orderId:S'
    assert orders.billingMode() == 'PAY_PER_REQUEST'
    assert orders.timeToLive() == 'ENABLED expiresAt'
    assert orders.tags() == [Application: 'Shop', Stage: 'it']
    assert client.describeContinuousBackups { it.tableName('tpl-shop-it-orders') }.continuousBackupsDescription()
            .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString() == 'ENABLED'
    assert !client.describeTable { it.tableName('tpl-shop-it-orders') }.table().deletionProtectionEnabled()

    // SAM: a SimpleTable without TableName, named by its logical ID, with Globals' encryption
    def sessions = client.describeTable { it.tableName('tpl-Sessions') }.table()
    assert TableSnapshot.read(client, 'tpl-Sessions').partitionKey() == 'sessionId:S'
    assert sessions.billingModeSummary().billingModeAsString() == 'PAY_PER_REQUEST'
    assert sessions.sseDescription().sseTypeAsString() == 'KMS'

    // cdk synth output: the stack name defaults to the artifactId
    def products = TableSnapshot.read(client, 'tpl-templates-products')
    assert products.partitionKey() == 'sku:S'
    assert products.globalSecondaryIndexes() == [byCategory: 'category:S KEYS_ONLY']
    assert products.tags() == [Application: 'Shop']
} finally {
    client.close()
}
true
