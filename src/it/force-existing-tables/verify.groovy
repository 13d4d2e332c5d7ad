import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('ResourceInUseException: the table force-doctores already exists in region us-east-1')
assert log.contains('created: force-horarios_doctores, force-user_sessions.')
assert log.contains('run mvn dynamo-setup:validate') && log.contains('run mvn dynamo-setup:create')
// a user-facing failure (BUILD FAILURE, MojoFailureException), no stack trace
assert log.contains('MAVEN/MojoFailureException')
assert !log.contains('\tat io.github.dynamosetup') && !log.contains('at io.github.dynamosetup.')

assert ItScripts.tableNames(endpoint, 'us-east-1', 'force-') ==
        ['force-doctores', 'force-horarios_doctores', 'force-user_sessions']
def tables = ItScripts.snapshots(endpoint, 'us-east-1', 'force-')
assert tables['force-doctores'].tags() == [:]                                   // left as it was
assert tables['force-user_sessions'].timeToLive() == 'ENABLED ttl'
assert tables['force-horarios_doctores'].tags() == [Application: 'HealthAssistantAPI']
true
