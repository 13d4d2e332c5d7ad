import io.github.dynamosetup.testing.ItScripts

ItScripts.assertCreatedWithoutSecretsInTheLog(new File(basedir, 'build.log').text)
assert ItScripts.tableNames(endpoint, 'us-east-1', 'assumero-') == ['assumero-user_sessions']
true
