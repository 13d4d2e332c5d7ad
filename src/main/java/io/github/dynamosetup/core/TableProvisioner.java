package io.github.dynamosetup.core;

import io.github.dynamosetup.core.TableResult.Outcome;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * The provisioning engine. Every goal runs the same way, table by table: read the live state, decide
 * (create, update, up to date, drift), act, then wait and apply what CreateTable cannot carry (TTL,
 * point-in-time recovery). Knows DynamoDB, not Maven.
 */
public final class TableProvisioner {

    /**
     * How create treats existing tables.
     *
     * @param applyIndexChanges add declared global secondary indexes missing on existing tables
     * @param failOnDrift fail when a table differs from its declaration after the run
     */
    public record Options(boolean applyIndexChanges, boolean failOnDrift) {
        public static final Options DEFAULTS = new Options(false, true);
    }

    /**
     * The default bound on tables worked on at once: AWS accepts at most 500 table operations in flight
     * per account and region, and 250 when the tables have secondary indexes. Staying at the lower figure
     * means a run never holds more operations than AWS takes, whatever the tables, while 200 tables still
     * go through in one wave. Polling stays gentle: each table is described at most every 0.1-3 s, with
     * jitter, and the SDK retries throttled calls.
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 250;

    /**
     * Reading live state is short request/response work with no waiting: more threads than this only
     * contend. Measured on 2 cores, a no-op create over 200 tables on dynalite took 600 ms with 250
     * threads, 572 ms with 64, 410 ms with 16 and 413 ms with 8 (warm medians).
     */
    static final int READ_CONCURRENCY = 16;

    /** How long AWS's tag reads may lag behind TagResource: about 2 s, 3 s at most (measured on AWS). */
    static final Duration READ_LAG = Duration.ofSeconds(3);

    private final DynamoDbClient client;
    private final ProvisioningListener listener;
    private final Duration timeout;
    private final TableTasks tasks;
    private final TableTasks readTasks;
    private final LiveTableReader reader;
    private final String target;

    /**
     * @param client the DynamoDB client of this run; the caller closes it
     * @param listener where progress goes
     * @param timeout how long to wait for tables and indexes to become ACTIVE, and to retry refused table
     *     operations
     * @param target where the tables live, for messages (e.g. {@code region us-east-1})
     */
    public TableProvisioner(DynamoDbClient client, ProvisioningListener listener, Duration timeout, String target) {
        this(client, listener, timeout, target, DEFAULT_MAX_CONCURRENCY);
    }

    /**
     * @param maxConcurrency how many tables are worked on at once (read, created or updated, waited for)
     */
    public TableProvisioner(DynamoDbClient client, ProvisioningListener listener, Duration timeout, String target,
            int maxConcurrency) {
        this.client = Objects.requireNonNull(client, "client");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tasks = new TableTasks(maxConcurrency);
        this.readTasks = new TableTasks(Math.min(maxConcurrency, READ_CONCURRENCY));
        this.reader = new LiveTableReader(client);
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Creates the declared tables that do not exist and brings existing ones to their declaration where
     * that can be done in place; reports the rest as drift.
     *
     * @throws DriftException when drift remains and {@code options.failOnDrift()}
     */
    public RunSummary create(Declaration declaration, Options options) throws ProvisioningException {
        return converge(declaration, options, false);
    }

    /** What create would do, with read calls only. Never fails for drift: showing it is the point. */
    public RunSummary plan(Declaration declaration, Options options) throws ProvisioningException {
        return converge(declaration, new Options(options.applyIndexChanges(), false), true);
    }

    /**
     * Compares every declared table with the live one; read-only.
     *
     * @throws DriftException when a table is missing, or differs and {@code failOnDrift}
     */
    public RunSummary validate(Declaration declaration, boolean failOnDrift) throws ProvisioningException {
        long start = System.nanoTime();
        List<TableResult> results;
        try (Waiting waiting = Waiting.start(declaration.tables().size(), listener)) {
            AwsCalls calls = new AwsCalls(Goal.VALIDATE, target, Deadline.after(timeout), listener, waiting);
            results = readTasks.run(declaration.tables(), counting(waiting, declared -> validate(declared, calls)));
        }
        results.forEach(this::announce);
        RunSummary summary = summarize(new RunSummary(Goal.VALIDATE, target, results, since(start)));
        boolean missing = results.stream().anyMatch(r -> r.outcome() == Outcome.MISSING);
        if (missing || (failOnDrift && !summary.drifted().isEmpty())) {
            throw new DriftException(summary);
        }
        return summary;
    }

    private TableResult validate(DeclaredTable declared, AwsCalls calls) throws ProvisioningException {
        long tableStart = System.nanoTime();
        LiveTable live = reader.read(declared, calls);
        if (live == null) {
            return new TableResult(declared, Outcome.MISSING, List.of(), List.of(), null, null, since(tableStart));
        }
        List<Difference> drift = DriftDetector.compare(declared, live, false);
        if (drift.stream().anyMatch(d -> d.change() instanceof Change.TagTable)) {
            // AWS's tag reads lag a few seconds behind TagResource (its API reference): tags a build has
            // just written are looked for once more before they are reported missing
            pause(READ_LAG);
            live = reader.read(declared, calls);
            if (live == null) {
                return new TableResult(declared, Outcome.MISSING, List.of(), List.of(), null, null, since(tableStart));
            }
            drift = DriftDetector.compare(declared, live, false);
        }
        return new TableResult(declared, drift.isEmpty() ? Outcome.UP_TO_DATE : Outcome.DRIFT, List.of(), drift,
                live.arn(), live.streamArn(), since(tableStart));
    }

    /** The task, counted as one table done when it ends, for the progress line. */
    private static <T, R> TableTasks.Task<T, R> counting(Waiting waiting, TableTasks.Task<T, R> task) {
        return item -> {
            try {
                return task.apply(item);
            } finally {
                waiting.tableDone();
            }
        };
    }

    /**
     * Calls CreateTable for every declared table without looking first. Tables that already exist make
     * the run fail after the others have been created and configured.
     */
    public RunSummary force(Declaration declaration) throws ProvisioningException {
        long start = System.nanoTime();
        declaration.tables().forEach(t -> listener.info("+ create  " + t.name() + " (forced)"));
        Progress progress = new Progress(Goal.FORCE);
        List<TableResult> results;
        try (Waiting waiting = Waiting.start(declaration.tables().size(), listener)) {
            AwsCalls calls = new AwsCalls(Goal.FORCE, target, Deadline.after(timeout), listener, waiting);
            results = progress.run(tasks, declaration.tables(), declared -> declared, counting(waiting,
                    declared -> force(declared, calls, progress)));
        }
        RunSummary summary = summarize(new RunSummary(Goal.FORCE, target, results, since(start)));
        if (!summary.names(Outcome.ALREADY_EXISTS).isEmpty()) {
            throw new TablesAlreadyExistException(summary);
        }
        return summary;
    }

    private TableResult force(DeclaredTable declared, AwsCalls calls, Progress progress) throws ProvisioningException {
        long tableStart = System.nanoTime();
        TableDescription description = calls.call(declared.name(), "CreateTable", () -> {
            try {
                return client.createTable(CreateTableRequests.of(declared)).tableDescription();
            } catch (ResourceInUseException e) {
                listener.warn("! exists  " + declared.name() + " (CreateTable refused: ResourceInUseException)");
                return null;
            }
        });
        if (description == null) {
            return new TableResult(declared, Outcome.ALREADY_EXISTS, List.of(), List.of(), null, null, since(tableStart));
        }
        progress.done(declared, "create");
        return finishCreated(declared, description, calls, tableStart, progress);
    }

    private RunSummary converge(Declaration declaration, Options options, boolean dryRun)
            throws ProvisioningException {
        long start = System.nanoTime();
        List<TableResult> results;
        try (Waiting waiting = Waiting.start(declaration.tables().size(), listener)) {
            AwsCalls calls = new AwsCalls(dryRun ? Goal.PLAN : Goal.CREATE, target, Deadline.after(timeout), listener,
                    waiting);
            // read the live state of every table, then decide and say what will happen, table by table
            List<Decision> decisions = readTasks.run(declaration.tables(), declared -> {
                LiveTable live = reader.read(declared, calls);
                return new Decision(declared, live, live == null || live.deleting()
                        ? List.of() : DriftDetector.compare(declared, live, options.applyIndexChanges()));
            });
            List<TableResult> plans = decisions.stream().map(Decision::plan).toList();
            plans.forEach(this::announce);
            results = dryRun ? plans : act(decisions, plans, calls, options.applyIndexChanges());
        }
        RunSummary summary = summarize(new RunSummary(dryRun ? Goal.PLAN : Goal.CREATE, target, results,
                since(start)));
        if (options.failOnDrift() && !summary.drifted().isEmpty()) {
            throw new DriftException(summary);
        }
        return summary;
    }

    /**
     * Creates the missing tables and updates the drifted ones, each on its own so that all tables are
     * CREATING at once; tables with nothing to do keep their planned result and take no thread.
     */
    private List<TableResult> act(List<Decision> decisions, List<TableResult> plans, AwsCalls calls,
            boolean applyIndexChanges) throws ProvisioningException {
        List<Decision> work = decisions.stream()
                .filter(d -> d.live() == null || d.live().deleting() || !changes(d.drift()).isEmpty())
                .toList();
        for (int i = work.size(); i < decisions.size(); i++) {
            calls.waiting().tableDone(); // nothing to do
        }
        Progress progress = new Progress(Goal.CREATE);
        List<TableResult> done = progress.run(tasks, work, Decision::declared, counting(calls.waiting(), decision -> {
            long tableStart = System.nanoTime();
            DeclaredTable declared = decision.declared();
            LiveTable live = decision.live();
            TableActivityWaiter waiter = calls.waiter(client);
            if (live != null && live.deleting()) {
                listener.info("  waiting " + declared.name() + " (DELETING; created again once it is gone)");
                waiter.awaitDeleted(declared.name());
                live = null;
            }
            if (live == null) {
                TableDescription created = calls.call(declared.name(), "CreateTable", () -> {
                    try {
                        return client.createTable(CreateTableRequests.of(declared)).tableDescription();
                    } catch (ResourceInUseException e) {
                        return null; // created meanwhile: by another build, or by our own call whose answer was lost
                    }
                });
                if (created != null) {
                    progress.done(declared, "create");
                    return finishCreated(declared, created, calls, tableStart, progress);
                }
                listener.info("  exists  " + declared.name() + " (created meanwhile by another run; waiting for it)");
            }
            if (live == null || !"ACTIVE".equals(live.status())) {
                waiter.awaitActive(declared.name());
                live = reader.read(declared, calls);
                if (live == null) {
                    throw new AwsCallException(declared.name(), "DescribeTable", "ResourceNotFoundException", "The table '"
                            + declared.name() + "' was ACTIVE and is gone again: someone deleted it during this run. Run"
                            + " mvn dynamo-setup:create again.", null);
                }
            }
            return update(declared, live, DriftDetector.compare(declared, live, applyIndexChanges), calls, progress);
        }));
        List<TableResult> results = new ArrayList<>(plans);
        for (int i = 0; i < work.size(); i++) {
            results.set(decisions.indexOf(work.get(i)), done.get(i));
        }
        return results;
    }

    /**
     * What a run has written, table by table, so that a failure can say where each table stands. Tables
     * that fail are seen to the end of what they can do; the others go on.
     */
    private static final class Progress {
        private final Goal goal;
        private final Map<String, List<String>> done = new ConcurrentHashMap<>();
        private final Map<String, ProvisioningException> failed = new ConcurrentHashMap<>();

        Progress(Goal goal) {
            this.goal = goal;
        }

        void done(DeclaredTable table, String action) {
            done.computeIfAbsent(table.name(), t -> new CopyOnWriteArrayList<>()).add(action);
        }

        <T> List<TableResult> run(TableTasks tasks, List<T> items, Function<T, DeclaredTable> declared,
                TableTasks.Task<T, TableResult> task) throws ProvisioningException {
            try {
                return tasks.run(items, item -> {
                    try {
                        return task.apply(item);
                    } catch (ProvisioningException e) {
                        failed.put(declared.apply(item).name(), e);
                        throw e;
                    }
                });
            } catch (TablesNotActiveException e) {
                throw e; // names every table still waiting for; the rest were done
            } catch (ProvisioningException e) {
                if (done.isEmpty()) {
                    throw e; // nothing written: the failure says it all
                }
                List<String> lines = new ArrayList<>();
                for (T item : items) {
                    String name = declared.apply(item).name();
                    List<String> actions = done.getOrDefault(name, List.of());
                    ProvisioningException failure = failed.get(name);
                    lines.add(name + ": " + (actions.isEmpty() ? "nothing done" : "done: " + String.join(", ", actions))
                            + (failure == null ? "" : "; stopped: " + failure.getMessage().lines().findFirst()
                                    .orElse("")));
                }
                throw new RunFailedException(goal, lines, e);
            }
        }
    }

    /** A table's live state and its differences from the declaration; null live state for a missing table. */
    private record Decision(DeclaredTable declared, LiveTable live, List<Difference> drift) {

        /** What create would do: the result of a plan. */
        TableResult plan() {
            if (live == null || live.deleting()) {
                return new TableResult(declared, Outcome.WOULD_CREATE, List.of("create"), List.of(), null, null,
                        Duration.ZERO);
            }
            Set<Change> changes = changes(drift);
            Outcome outcome = !changes.isEmpty() ? Outcome.WOULD_UPDATE
                    : drift.isEmpty() ? Outcome.UP_TO_DATE : Outcome.DRIFT;
            return new TableResult(declared, outcome, changes.stream().map(Change::label).toList(), drift, live.arn(),
                    live.streamArn(), Duration.ZERO);
        }
    }

    /**
     * Applies the fixable changes to an existing table, one call and one kind of change at a time, each
     * UpdateTable once the table and its indexes are ACTIVE again (AWS refuses UpdateTable on a table
     * that is not, and allows one index creation at a time per table: UpdateTable, API reference).
     */
    private TableResult update(DeclaredTable declared, LiveTable live, List<Difference> differences, AwsCalls calls,
            Progress progress) throws ProvisioningException {
        long start = System.nanoTime();
        Set<Change> changes = changes(differences);
        if (changes.isEmpty()) {
            return new TableResult(declared, differences.isEmpty() ? Outcome.UP_TO_DATE : Outcome.DRIFT, List.of(),
                    differences, live.arn(), live.streamArn(), since(start));
        }
        List<String> actions = new ArrayList<>();
        for (Change change : changes) {
            if (apply(declared, live.arn(), change, calls)) {
                actions.add(change.label());
                progress.done(declared, change.label());
            }
        }
        String streamArn = live.streamArn();
        if (changes.stream().anyMatch(c -> c.label().equals("stream"))) {
            streamArn = calls.call(declared.name(), "DescribeTable",
                    () -> client.describeTable(r -> r.tableName(declared.name())).table().latestStreamArn());
        }
        return new TableResult(declared, Outcome.UPDATED, actions, differences, live.arn(), streamArn, since(start));
    }

    /**
     * Makes one change, safe to race with other builds: when AWS refuses it and the live table turns out to
     * have it anyway (TTL "already enabled", a stream or index another build added), it is done; when the
     * table is busy with another change (ResourceInUseException), it is tried again once the table is
     * ACTIVE. Refusals that only mean "not now" are waited out by {@link AwsCalls}.
     *
     * @return whether this run made the change (false: another run had made it)
     */
    private boolean apply(DeclaredTable declared, String arn, Change change, AwsCalls calls) throws ProvisioningException {
        String name = declared.name();
        TableActivityWaiter waiter = calls.waiter(client);
        boolean updatesTable = change instanceof Change.UpdateTable || change instanceof Change.AddIndex;
        for (int attempt = 1; ; attempt++) {
            if (updatesTable) {
                waiter.awaitActive(name);
            }
            try {
                send(declared, arn, change, calls);
                break;
            } catch (AwsCallException refused) {
                if (refused instanceof PermissionDeniedException
                        || !(refused.getCause() instanceof AwsServiceException)) {
                    throw refused;
                }
                LiveTable live;
                try {
                    live = reader.read(declared, calls);
                } catch (ProvisioningException unreadable) {
                    refused.addSuppressed(unreadable);
                    throw refused;
                }
                if (live != null && change.isDoneOn(live)) {
                    listener.info("  done    " + name + " (" + change.label() + ": made meanwhile by another run; "
                            + refused.errorCode() + ")");
                    if (change instanceof Change.AddIndex add) {
                        waiter.awaitIndexActive(name, add.index().name());
                    }
                    return false;
                }
                if (!"ResourceInUseException".equals(refused.errorCode()) || calls.deadline().passed()) {
                    throw refused;
                }
                calls.pause(attempt, "ResourceInUseException from " + operation(change) + " on " + name,
                        (SdkException) refused.getCause(), name, operation(change));
            }
        }
        if (change instanceof Change.UpdateTable update) {
            waiter.awaitActive(name);
            listener.info("  updated " + name + " (" + update.label() + ")");
        } else if (change instanceof Change.AddIndex add) {
            waiter.awaitIndexActive(name, add.index().name());
            listener.info("  index   " + name + " (added " + add.index().name() + ")");
        } else if (change instanceof Change.EnableTimeToLive ttl) {
            listener.info("  ttl     " + name + " (enabled on '" + ttl.attribute() + "')");
        } else if (change instanceof Change.TagTable tagging) {
            listener.info("  tags    " + name + " (" + String.join(", ", tagging.tags().keySet()) + ")");
        } else {
            listener.info("  pitr    " + name + " (point-in-time recovery enabled)");
        }
        return true;
    }

    private static String operation(Change change) {
        if (change instanceof Change.EnableTimeToLive) {
            return "UpdateTimeToLive";
        } else if (change instanceof Change.TagTable) {
            return "TagResource";
        } else if (change instanceof Change.EnablePointInTimeRecovery) {
            return "UpdateContinuousBackups";
        }
        return "UpdateTable";
    }

    /** The one API call of a change. */
    private void send(DeclaredTable declared, String arn, Change change, AwsCalls calls) throws AwsCallException {
        String name = declared.name();
        String operation = operation(change);
        if (change instanceof Change.UpdateTable update) {
            calls.run(name, operation, () -> client.updateTable(r -> {
                r.tableName(name);
                update.request().accept(r);
            }));
        } else if (change instanceof Change.AddIndex add) {
            calls.run(name, operation, () -> client.updateTable(addIndex(declared, add.index())));
        } else if (change instanceof Change.EnableTimeToLive ttl) {
            calls.run(name, operation, () -> client.updateTimeToLive(r -> r.tableName(name)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(ttl.attribute()))));
        } else if (change instanceof Change.TagTable tagging) {
            calls.run(name, operation, () -> client.tagResource(r -> r.resourceArn(arn)
                    .tags(tagging.tags().entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
        } else if (change instanceof Change.EnablePointInTimeRecovery) {
            calls.run(name, operation, () -> client.updateContinuousBackups(r -> r.tableName(name)
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))));
        }
    }

    private static UpdateTableRequest addIndex(DeclaredTable declared, DeclaredGlobalIndex index) {
        List<AttributeDefinition> definitions = declared.attributeDefinitions().entrySet().stream()
                .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue().name())
                        .build())
                .toList();
        var request = CreateTableRequests.globalSecondaryIndex(index);
        return UpdateTableRequest.builder()
                .tableName(declared.name())
                .attributeDefinitions(definitions)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .create(c -> {
                            c.indexName(request.indexName()).keySchema(request.keySchema())
                                    .projection(request.projection());
                            if (request.provisionedThroughput() != null) {
                                c.provisionedThroughput(request.provisionedThroughput());
                            }
                            if (request.onDemandThroughput() != null) {
                                c.onDemandThroughput(request.onDemandThroughput());
                            }
                        }).build())
                .build();
    }

    /**
     * Waits for a created table (and the indexes made with it) to become ACTIVE, then applies what
     * CreateTable cannot carry.
     */
    private TableResult finishCreated(DeclaredTable declared, TableDescription created, AwsCalls calls, long start,
            Progress progress) throws ProvisioningException {
        calls.waiter(client).awaitActive(declared.name());
        listener.debug("table " + declared.name() + " is ACTIVE");
        List<String> actions = new ArrayList<>(List.of("create"));
        progress.done(declared, "ACTIVE");
        List<Change> after = new ArrayList<>();
        if (declared.timeToLiveAttribute() != null) {
            after.add(new Change.EnableTimeToLive(declared.timeToLiveAttribute()));
        }
        if (declared.pointInTimeRecovery()) {
            after.add(new Change.EnablePointInTimeRecovery());
        }
        for (Change change : after) {
            if (apply(declared, created.tableArn(), change, calls)) {
                actions.add(change.label());
                progress.done(declared, change.label());
            }
        }
        return new TableResult(declared, Outcome.CREATED, actions, List.of(), created.tableArn(),
                created.latestStreamArn(), since(start));
    }

    /**
     * The distinct changes of the fixable differences, in the order found. None for a table with
     * incompatible drift: it is not the declared table (other keys), so its settings are not ours to
     * change; enabling TTL on it, say, could expire items of another data model.
     */
    private static Set<Change> changes(List<Difference> differences) {
        if (differences.stream().anyMatch(d -> d.kind() == Difference.Kind.INCOMPATIBLE)) {
            return Set.of();
        }
        return differences.stream().map(Difference::change).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The line for an existing table before acting, then one line per difference nothing will fix. */
    private void announce(TableResult table) {
        String name = table.declared().name();
        if (table.outcome() == Outcome.WOULD_CREATE) {
            listener.info("+ create  " + name);
            return;
        }
        if (table.outcome() == Outcome.MISSING) {
            listener.warn("! missing " + name);
            return;
        }
        Set<Change> changes = changes(table.drift());
        if (table.drift().isEmpty()) {
            listener.info("= up to date  " + name);
            return;
        }
        if (!changes.isEmpty() && table.outcome() != Outcome.DRIFT) {
            listener.info("~ update  " + name + " (" + changes.stream().map(Change::label).distinct()
                    .collect(Collectors.joining(", ")) + ")");
        }
        List<Difference> unfixed = table.outcome() == Outcome.DRIFT
                ? table.drift()
                : table.drift().stream().filter(d -> d.change() == null).toList();
        if (!unfixed.isEmpty()) {
            listener.warn("! drift   " + name + " (" + unfixed.size() + (unfixed.size() == 1 ? " difference" : " differences")
                    + (table.incompatible() ? ", incompatible: only a new table would match" : "") + ")");
            unfixed.forEach(d -> listener.warn("    " + d + " (" + DriftException.advice(d, table.incompatible()) + ")"));
        }
    }

    private RunSummary summarize(RunSummary summary) {
        List<String> counts = new ArrayList<>();
        if (summary.goal() == Goal.VALIDATE) {
            counts.add(summary.names(Outcome.UP_TO_DATE).size() + " up to date");
            counts.add(summary.names(Outcome.DRIFT).size() + " with drift");
            counts.add(summary.names(Outcome.MISSING).size() + " missing");
        } else if (summary.dryRun()) {
            counts.add(summary.names(Outcome.WOULD_CREATE).size() + " to create");
            counts.add(summary.names(Outcome.WOULD_UPDATE).size() + " to update");
            counts.add(summary.names(Outcome.UP_TO_DATE).size() + " up to date");
            counts.add(summary.drifted().size() + " with drift create cannot fix");
        } else if (summary.goal() == Goal.FORCE) {
            counts.add(summary.names(Outcome.CREATED).size() + " created");
            counts.add(summary.names(Outcome.ALREADY_EXISTS).size() + " already existed");
        } else {
            counts.add(summary.names(Outcome.CREATED).size() + " created");
            counts.add(summary.names(Outcome.UPDATED).size() + " updated");
            counts.add(summary.names(Outcome.UP_TO_DATE).size() + " up to date");
            counts.add(summary.drifted().size() + " with drift");
        }
        int total = summary.tables().size();
        listener.info(summary.goal().goalName() + ": " + total
                + (total == 1 ? " table in " : " tables in ") + target + " - " + String.join(", ", counts)
                + String.format(Locale.ROOT, " (%.1f s)", summary.elapsed().toMillis() / 1000.0));
        return summary;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run is being stopped: report what the first read found
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
