def log = new File(basedir, 'build.log').text
for (goal in ['check', 'plan', 'create', 'validate', 'force', 'start', 'seed', 'reset', 'delete', 'stop', 'help']) {
    assert log.contains("dynamo-setup:${goal}")
}
assert log.contains('dynamo-setup.endpoint') && log.contains('dynamo-setup.create.skip')
true
