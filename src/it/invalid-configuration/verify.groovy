import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('The dynamo-setup configuration is invalid (5 problems); no AWS call was made:')
// Maven turns a whole unset ${env.X} into nothing, and keeps one inside a longer value: both are reported as unresolved
assert log.contains("plugin configuration, <tags><Environment>: '\${env.DYNAMO_SETUP_IT_NEVER_SET}' is an expression Maven could not resolve: set the environment variable DYNAMO_SETUP_IT_NEVER_SET")
assert log.contains("table 'invalid-doctores', <tags><Owner>: 'team-\${env.DYNAMO_SETUP_IT_NEVER_SET}' holds \${env.DYNAMO_SETUP_IT_NEVER_SET}, which Maven could not resolve")
assert log.contains("table 'invalid-doctores', <partitionKey>: 'doctor_id:BOOL' has the key type 'BOOL'")
assert log.contains("table 'invalid-horarios_doctores', <partitionKey>: missing; every table needs a partition key")
assert log.contains("table 'invalid-x', <readCapacity>/<writeCapacity>: missing; with PROVISIONED billing every table needs both read and write capacity units")
assert !log.contains("table 'invalid-x', <name>")   // 'invalid-x' is a valid name once the prefix is applied
assert log.contains('MAVEN/MojoFailureException')
assert !log.contains('at io.github.dynamosetup.')
assert !log.contains('No AWS credentials found')      // it never got as far as connecting
assert ItScripts.tableNames(endpoint, 'us-east-1', 'invalid-') == []
true
