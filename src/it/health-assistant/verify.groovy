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
assert log =~ /create: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 3 created, 0 already existed/
assert log.contains('[INFO] = exists  user_sessions (ACTIVE; left as it is)')
assert log =~ /create: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 0 created, 3 already existed/
assert log =~ /validate: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 3 present, 0 missing/
assert log.contains('No AWS credentials found; using dummy credentials for the local endpoint')
// no warning at all, in particular none of Maven 3.9's plugin validation (run with -Dmaven.plugin.validation=VERBOSE)
assert !log.contains('[WARNING]')
true
