package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ProvisioningEvent;
import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.ProvisioningListener;
import io.github.dynamosetup.core.Remedies;
import io.github.dynamosetup.core.RunProgress;
import io.github.dynamosetup.report.Console;
import io.github.dynamosetup.report.ConsoleReport;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.logging.Log;

/**
 * Takes the core's events from whichever thread sends them and renders them on the mojo's own thread: the
 * console lines ({@link ConsoleReport}) and what the JSON report needs ({@link #progress()}). Maven 4, mvnd
 * and {@code -T} keep a module's output together only for lines logged by the thread that runs the mojo.
 * {@link #relay} runs the core on a thread of its own while the mojo's thread renders what it queues.
 */
final class MavenProvisioningListener implements ProvisioningListener {

    private final BlockingQueue<ProvisioningEvent> events = new LinkedBlockingQueue<>();
    private final ConsoleReport console;
    private final RunProgress progress = new RunProgress();

    MavenProvisioningListener(Log log, Remedies remedies) {
        this.console = new ConsoleReport(new Console() {
            @Override
            public void info(String line) {
                log.info(line);
            }

            @Override
            public void warn(String line) {
                log.warn(line);
            }

            @Override
            public void debug(String line) {
                if (log.isDebugEnabled()) {
                    log.debug(line);
                }
            }
        }, remedies);
    }

    @Override
    public void on(ProvisioningEvent event) {
        events.add(event);
    }

    /** What the events rendered so far told: for the JSON report. */
    RunProgress progress() {
        return progress;
    }

    /**
     * Runs {@code work} on a thread of its own and renders its events from this thread, until it ends.
     *
     * @param stop asks {@code work} to end soon without interrupting it, when this thread is interrupted (the
     *     build is being stopped): this thread then renders the events until the work has ended, so that
     *     no AWS call in flight is cut and the report says where each table stands; a second interrupt stops
     *     that wait
     * @param usedByWork what {@code work} calls AWS with: closed by the work's own thread once the work has
     *     ended, however it ended, so that a second interrupt never closes it under a call in flight
     * @return what {@code work} returns
     * @throws ProvisioningException what {@code work} throws
     * @throws InterruptedException when the build is stopped meanwhile, with what {@code work} ended with
     *     suppressed
     */
    <T> T relay(Callable<T> work, Runnable stop, AutoCloseable usedByWork)
            throws ProvisioningException, InterruptedException {
        FutureTask<T> task = new FutureTask<>(() -> {
            try (usedByWork) {
                return work.call();
            }
        });
        Thread worker = new Thread(task, "dynamo-setup-run");
        worker.setDaemon(true);
        worker.start();
        try {
            renderUntilDone(task);
            return task.get();
        } catch (InterruptedException e) {
            stop.run();
            try {
                renderUntilDone(task);
                task.get();
            } catch (InterruptedException again) {
                // stopped twice: leave the work to end on its own
            } catch (ExecutionException failed) {
                e.addSuppressed(failed.getCause());
            }
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProvisioningException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause()); // work and close throw no other checked exception
        } finally {
            flush();
        }
    }

    private void renderUntilDone(FutureTask<?> task) throws InterruptedException {
        while (!task.isDone()) {
            ProvisioningEvent event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null) {
                render(event);
            }
        }
    }

    /** Renders what is still queued. */
    void flush() {
        for (ProvisioningEvent event = events.poll(); event != null; event = events.poll()) {
            render(event);
        }
    }

    private void render(ProvisioningEvent event) {
        progress.on(event);
        console.on(event);
    }
}
