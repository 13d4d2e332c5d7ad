import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('create: 1 table in region us-east-1 at http://127.0.0.1:')
assert ItScripts.tableNames(endpoint, 'us-east-1', 'region-default-') == ['region-default-user_sessions']
for (other in ['us-east-1', 'eu-west-1', 'ap-southeast-2'] - ['us-east-1']) {
    assert ItScripts.tableNames(endpoint, other, 'region-default-') == []
}
true
