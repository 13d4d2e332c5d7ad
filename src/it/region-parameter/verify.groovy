import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('create: 1 table in region ap-southeast-2 at http://127.0.0.1:')
assert ItScripts.tableNames(endpoint, 'ap-southeast-2', 'region-param-') == ['region-param-user_sessions']
for (other in ['us-east-1', 'eu-west-1', 'ap-southeast-2'] - ['ap-southeast-2']) {
    assert ItScripts.tableNames(endpoint, other, 'region-param-') == []
}
true
