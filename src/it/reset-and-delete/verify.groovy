import groovy.json.JsonSlurper
import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
// reset emptied the declared tables item by item (fewer than 1,000 items each) and kept them
assert log.contains('[INFO]   emptied reset-doctores (120 items deleted)')
assert log.contains('[INFO]   emptied reset-user_sessions (1 item deleted)')
assert log =~ /\[INFO\] reset: 2 tables in region us-east-1 at http:\/\/[^ ]+ - 2 emptied, 0 created again, 0 missing/
assert log =~ /\[INFO\] validate: 2 tables in region us-east-1 at http:\/\/[^ ]+ - 2 up to date, 0 with drift, 0 missing/

// delete removed them and waited until they were gone
assert log.contains('[INFO] - delete  reset-doctores')
assert log.contains('[INFO]   gone    reset-user_sessions')
assert log =~ /\[INFO\] delete: 2 tables in region us-east-1 at http:\/\/[^ ]+ - 2 deleted, 0 did not exist, 0 protected/
def report = new JsonSlurper().parse(new File(basedir, 'target/dynamo-setup/delete-report.json'))
assert report.tables*.outcome == ['deleted', 'deleted']

// only the declared tables: the other one and its item are still there
assert ItScripts.tableNames(endpoint, 'us-east-1', 'reset-') == ['reset-not-declared']
def client = ItScripts.client(endpoint, 'us-east-1')
try {
    assert client.scan { it.tableName('reset-not-declared') }.count() == 1
} finally {
    client.close()
}
true
