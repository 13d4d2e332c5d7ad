import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('The dynamo-setup configuration is invalid (8 problems); no AWS call was made:')
assert log.contains("plugin configuration, <templates><template>[2]<parameters><Stage>: '\${dynamo-setup-it.undefined.stage}' is an expression Maven could not resolve")
assert log.contains('plugin configuration, <templates><template><file>missing-template.yaml</file>: no such file under')
assert !log.contains('template.yaml, Parameters')     // the template with the expression is not read
assert log.contains("plugin configuration, <tableNamePrefix>: '\${env.DYNAMO_SETUP_IT_STAGE_NOT_SET}-' holds \${env.DYNAMO_SETUP_IT_STAGE_NOT_SET}, which Maven could not resolve: set the environment variable DYNAMO_SETUP_IT_STAGE_NOT_SET (export DYNAMO_SETUP_IT_STAGE_NOT_SET=...), or remove the element")
assert log.contains("plugin configuration, <tableNameSuffix>: '-\${stage}' gives '-' because \${stage} resolves to nothing (set but empty): give it a value, or write <tableNameSuffix></tableNameSuffix> to mean none")
assert log.contains("table 'unresolved-horarios', <sortKey>: '\${dynamo-setup-it.undefined.sortKey}' is an expression Maven could not resolve: define the property dynamo-setup-it.undefined.sortKey (-Ddynamo-setup-it.undefined.sortKey=... or in <properties>), or remove the element")
assert log.contains("table 'unresolved-horarios', <timeToLiveAttribute>: '\${dynamo-setup-it.undefined.ttl}' is an expression Maven could not resolve")
assert log.contains("table 'unresolved-horarios', <billingMode>: '\${dynamo-setup-it.undefined.billingMode}' is an expression Maven could not resolve")
assert log.contains("table 'unresolved-users', <partitionKey>: '\${dynamo-setup-it.undefined.partitionKey}' is an expression Maven could not resolve")
assert !log.contains('<partitionKey>: missing')        // the unresolved expression is the problem, said once
assert !log.contains('is not a valid DynamoDB table name')   // the unresolved prefix is not in every name
assert log.contains('MAVEN/MojoFailureException')
assert !log.contains('at io.github.dynamosetup.')
assert !log.contains('No AWS credentials found')      // it never got as far as connecting
assert ItScripts.tableNames(endpoint, 'us-east-1', '').findAll { it.contains('unresolved-') } == []
true
