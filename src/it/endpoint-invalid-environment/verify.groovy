def log = new File(basedir, 'build.log').text
assert log.contains('The dynamo-setup configuration is invalid (3 problems); no AWS call was made:')
assert log.contains("plugin configuration, AWS_PROFILE (environment variable): the profile 'it-no-such-profile' is not"
        + ' defined in /nonexistent/config (AWS_CONFIG_FILE) or /nonexistent/credentials (AWS_SHARED_CREDENTIALS_FILE)')
assert log.contains("plugin configuration, AWS_ENDPOINT_URL_DYNAMODB (environment variable): 'http://127.0.0.1:99999'"
        + ' has the port 99999; a port is a number from 1 to 65535')
assert log.contains('plugin configuration, AWS_ENDPOINT_URL_STS (environment variable): the URL has user info')
assert !log.contains('s3cr3t-in-url')
assert !log.contains('IllegalArgumentException') && !log.contains('\tat ')
true
