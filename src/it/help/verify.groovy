def log = new File(basedir, 'build.log').text
for (goal in ['create', 'validate', 'force', 'seed', 'help']) {
    assert log.contains("dynamo-setup:${goal}")
}
for (goal in ['reset', 'delete']) {
    assert log.contains("dynamo-setup:${goal}")
}
assert log.contains('dynamo-setup.endpoint') && log.contains('dynamo-setup.create.skip')
true
