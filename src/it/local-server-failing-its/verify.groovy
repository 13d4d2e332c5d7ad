def log = new File(basedir, 'build.log').text

def started = log =~ /\[INFO\] dynamo-setup:start: moto \(python3 -m moto\.server\) answers at http:\/\/127\.0\.0\.1:(\d+)/
assert started.find() : 'start started moto'
int port = started.group(1) as int

// the integration tests failed, so post-integration-test (and stop) never ran
assert log =~ /validate: 1 table in region us-east-1 at http:\/\/127\.0\.0\.1:${port} - 0 up to date, 0 with drift, 1 missing/
assert log.contains('BUILD FAILURE')
assert !log.contains('dynamo-setup:stop')

// yet nothing listens on the server's port once Maven has ended
boolean listens
try {
    new Socket().withCloseable { it.connect(new InetSocketAddress('127.0.0.1', port), 1000) }
    listens = true
} catch (IOException e) {
    listens = false
}
assert !listens : "moto still answers on port ${port} after the failed build"
