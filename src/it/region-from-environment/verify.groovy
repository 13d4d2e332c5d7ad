import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('create: 1 table in region eu-west-1 at http://127.0.0.1:')
assert ItScripts.tableNames(endpoint, 'eu-west-1', 'region-env-') == ['region-env-user_sessions']
for (other in ['us-east-1', 'eu-west-1', 'ap-southeast-2'] - ['eu-west-1']) {
    assert ItScripts.tableNames(endpoint, other, 'region-env-') == []
}
true
