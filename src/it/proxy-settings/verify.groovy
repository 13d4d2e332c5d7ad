import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
def endpointThroughProxy = "http://dynamodb.test.invalid:${new URI(endpoint).port}"
assert log.contains("create: 1 table in region us-east-1 at ${endpointThroughProxy} through the proxy 127.0.0.1:${proxyPort}"
        + " (check settings.xml <proxy> id 'it-proxy')")
assert ItScripts.tableNames(endpoint, 'us-east-1', 'proxied-') == ['proxied-user_sessions']

// the proxy carried STS (the account check) and DynamoDB, with the settings.xml proxy user
def carried = new File(proxyRequests).readLines().findAll { it.contains(endpointThroughProxy) }
assert carried.any { it.contains('user=proxy-it Action=GetCallerIdentity') }
assert carried.any { it.contains('user=proxy-it DynamoDB_20120810.CreateTable') }
assert carried.every { it.contains('user=proxy-it') }

// neither the proxy's password nor the secret key, even with -X
assert log.contains('[DEBUG]')
assert !log.contains('NEVER-IN-THE-LOG')
true
