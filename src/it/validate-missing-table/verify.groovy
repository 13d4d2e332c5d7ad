import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
// first invocation: everything there
assert log =~ /validate: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 3 up to date, 0 with drift, 0 missing/
// second invocation: the deleted table is named, with the fix, as BUILD FAILURE without a stack trace
assert log.contains('[WARNING] ! missing vmt-horarios_doctores')
assert log =~ /validate: 1 of 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ does not match the declaration:/
assert log.contains('[ERROR]   vmt-horarios_doctores: missing. Create it with: mvn dynamo-setup:create')
assert log.contains('MAVEN/MojoFailureException')
assert !log.contains('at io.github.dynamosetup.')
// validate wrote nothing: the two remaining tables, still just two
assert ItScripts.tableNames(endpoint, 'us-east-1', 'vmt-') == ['vmt-doctores', 'vmt-user_sessions']
true
