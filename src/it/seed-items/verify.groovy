import io.github.dynamosetup.testing.ItScripts
import software.amazon.awssdk.services.dynamodb.model.AttributeValue

def log = new File(basedir, 'build.log').text
assert log.indexOf(':create (dynamodb-for-its)') < log.indexOf(':seed (dynamodb-for-its)')
assert log.contains('[INFO]   seeded  seeded-orders (2 items)')
assert log.contains('[INFO]   seeded  seeded-readings (2 items)')
assert log =~ /\[INFO\] seed: 2 tables in region us-east-1 at \S+ - 4 items written \(/

def client = ItScripts.client(endpoint, 'us-east-1')
try {
    def order = client.getItem { it.tableName('seeded-orders').key([id: AttributeValue.fromS('1')]) }.item()
    assert new BigDecimal(order.total.n()) == 12.5G
    assert order.paid.bool()
    assert order.lines.l()[0].m().sku.s() == 'a'
    assert client.getItem { it.tableName('seeded-orders').key([id: AttributeValue.fromS('2')]) }.item().note.nul()

    def readings = client.scan { it.tableName('seeded-readings') }.items().sort(false) { it.at.n() }
    assert readings*.at*.n() == ['1700000000', '1700000060']
    assert new BigDecimal(readings[1].celsius.n()) == 21.75G
    assert readings[0].where.m().room.s() == 'lab'
    assert readings[1].history.l()*.type()*.name() == ['N', 'S']
} finally {
    client.close()
}
true
