package io.github.dynamosetup.maven;

import io.github.dynamosetup.core.ProvisioningException;
import io.github.dynamosetup.core.ProvisioningListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * Sends the core's progress to the Maven build log, always from the mojo's own thread: the core works on
 * many threads, and Maven 4, mvnd and {@code -T} keep a module's output together only for lines logged by
 * the thread that runs the mojo. {@link #relay} runs the core on a thread of its own while the mojo's
 * thread writes the lines it queues.
 */
final class MavenProvisioningListener implements ProvisioningListener {

    /** A line to write: the message and the log method that writes it. */
    private record Line(Consumer<String> level, String message) {}

    private final Log log;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

    MavenProvisioningListener(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        lines.add(new Line(log::info, message));
    }

    @Override
    public void warn(String message) {
        lines.add(new Line(log::warn, message));
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            lines.add(new Line(log::debug, message));
        }
    }

    /**
     * Runs {@code work} on a thread of its own and writes what it says from this thread, until it ends.
     *
     * @return what {@code work} returns
     * @throws ProvisioningException what {@code work} throws
     * @throws InterruptedException when the build is stopped meanwhile (the work is interrupted too)
     */
    <T> T relay(Callable<T> work) throws ProvisioningException, InterruptedException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = new Thread(task, "dynamo-setup-run");
        worker.setDaemon(true);
        worker.start();
        try {
            while (!task.isDone()) {
                Line line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    line.level().accept(line.message());
                }
            }
            return task.get();
        } catch (InterruptedException e) {
            worker.interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProvisioningException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            flush();
        }
    }

    /** Writes what is still queued. */
    void flush() {
        for (Line line = lines.poll(); line != null; line = lines.poll()) {
            line.level().accept(line.message());
        }
    }
}
