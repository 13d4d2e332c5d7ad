import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')                                  // -X was on
assert log.contains('create: 1 table in region us-east-1')      // the goal ran with the server's keys
assert !log.contains('s3cr3t-NEVER-IN-THE-LOG-7f3a9c')
assert !log.contains('NEVER-IN-THE-LOG')
assert !log.contains('AWS4 Canonical Request')                  // the SDK signer's lines, quieted by the plugin
assert ItScripts.tableNames(endpoint, 'us-east-1', 'secret-') == ['secret-user_sessions']
true
