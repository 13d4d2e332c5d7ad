import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text

// the server holds the three tables exactly as declared
def expected = ItScripts.expectedHealthAssistant([Application: 'HealthAssistantAPI', Environment: 'ci'])
def actual = ItScripts.snapshots(endpoint, 'us-east-1', '').subMap(expected.keySet())
println "Tables on the server at ${endpoint} (us-east-1), read back with DescribeTable, DescribeTimeToLive and ListTagsOfResource:"
actual.each { name, table -> println "  ${name.padRight(18)} ${table.describe()}" }
assert actual == expected

// create ran in pre-integration-test (after the jar was built), validate in verify
// (Maven 3.9 prints "--- jar:3.4.2:jar", Maven 3.8 "--- maven-jar-plugin:3.4.2:jar")
def position = { pattern -> def m = log =~ pattern; m.find() ? m.start() : -1 }
def jar = position(/--- (maven-)?jar(-plugin)?:[^ ]+:jar \(default-jar\) @ health-assistant-service/)
def create = position(/:create \(create-tables\) @ health-assistant-service/)
def validate = position(/:validate \(validate-tables\) @ health-assistant-service/)
assert jar >= 0 && create > jar && validate > create

// first run: created everything, enabled TTL; second run: nothing to do
assert log.contains('[INFO] + create  doctores')
assert log.contains("[INFO]   ttl     user_sessions (enabled on 'ttl')")
assert log =~ /create: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 3 created, 0 updated, 0 up to date, 0 with drift/
assert log.contains('[INFO] = up to date  user_sessions')
assert log =~ /create: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 0 created, 0 updated, 3 up to date, 0 with drift/
assert log =~ /validate: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 3 up to date, 0 with drift, 0 missing/
// the report of each goal
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'service/target/dynamo-setup/validate-report.json'))
assert report.tables*.name == ['doctores', 'horarios_doctores', 'user_sessions']
assert report.tables*.outcome == ['up-to-date', 'up-to-date', 'up-to-date']
assert log.contains('No AWS credentials found; using dummy credentials for the local endpoint')
// no warning at all, in particular none of Maven 3.9's plugin validation (run with -Dmaven.plugin.validation=VERBOSE)
assert !log.contains('[WARNING]')
true
