import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
// the region of the profile AWS_PROFILE chose, not us-east-1 nor its source profile's us-west-1
assert log.contains('create: 1 table in region ap-southeast-2 at http://127.0.0.1:')
assert !log.contains('dummy credentials')
assert !log.contains('it-base-secret')
// the table belongs to the role's account: the role's credentials (from AssumeRole at the local server) were used
def role = 'arn:aws:iam::111122223333:role/it-deployer'
assert ItScripts.tableNamesAsRole(endpoint, 'ap-southeast-2', 'profile-env-', role) == ['profile-env-user_sessions']
// not in the default account, under no region
for (region in ['us-east-1', 'us-west-1', 'ap-southeast-2']) {
    assert ItScripts.tableNames(endpoint, region, 'profile-env-') == []
}
true
