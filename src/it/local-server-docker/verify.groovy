def log = new File(basedir, 'build.log').text

def started = log =~ /\[INFO\] dynamo-setup:start: a motoserver\/moto:[\w.]+ container \(Testcontainers\) answers at (http:\/\/[^:\s]+:(\d+))/
assert started.find() : 'start ran the pinned moto image'
def endpoint = java.util.regex.Pattern.quote(started.group(1))
assert log =~ /create: 1 table in region us-east-1 at ${endpoint} - 1 created/
assert log =~ /validate: 1 table in region us-east-1 at ${endpoint} - 1 up to date/
assert log =~ /\[INFO\] dynamo-setup:stop: stopped a motoserver\/moto:[\w.]+ container \(Testcontainers\) at ${endpoint}/
