import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
// create: each table lacked its policy, and got it over no revision (NO_POLICY)
assert log.contains('[INFO] ~ update  policy-orders (resource policy)')
assert log.contains('[INFO] ~ update  policy-users (resource policy)')
assert log.contains('[INFO]   policy  policy-orders (resource policy put: policy of 1 statement)')
assert log.contains('[INFO]   policy  policy-users (resource policy put: policy of 1 statement)')
// validate: both as declared, compared as JSON
assert log.contains('2 up to date, 0 with drift, 0 missing')

def client = ItScripts.client(endpoint, 'us-east-1')
try {
    def policy = { name ->
        def arn = client.describeTable { it.tableName(name) }.table().tableArn()
        client.getResourcePolicy { it.resourceArn(arn) }.policy()
    }
    // the file's text exactly as written, IAM policy variable and all
    assert policy('policy-users') == new File(basedir, 'src/main/dynamodb/users-policy.json').getText('UTF-8')
    def orders = policy('policy-orders')
    assert orders.contains('"aws:PrincipalTag/owner": "${aws:username}"')
    assert !orders.contains('$$')
    assert orders.contains('"Action": "dynamodb:Query"')
} finally {
    client.close()
}
true
