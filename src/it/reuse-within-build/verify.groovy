import groovy.json.JsonSlurper
import io.github.dynamosetup.testing.ItScripts

def log = new File(basedir, 'build.log').text
def count = { pattern -> (log =~ pattern).size() }

// built two modules at a time
assert log =~ /Using the MultiThreadedBuilder implementation with a thread count of 2/

// one module did the AWS work of each goal, the two others reused its result
assert count(/create: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 3 created, 0 updated, 0 up to date, 0 with drift/) == 1
assert count(/validate: 3 tables in region us-east-1 at http:\/\/127\.0\.0\.1:\d+ - 3 up to date, 0 with drift, 0 missing/) == 1
assert count(/\[INFO\] \+ create  reactor-doctores/) == 1
['create', 'validate'].each { goal ->
    def reports = ['module-a', 'module-b', 'module-c'].collectEntries { module ->
        [module, new JsonSlurper().parse(new File(basedir, "${module}/target/dynamo-setup/${goal}-report.json"))]
    }
    def ran = reports.findAll { module, report -> report.reusedFrom == null }.keySet()
    assert ran.size() == 1 : "${goal} ran in ${ran}"
    def first = ran.first()
    def reusing = reports.keySet() - ran
    reusing.each { module ->
        assert reports[module].reusedFrom == first
        assert reports[module].tables == reports[first].tables
    }
    assert count(/\[INFO\] dynamo-setup:${goal} reuses the result of module ${first} in this build \(same tables, connection and options\): no AWS call made here\. To run it in every module, set -Ddynamo-setup\.reuseWithinBuild=false/) == 2
}

// the server holds the three tables exactly as declared
def expected = ItScripts.expectedHealthAssistant([Application: 'HealthAssistantAPI', Environment: 'ci'])
        .collectEntries { name, table -> ['reactor-' + name, table] }
def actual = ItScripts.snapshots(endpoint, 'us-east-1', 'reactor-')
assert actual == expected
assert !log.contains('[WARNING]')
true
