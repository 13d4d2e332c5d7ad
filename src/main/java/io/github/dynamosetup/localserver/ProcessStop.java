package io.github.dynamosetup.localserver;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a server process and its descendants ({@code ProcessHandle}): politely first, forcibly after ten seconds.
 * Uses only the JDK, so that it can run in a shutdown hook after the plugin's class realm is gone.
 */
final class ProcessStop implements Runnable {

    private static final long PATIENCE_SECONDS = 10;

    private final Process process;

    ProcessStop(Process process) {
        this.process = process;
    }

    @Override
    public void run() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
            }
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
