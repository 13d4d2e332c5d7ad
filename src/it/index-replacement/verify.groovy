import groovy.json.JsonSlurper
import io.github.dynamosetup.testing.ItScripts
import io.github.dynamosetup.testing.TableSnapshot

def log = new File(basedir, 'build.log').text
// plan: the ordered steps, the backfill marked, nothing written
assert log.contains('[INFO] ~ update  idx-orders (replace index by-status)')
assert log.contains('[INFO]     1. delete index by-status')
assert log.contains('[INFO]     2. wait until index by-status is gone')
assert log.contains('[INFO]     3. create index by-status')
assert log.contains('[INFO]     4. wait for index by-status to backfill (waits on a backfill: minutes, hours on a large table)')
def plan = new JsonSlurper().parse(new File(basedir, 'target/dynamo-setup/plan-report.json'))
assert plan.tables[0].steps*.step == ['delete index by-status', 'wait until index by-status is gone',
        'create index by-status', 'wait for index by-status to backfill']
assert plan.tables[0].steps*.backfill == [false, false, false, true]

// create without replaceChangedIndexes: drift whose remedy names it
assert log.contains('global secondary index by-status: status:S ALL -> status:S KEYS_ONLY (an index\'s keys and'
        + ' projection cannot change in place: run mvn dynamo-setup:create -Ddynamo-setup.applyIndexChanges'
        + ' -Ddynamo-setup.replaceChangedIndexes=true to delete it and create it as declared')

// create with it: deleted, then created as declared
assert log.contains('[INFO]   index   idx-orders (deleted by-status, to create it as declared)')
assert log.contains('[INFO]   index   idx-orders (added by-status)')
def create = new JsonSlurper().parse(new File(basedir, 'target/dynamo-setup/create-report.json'))
assert create.tables[0].outcome == 'updated'
assert create.tables[0].actions == ['replace index by-status']

def client = ItScripts.client(endpoint, 'us-east-1')
try {
    assert TableSnapshot.read(client, 'idx-orders').globalSecondaryIndexes() == ['by-status': 'status:S ALL']
} finally {
    client.close()
}
true
