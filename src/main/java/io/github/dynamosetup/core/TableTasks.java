package io.github.dynamosetup.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per table, at most {@code maxConcurrency} at once, and waits for all of them: a table
 * being created is always seen to the end (ACTIVE, configured) even when another table's task fails.
 */
final class TableTasks {

    /** The work for one table. */
    @FunctionalInterface
    interface Task<T, R> {
        R apply(T table) throws ProvisioningException;
    }

    private final int maxConcurrency;

    TableTasks(int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
    }

    /**
     * The results in the order of {@code tables}.
     *
     * @throws ProvisioningException the first failure, with the others suppressed; tables that did not
     *     become ACTIVE in time are named together in one {@link TablesNotActiveException}
     */
    <T, R> List<R> run(List<T> tables, Task<T, R> task) throws ProvisioningException {
        if (tables.isEmpty()) {
            return List.of();
        }
        if (tables.size() == 1 || maxConcurrency == 1) {
            return sequentially(tables, task);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(maxConcurrency, tables.size()), r -> {
            Thread thread = new Thread(r, "dynamo-setup-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T table : tables) {
                futures.add(executor.submit(() -> task.apply(table)));
            }
            List<R> results = new ArrayList<>();
            List<ProvisioningException> failures = new ArrayList<>();
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ProvisioningException failure) {
                        failures.add(failure);
                    } else if (e.getCause() instanceof RuntimeException unexpected) {
                        throw unexpected;
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while provisioning tables", e);
                }
            }
            if (!failures.isEmpty()) {
                throw combine(failures);
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static <T, R> List<R> sequentially(List<T> tables, Task<T, R> task) throws ProvisioningException {
        List<R> results = new ArrayList<>();
        List<ProvisioningException> failures = new ArrayList<>();
        for (T table : tables) {
            try {
                results.add(task.apply(table));
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
            Set<String> tables = new LinkedHashSet<>();
            timeouts.forEach(t -> tables.addAll(t.tables()));
            return new TablesNotActiveException(List.copyOf(tables), timeouts.get(0).timeout());
        }
        ProvisioningException first = failures.stream().filter(f -> !(f instanceof TablesNotActiveException))
                .findFirst().orElseThrow();
        failures.stream().filter(f -> f != first).forEach(first::addSuppressed);
        return first;
    }
}
