import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping dynamo-setup:create (dynamo-setup.skip is true)')
assert log.contains('[INFO] Skipping dynamo-setup:validate (dynamo-setup.skip is true)')
assert log.contains('[INFO] Skipping dynamo-setup:force (dynamo-setup.skip is true)')
assert ItScripts.tableNames(endpoint, 'us-east-1', 'skip-') == []
true
