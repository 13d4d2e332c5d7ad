package io.github.dynamosetup.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per table, at most {@code maxConcurrency} at once, and waits for all of them. No task is
 * ever interrupted: a table being created is seen to the end (ACTIVE, configured) even when another table's
 * task fails, unexpectedly or not.
 *
 * <p>When the run is asked to stop (its {@link StopSignal}, or an interrupt of the thread that called
 * {@link #run}), tables not started yet are not started, and the running tasks end at their next step
 * boundary (before the next AWS call, at a wait's next poll): an AWS call in flight, CreateTable included, is
 * let finish, so that the run knows what it made. {@code run} returns once every started task has ended.
 */
final class TableTasks {

    /** The work for one table. */
    @FunctionalInterface
    interface Task<T, R> {
        R apply(T table) throws ProvisioningException;
    }

    private final int maxConcurrency;
    private final StopSignal stop;

    TableTasks(int maxConcurrency, StopSignal stop) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
        this.stop = stop;
    }

    /**
     * The results in the order of {@code tables}.
     *
     * @param name the table an item is for, for failures
     * @throws ProvisioningException the first failure, with the others suppressed; tables that did not
     *     become ACTIVE in time are named together in one {@link TablesNotActiveException}; a task's
     *     unexpected exception becomes an {@link UnexpectedFailureException} naming its table
     */
    <T, R> List<R> run(List<T> tables, Function<T, String> name, Task<T, R> task) throws ProvisioningException {
        if (tables.isEmpty()) {
            return List.of();
        }
        if (tables.size() == 1 || maxConcurrency == 1) {
            return sequentially(tables, name, task);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(maxConcurrency, tables.size()), r -> {
            Thread thread = new Thread(r, "dynamo-setup-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<R>> futures = new ArrayList<>();
        for (T table : tables) {
            futures.add(executor.submit(() -> attempt(table, name, task)));
        }
        executor.shutdown(); // the queued tasks still run; the threads end with the last of them
        List<R> results = new ArrayList<>();
        List<ProvisioningException> failures = new ArrayList<>();
        boolean interrupted = false;
        for (int i = 0; i < futures.size(); i++) {
            while (true) {
                try {
                    results.add(futures.get(i).get());
                    break;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ProvisioningException failure) {
                        failures.add(failure);
                    } else if (e.getCause() instanceof Error error) {
                        throw error;
                    } else {
                        throw new IllegalStateException(e.getCause()); // attempt() lets no other exception out
                    }
                    break;
                } catch (InterruptedException e) {
                    // whoever runs this thread wants the run to end: stop it, but interrupt no table's work;
                    // the tasks not started yet end at once (attempt), the others at their next step
                    interrupted = true;
                    stop.request();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!failures.isEmpty()) {
            throw combine(failures);
        }
        return results;
    }

    private <T, R> R attempt(T table, Function<T, String> name, Task<T, R> task) throws ProvisioningException {
        stop.check(name.apply(table), "before its work started");
        try {
            return task.apply(table);
        } catch (RuntimeException e) {
            throw new UnexpectedFailureException(name.apply(table), e);
        }
    }

    private <T, R> List<R> sequentially(List<T> tables, Function<T, String> name, Task<T, R> task)
            throws ProvisioningException {
        List<R> results = new ArrayList<>();
        List<ProvisioningException> failures = new ArrayList<>();
        for (T table : tables) {
            try {
                results.add(attempt(table, name, task));
            } catch (ProvisioningException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw combine(failures);
        }
        return results;
    }

    private static ProvisioningException combine(List<ProvisioningException> failures) {
        List<TablesNotActiveException> timeouts = failures.stream()
                .filter(TablesNotActiveException.class::isInstance).map(TablesNotActiveException.class::cast).toList();
        if (timeouts.size() == failures.size()) {
            return TablesNotActiveException.combine(timeouts);
        }
        ProvisioningException first = failures.stream().filter(f -> !(f instanceof TablesNotActiveException))
                .findFirst().orElseThrow();
        failures.stream().filter(f -> f != first).forEach(first::addSuppressed);
        return first;
    }
}
