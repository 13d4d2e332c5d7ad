import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('No AWS credentials found; using dummy credentials for the local endpoint ' + endpoint)
assert log.contains('create: 1 table in region eu-north-1 at ' + endpoint)
assert ItScripts.tableNames(endpoint, 'eu-north-1', 'endpoint-env-') == ['endpoint-env-user_sessions']
true
