import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')                                  // -X was on
assert log.contains('create: 1 table in region us-east-1')      // the goal ran with these credentials
assert !log.contains('dummy credentials')
assert !log.contains('NEVER-IN-THE-LOG')                        // no secret key, no session token
assert !log.toLowerCase().contains('x-amz-security-token:')     // nor any other token (the assumed role's)
assert ItScripts.tableNames(endpoint, 'us-east-1', 'credenti-') == ['credenti-user_sessions']
true
