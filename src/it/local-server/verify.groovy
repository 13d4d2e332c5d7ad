def log = new File(basedir, 'build.log').text

def listens = { int port ->
    try {
        new Socket().withCloseable { it.connect(new InetSocketAddress('127.0.0.1', port), 1000) }
        true
    } catch (IOException e) {
        false
    }
}

// each module started its own server
def started = (log =~ /\[INFO\] dynamo-setup:start: (.+) answers at (http:\/\/[^:\s]+:(\d+))/).collect { it }
assert started.size() == 2 : "two servers started, one per module:\n${started}"
def endpoints = started.collect { it[2] }
assert endpoints.unique(false).size() == 2 : "one server per module, not shared: ${endpoints}"

endpoints.each { endpoint ->
    def escaped = java.util.regex.Pattern.quote(endpoint)
    def port = endpoint.tokenize(':').last()
    // create and validate, with no <endpoint>, went to the module's server
    assert log =~ /create: 1 table in region us-east-1 at ${escaped} - 1 created/
    assert log =~ /validate: 1 table in region us-east-1 at ${escaped} - 1 up to date/
    // a later plugin read the exported endpoint and port and found the table
    assert log =~ /from port ${port}/
    def answers = []
    basedir.eachFileRecurse { if (it.name == "list-tables-${port}.json".toString()) answers << it }
    assert answers.size() == 1 : "the answer of the server on port ${port}"
    assert answers[0].text =~ /\{"TableNames": ?\["orders"\]\}/
    // stop stopped it, and nothing listens there any more
    assert log =~ /\[INFO\] dynamo-setup:stop: stopped .+ at ${escaped}/
    assert !listens(port as int) : "${endpoint} still answers after the build"
}
assert !(log =~ /ERROR|Exception/)
