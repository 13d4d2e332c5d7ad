import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text

// the server holds the three tables exactly as declared
def expected = ItScripts.expectedHealthAssistant([Application: 'HealthAssistantAPI', Environment: 'ci'])
def actual = ItScripts.snapshots(endpoint, 'us-east-1', '').subMap(expected.keySet())
println "Tables on the server at ${endpoint} (us-east-1), read back with DescribeTable, DescribeTimeToLive and ListTagsOfResource:"
actual.each { name, table -> println "  ${name}: ${table}" }
assert actual == expected

// create ran in pre-integration-test (after the jar was built), validate in verify
def jar = log.indexOf('maven-jar-plugin')
def create = log.indexOf(':create (create-tables) @ health-assistant-service')
def validate = log.indexOf(':validate (validate-tables) @ health-assistant-service')
assert jar >= 0 && create > jar && validate > create

// first run: created everything, enabled TTL; second run: nothing to do
assert log.contains('[INFO] + create  doctores')
assert log.contains("[INFO]   ttl     user_sessions (enabled on 'ttl')")
assert log =~ /create: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 3 created, 0 already existed/
assert log.contains('[INFO] = exists  user_sessions (ACTIVE; left as it is)')
assert log =~ /create: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 0 created, 3 already existed/
assert log =~ /validate: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 3 present, 0 missing/
assert log.contains('No AWS credentials found; using dummy credentials for the local endpoint')
// no warning about the plugin's descriptor, dependencies or parameters
assert !(log =~ /(?i)plugin validation|should not|deprecated/)
true
