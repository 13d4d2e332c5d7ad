import groovy.json.JsonSlurper
import io.github.dynamosetup.testing.ItScripts
import io.github.dynamosetup.testing.TableSnapshot

def log = new File(basedir, 'build.log').text
// plan: per-table lines and nothing written (its report says what create would do)
assert log.contains('[INFO] ~ update  drift-user_sessions (ttl, tags)')
assert log.contains('[WARNING] ! drift   drift-doctores (2 differences, incompatible: only a new table would match)')
assert log.contains('[WARNING]     tag Application: HealthAssistantAPI -> none (create changes nothing on a table whose keys or local indexes differ from the declaration)')
assert log.contains('[WARNING]     partition key: doctor_id:S -> id:S (a table\'s keys cannot change')
def plan = new JsonSlurper().parse(new File(basedir, 'target/dynamo-setup/plan-report.json'))
assert plan.dryRun == true
assert plan.tables*.outcome == ['drift', 'would-update']
assert plan.tables[1].actions == ['ttl', 'tags']

// create: fixed user_sessions, left doctores alone, and exported the table properties
assert log.contains("[INFO]   ttl     drift-user_sessions (enabled on 'ttl')")
assert log.contains('[INFO]   tags    drift-user_sessions (Application)')
assert log =~ /user_sessions is drift-user_sessions, ARN arn:aws:dynamodb:us-east-1:\d+:table\/drift-user_sessions/
def create = new JsonSlurper().parse(new File(basedir, 'target/dynamo-setup/create-report.json'))
assert create.tables*.outcome == ['drift', 'updated']

// validate: fails on doctores only
assert log.contains('[ERROR]   drift-doctores: incompatible drift (only a new table would match)')
assert log.contains('MAVEN/MojoFailureException')

def client = ItScripts.client(endpoint, 'us-east-1')
try {
    def sessions = TableSnapshot.read(client, 'drift-user_sessions')
    assert sessions.timeToLive() == 'ENABLED ttl'
    assert sessions.tags() == [Application: 'HealthAssistantAPI']
    assert TableSnapshot.read(client, 'drift-doctores').partitionKey() == 'id:S'
    assert TableSnapshot.read(client, 'drift-doctores').tags() == [:]
} finally {
    client.close()
}
true
