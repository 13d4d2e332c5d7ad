// This IT needs a Docker engine; the project's machines have none. Say so plainly rather than pass silently.
boolean dockerAnswers
try {
    def docker = ['docker', 'info'].execute()
    docker.consumeProcessOutput(new StringBuilder(), new StringBuilder())
    dockerAnswers = docker.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && docker.exitValue() == 0
} catch (IOException e) {
    dockerAnswers = false
}
if (!dockerAnswers) {
    def reason = '[WARNING] IT local-server-docker is SKIPPED: no Docker engine answers here (docker info failed).' +
            ' The docker backend of start is covered here only by the unit tests of its container configuration' +
            ' (BackendsTest); run this IT where Docker runs.'
    println reason // into the IT's own build.log
    // and into the main build's log, where invoker only says SKIPPED: its System.out is the IT's log
    def console = new PrintStream(new FileOutputStream(FileDescriptor.out), true)
    console.println(reason)
    console.flush()
}
return dockerAnswers
