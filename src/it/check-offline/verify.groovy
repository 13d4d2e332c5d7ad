def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] check: 1 table declared correctly (offline-user_sessions); checked offline, no AWS call made')
assert !log.contains('credentials')
true
