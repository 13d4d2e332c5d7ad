package io.github.dynamosetup.core;

import io.github.dynamosetup.core.TableResult.Outcome;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.InvalidDeclarationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The provisioning engine's entry: runs each goal as named steps, table by table: read the live state
 * ({@link LiveTableReader}), compare ({@link DriftDetector}), decide (create, update, up to date, drift),
 * write ({@link TableWriter}) and wait ({@link TableActivityWaiter}). What happens is told as
 * {@link ProvisioningEvent}s; remedies in messages come from {@link Remedies}. Knows DynamoDB, not Maven.
 *
 * <p>Over 300 lines because it holds the six goals' orchestrations side by side (each a few steps over the
 * same read, compare, write and wait) and the one {@code Run} they share; the steps themselves live in the
 * classes named above.
 */
public final class TableProvisioner {

    /**
     * How create treats existing tables.
     *
     * @param applyIndexChanges add declared global secondary indexes missing on existing tables
     * @param failOnDrift fail when a table differs from its declaration after the run
     * @param replaceChangedIndexes with {@code applyIndexChanges}: delete a global secondary index whose keys or
     *     projection differ from the declaration, wait until it is gone, and create it as declared, one index at a
     *     time per table
     * @param waitForIndexes wait until each index added to an existing table has backfilled; with false, a run
     *     starts at most one index change per table, returns once AWS has accepted it, and reports it pending
     */
    public record Options(boolean applyIndexChanges, boolean failOnDrift, boolean replaceChangedIndexes,
            boolean waitForIndexes) {
        public static final Options DEFAULTS = new Options(false, true);

        /** Options that replace no index and wait for every index added. */
        public Options(boolean applyIndexChanges, boolean failOnDrift) {
            this(applyIndexChanges, failOnDrift, false, true);
        }
    }

    /**
     * The default bound on tables worked on at once: AWS accepts at most 500 table operations in flight
     * per account and region, and 250 when the tables have secondary indexes. Staying at the lower figure
     * means a run never holds more operations than AWS takes, whatever the tables, while 200 tables still
     * go through in one wave. Polling stays gentle: all the waits of a run together describe tables at most
     * 500 times a second ({@link PollSchedule}), and the SDK retries throttled calls.
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

    /**
     * How long a resource policy just written may not show in GetResourcePolicy: "a few seconds" (API_GetResourcePolicy),
     * not measured; read again after 0.5, 1, 2 and 4 s, then the rest of this time.
     */
    static final Duration POLICY_READ_LAG = Duration.ofSeconds(10);

    private final DynamoDbClient client;
    private final ProvisioningListener listener;
    private final Remedies remedies;
    private final Duration timeout;
    private final StopSignal stop = new StopSignal();
    private final TableTasks tasks;
    private final TableTasks readTasks;
    private final LiveTableReader reader;
    private final TableWriter writer;
    private final String target;
    private final int maxConcurrency;

    /**
     * @param client the DynamoDB client of this run; the caller closes it
     * @param listener where the run's events go
     * @param remedies how messages name what the user can do
     * @param timeout how long to wait for tables and indexes to become ACTIVE, and to retry refused table
     *     operations
     * @param target where the tables live, for messages (e.g. {@code region us-east-1})
     */
    public TableProvisioner(DynamoDbClient client, ProvisioningListener listener, Remedies remedies, Duration timeout,
            String target) {
        this(client, listener, remedies, timeout, target, DEFAULT_MAX_CONCURRENCY);
    }

    /**
     * @param maxConcurrency how many tables are worked on at once (read, created or updated, waited for)
     */
    public TableProvisioner(DynamoDbClient client, ProvisioningListener listener, Remedies remedies, Duration timeout,
            String target, int maxConcurrency) {
        this(client, listener, remedies, timeout, target, maxConcurrency, () -> likeClient(client));
    }

    /**
     * @param autoScaling the Application Auto Scaling client of the run, asked for only when a table declares auto
     *     scaling or its provisioned capacity differs from the declared one; the caller closes it
     */
    public TableProvisioner(DynamoDbClient client, ProvisioningListener listener, Remedies remedies, Duration timeout,
            String target, int maxConcurrency, Supplier<ApplicationAutoScalingClient> autoScaling) {
        this.client = Objects.requireNonNull(client, "client");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.remedies = Objects.requireNonNull(remedies, "remedies");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tasks = new TableTasks(maxConcurrency, stop);
        this.readTasks = new TableTasks(Math.min(maxConcurrency, READ_CONCURRENCY), stop);
        AutoScalingTargets scaling = new AutoScalingTargets(memoized(Objects.requireNonNull(autoScaling, "autoScaling")));
        this.reader = new LiveTableReader(client, scaling);
        this.writer = new TableWriter(client, reader, scaling);
        this.target = Objects.requireNonNull(target, "target");
        this.maxConcurrency = maxConcurrency;
    }

    /**
     * An Application Auto Scaling client made like {@code client}: its endpoint override (a local server answers both
     * services on one port, as moto does), region and credentials. For callers that give none.
     */
    private static ApplicationAutoScalingClient likeClient(DynamoDbClient client) {
        var configuration = client.serviceClientConfiguration();
        var builder = ApplicationAutoScalingClient.builder()
                .region(configuration.region())
                .credentialsProvider(configuration.credentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        configuration.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The supplier's value, asked for once, on first use, by whichever thread comes first. */
    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /**
     * Asks the runs of this provisioner to stop, from any thread (the build is being stopped). No table's
     * work is interrupted: tables not started are not started, AWS calls in flight (a CreateTable, say) are
     * let finish, waits end at their next poll, and no new call starts. The run then fails with a
     * {@link RunFailedException} saying where each table stands (a {@link RunStoppedException} when it had
     * written nothing). Every later run of this provisioner stops at once.
     */
    public void stop() {
        stop.request();
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
        return converge(declaration, new Options(options.applyIndexChanges(), false, options.replaceChangedIndexes(),
                options.waitForIndexes()), true);
    }

    /**
     * Compares every declared table with the live one; read-only.
     *
     * @throws DriftException when a table is missing, or differs and {@code failOnDrift}
     */
    public RunSummary validate(Declaration declaration, boolean failOnDrift) throws ProvisioningException {
        long start = System.nanoTime();
        Run run = start(Goal.VALIDATE, declaration);
        List<TableResult> results;
        try (Waiting waiting = Waiting.start(declaration.tables().size(), run.events())) {
            AwsCalls calls = run.calls(waiting);
            results = readTasks.run(declaration.tables(), DeclaredTable::name,
                    counting(waiting, run.reporting(DeclaredTable::name, declared -> validate(declared, calls))));
        }
        results.forEach(result -> run.events().on(new ProvisioningEvent.Assessed(Goal.VALIDATE, result)));
        RunSummary summary = run.finish(results, start);
        boolean missing = results.stream().anyMatch(r -> r.outcome() == Outcome.MISSING);
        if (missing || (failOnDrift && !summary.drifted().isEmpty())) {
            throw new DriftException(summary, remedies);
        }
        return summary;
    }

    private TableResult validate(DeclaredTable declared, AwsCalls calls) throws ProvisioningException {
        long tableStart = System.nanoTime();
        LiveTable live = reader.read(declared, calls);
        if (live == null) {
            return new TableResult(declared, Outcome.MISSING, List.of(), List.of(), null, null, since(tableStart));
        }
        noteUndeclaredReplicas(declared, live, calls);
        List<Difference> drift = DriftDetector.compare(declared, live, false, remedies);
        if (drift.stream().anyMatch(d -> d.change() instanceof Change.TagTable)) {
            // AWS's tag reads lag a few seconds behind TagResource (its API reference): tags a build has
            // just written are looked for once more before they are reported missing; the rest was read
            if (stop.sleep(READ_LAG)) {
                throw new RunStoppedException(declared.name(), "while waiting to read its tags again");
            }
            try {
                live = live.withTags(reader.tags(declared.name(), live.arn(), calls));
            } catch (AwsCallException e) {
                if (!"ResourceNotFoundException".equals(e.errorCode())) {
                    throw e;
                }
                return new TableResult(declared, Outcome.MISSING, List.of(), List.of(), null, null, since(tableStart));
            }
            drift = DriftDetector.compare(declared, live, false, remedies);
        }
        if (drift.stream().anyMatch(d -> d.change() instanceof Change.PutResourcePolicy)) {
            drift = DriftDetector.compare(declared, settledPolicy(declared, live, calls), false, remedies);
        }
        return new TableResult(declared, Difference.anyDrift(drift) ? Outcome.DRIFT : Outcome.UP_TO_DATE, List.of(),
                drift, live.arn(), live.streamArn(), since(tableStart));
    }

    /**
     * The live table once GetResourcePolicy shows the declared policy, or {@link #POLICY_READ_LAG} has passed (never
     * beyond the run's deadline). GetResourcePolicy is eventually consistent: just after CreateTable or
     * PutResourcePolicy it may answer PolicyNotFoundException or the policy before; AWS's advice is to "Wait for a
     * few seconds, and then retry the GetResourcePolicy request" (API_GetResourcePolicy). So a policy a build has
     * just written is read again, after 0.5, 1, 2 and 4 s, before it is called missing or different.
     */
    private LiveTable settledPolicy(DeclaredTable declared, LiveTable live, AwsCalls calls)
            throws ProvisioningException {
        long until = System.nanoTime() + Math.min(POLICY_READ_LAG.toNanos(), calls.deadline().remaining().toNanos());
        Change.PutResourcePolicy put = new Change.PutResourcePolicy(declared.resourcePolicy().document(), null);
        for (int attempt = 1; !put.isDoneOn(live); attempt++) {
            long backoff = Duration.ofMillis(500L << Math.min(attempt - 1, 3)).toNanos(); // 0.5, 1, 2, then 4 s
            long pause = Math.min(backoff, until - System.nanoTime());
            if (pause <= 0) {
                break;
            }
            if (stop.sleep(Duration.ofNanos(pause))) {
                throw new RunStoppedException(declared.name(), "while waiting to read its resource policy again");
            }
            live = live.withResourcePolicy(reader.policy(declared.name(), live.arn(), calls));
        }
        return live;
    }

    /**
     * Tells of the replicas a table has that nobody declared: no drift, since dynamo-setup never removes a replica,
     * but worth knowing (a global table costs in every region).
     */
    private static void noteUndeclaredReplicas(DeclaredTable declared, LiveTable live, AwsCalls calls) {
        if (live == null) {
            return;
        }
        live.replicas().keySet().stream().filter(region -> !declared.replicaRegions().contains(region))
                .forEach(region -> calls.events().on(new ProvisioningEvent.Notice(declared.name(), "replica in " + region
                        + " not declared; left as it is (dynamo-setup never removes a replica)")));
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
        Run run = start(Goal.FORCE, declaration);
        List<TableResult> results;
        try (Waiting waiting = Waiting.start(declaration.tables().size(), run.events())) {
            AwsCalls calls = run.calls(waiting);
            results = run.writing(declaration.tables(), declared -> declared, counting(waiting,
                    declared -> force(declared, calls)));
        }
        RunSummary summary = run.finish(results, start);
        if (!summary.names(Outcome.ALREADY_EXISTS).isEmpty()) {
            throw new TablesAlreadyExistException(summary, remedies);
        }
        return summary;
    }

    /**
     * Writes the seed's items into their tables (which must exist): batched puts, several calls at once,
     * unprocessed items written again until the timeout. Tables without items are not touched.
     *
     * @throws ItemsNotWrittenException when items were still unprocessed at the timeout
     */
    public RunSummary seed(ItemFiles.Items items) throws ProvisioningException {
        long start = System.nanoTime();
        Run run = new Run(Goal.SEED);
        run.events().on(new ProvisioningEvent.Started(Goal.SEED, target, List.copyOf(items.items().keySet())));
        List<TableResult> results = new ArrayList<>();
        AwsCalls calls = run.calls(Waiting.NONE);
        new ItemSeeder(client, calls, stop, maxConcurrency).seed(items).forEach((table, written) -> {
            run.events().on(new ProvisioningEvent.Seeded(table.name(), written));
            results.add(new TableResult(table, Outcome.SEEDED, List.of("put " + written + (written == 1 ? " item" : " items")), List.of(),
                    null, null, since(start)));
        });
        return run.finish(results, start);
    }

    private TableResult force(DeclaredTable declared, AwsCalls calls) throws ProvisioningException {
        long tableStart = System.nanoTime();
        TableDescription description = writer.create(declared, calls);
        if (description == null) {
            calls.events().on(new ProvisioningEvent.AlreadyExists(declared.name()));
            return new TableResult(declared, Outcome.ALREADY_EXISTS, List.of(), List.of(), null, null, since(tableStart));
        }
        return writer.finishCreated(declared, description, calls, tableStart);
    }

    /**
     * Deletes the declared tables (only those: no table is listed) and waits until each is gone. A table that does
     * not exist is reported, not an error; one CREATING or UPDATING is waited for until ACTIVE, as DynamoDB refuses
     * to delete it before. A table with deletion protection is left as it is, its protection never turned off: the
     * other tables are deleted, then the run fails naming the protected ones, as Terraform refuses to destroy a
     * protected table.
     *
     * @throws TablesProtectedException when a declared table has deletion protection
     */
    public RunSummary delete(Declaration declaration) throws ProvisioningException {
        long start = System.nanoTime();
        Run run = start(Goal.DELETE, declaration);
        TableRemoval removal = new TableRemoval(client);
        List<TableResult> results;
        try (Waiting waiting = Waiting.start(declaration.tables().size(), run.events())) {
            AwsCalls calls = run.calls(waiting);
            results = run.writing(declaration.tables(), declared -> declared, counting(waiting,
                    declared -> removal.delete(declared, calls, System.nanoTime())));
        }
        RunSummary summary = run.finish(results, start);
        if (!summary.names(Outcome.PROTECTED).isEmpty()) {
            throw new TablesProtectedException(summary);
        }
        return summary;
    }

    /**
     * Leaves every declared table empty and as declared. Its items are scanned by key and deleted, and the table
     * itself kept (keys, indexes, TTL, stream and its ARN, backups, tags, policy). A table with
     * {@code recreateFromItems} items or more (DescribeTable's ItemCount) is deleted and created again as declared
     * instead, which on a local server is far faster for big tables (README "Integration tests" has the measurement);
     * the caller passes {@link Long#MAX_VALUE} for AWS, where a new table costs its CREATING time and a new stream
     * ARN, and where ItemCount is only refreshed about every six hours.
     *
     * @throws DriftException when a declared table does not exist
     */
    public RunSummary reset(Declaration declaration, long recreateFromItems) throws ProvisioningException {
        long start = System.nanoTime();
        Run run = start(Goal.RESET, declaration);
        TableRemoval removal = new TableRemoval(client);
        List<TableResult> results;
        ExecutorService segments = Executors.newFixedThreadPool(
                Math.min(declaration.tables().size() * TableRemoval.SEGMENTS, READ_CONCURRENCY), daemon("reset-scan"));
        try (Waiting waiting = Waiting.start(declaration.tables().size(), run.events())) {
            AwsCalls calls = run.calls(waiting);
            results = new ArrayList<>(run.writing(declaration.tables(), declared -> declared, counting(waiting,
                    declared -> removal.empty(declared, calls, segments, recreateFromItems, System.nanoTime()))));
        } finally {
            segments.shutdownNow();
        }
        List<DeclaredTable> deleted = results.stream().filter(r -> r.outcome() == Outcome.RECREATED)
                .map(TableResult::declared).toList();
        if (!deleted.isEmpty()) {
            List<TableResult> created = converge(part(deleted), Options.DEFAULTS, false).tables();
            for (TableResult table : created) {
                int at = declaration.tables().indexOf(table.declared());
                TableResult before = results.get(at);
                List<String> actions = new ArrayList<>(before.actions());
                actions.addAll(table.actions());
                results.set(at, new TableResult(table.declared(), Outcome.RECREATED, actions, table.drift(),
                        table.arn(), table.streamArn(), before.duration().plus(table.duration())));
                run.events().on(new ProvisioningEvent.Removed(table.declared().name(), Outcome.RECREATED, 0));
            }
        }
        RunSummary summary = run.finish(results, start);
        if (!summary.names(Outcome.MISSING).isEmpty()) {
            throw new DriftException(summary, remedies);
        }
        return summary;
    }

    /** Some tables of a declaration, which were valid together and so are alone. */
    private static Declaration part(List<DeclaredTable> tables) {
        try {
            return Declaration.of(tables);
        } catch (InvalidDeclarationException e) {
            throw new IllegalStateException("tables of a valid declaration: " + e.getMessage(), e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private RunSummary converge(Declaration declaration, Options options, boolean dryRun)
            throws ProvisioningException {
        long start = System.nanoTime();
        Goal goal = dryRun ? Goal.PLAN : Goal.CREATE;
        Run run = start(goal, declaration);
        List<TableResult> results;
        try (Waiting waiting = Waiting.start(declaration.tables().size(), run.events())) {
            AwsCalls calls = run.calls(waiting);
            // read the live state of every table, then decide and say what will happen, table by table
            List<Decision> decisions = readTasks.run(declaration.tables(), DeclaredTable::name,
                    run.reporting(DeclaredTable::name, declared -> {
                        LiveTable live = reader.read(declared, calls);
                        noteUndeclaredReplicas(declared, live, calls);
                        return new Decision(declared, live, live == null || live.deleting()
                                ? List.of() : DriftDetector.compare(declared, live, options, remedies));
                    }));
            List<TableResult> plans = decisions.stream().map(Decision::plan).toList();
            plans.forEach(plan -> run.events().on(new ProvisioningEvent.Assessed(goal, plan)));
            results = dryRun ? plans : act(run, decisions, plans, calls, options);
        }
        RunSummary summary = run.finish(results, start);
        if (options.failOnDrift() && !summary.drifted().isEmpty()) {
            throw new DriftException(summary, remedies);
        }
        return summary;
    }

    /**
     * Creates the missing tables and updates the drifted ones, each on its own so that all tables are
     * CREATING at once; tables with nothing to do keep their planned result and take no thread.
     */
    private List<TableResult> act(Run run, List<Decision> decisions, List<TableResult> plans, AwsCalls calls,
            Options options) throws ProvisioningException {
        List<Decision> work = decisions.stream()
                .filter(d -> d.live() == null || d.live().deleting() || !Difference.changes(d.drift()).isEmpty()
                        || options.waitForIndexes() && d.live().indexesInProgress())
                .toList();
        for (int i = work.size(); i < decisions.size(); i++) {
            calls.waiting().tableDone(); // nothing to do
        }
        List<TableResult> done = run.writing(work, Decision::declared, counting(calls.waiting(),
                decision -> converge(decision, calls, options)));
        List<TableResult> results = new ArrayList<>(plans);
        for (int i = 0; i < work.size(); i++) {
            results.set(decisions.indexOf(work.get(i)), done.get(i));
        }
        return results;
    }

    /**
     * Brings one table to its declaration: waits out its deletion, creates it, or updates it. Unless
     * {@code waitForIndexes} is false, an index another run is creating or deleting is waited for first.
     */
    private TableResult converge(Decision decision, AwsCalls calls, Options options)
            throws ProvisioningException {
        long tableStart = System.nanoTime();
        DeclaredTable declared = decision.declared();
        LiveTable live = decision.live();
        TableActivityWaiter waiter = calls.waiter(client);
        if (live != null && live.deleting()) {
            calls.events().on(new ProvisioningEvent.Waits(declared.name(), ProvisioningEvent.Waits.Reason.DELETING));
            waiter.awaitDeleted(declared.name());
            live = null;
        }
        if (live == null) {
            TableDescription created = writer.create(declared, calls);
            if (created != null) {
                return writer.finishCreated(declared, created, calls, tableStart);
            }
            // created meanwhile: by another build, or by our own call whose answer was lost
            calls.events().on(new ProvisioningEvent.Waits(declared.name(),
                    ProvisioningEvent.Waits.Reason.CREATED_ELSEWHERE));
        }
        if (live == null || !"ACTIVE".equals(live.status()) || options.waitForIndexes() && live.indexesInProgress()) {
            live = reader.read(declared, waiter.awaitActive(declared.name()), calls);
        }
        return writer.update(declared, live, DriftDetector.compare(declared, live, options, remedies), calls);
    }

    /** A table's live state and its differences from the declaration; null live state for a missing table. */
    private record Decision(DeclaredTable declared, LiveTable live, List<Difference> drift) {

        /** What create would do: the result of a plan. */
        TableResult plan() {
            if (live == null || live.deleting()) {
                return new TableResult(declared, Outcome.WOULD_CREATE, List.of("create"), List.of(), null, null,
                        Duration.ZERO);
            }
            var changes = Difference.changes(drift);
            Outcome outcome = !changes.isEmpty() ? Outcome.WOULD_UPDATE
                    : Difference.anyDrift(drift) ? Outcome.DRIFT : Outcome.UP_TO_DATE;
            return new TableResult(declared, outcome, changes.stream().map(Change::label).toList(), drift, live.arn(),
                    live.streamArn(), Duration.ZERO);
        }
    }

    private Run start(Goal goal, Declaration declaration) {
        Run run = new Run(goal);
        run.events().on(new ProvisioningEvent.Started(goal, target, declaration.tables()));
        return run;
    }

    /** One run of a goal: its events, and what they tell of its progress. */
    private final class Run {
        private final Goal goal;
        private final RunProgress progress = new RunProgress();
        private final ProvisioningListener events;

        Run(Goal goal) {
            this.goal = goal;
            this.events = event -> {
                progress.on(event);
                listener.on(event);
            };
        }

        /** Every event of the run goes here: to its progress, then to the provisioner's listener. */
        ProvisioningListener events() {
            return events;
        }

        AwsCalls calls(Waiting waiting) {
            return new AwsCalls(goal, target, Deadline.after(timeout), events, remedies, waiting, stop);
        }

        /** The task, whose failure is told as a {@link ProvisioningEvent.TableFailed}. */
        <T, R> TableTasks.Task<T, R> reporting(Function<T, String> name, TableTasks.Task<T, R> task) {
            return item -> {
                try {
                    R result = task.apply(item);
                    if (result instanceof TableResult tableResult) {
                        events.on(new ProvisioningEvent.TableDone(tableResult));
                    }
                    return result;
                } catch (ProvisioningException e) {
                    events.on(new ProvisioningEvent.TableFailed(name.apply(item), e));
                    throw e;
                } catch (RuntimeException e) {
                    UnexpectedFailureException failure = new UnexpectedFailureException(name.apply(item), e);
                    events.on(new ProvisioningEvent.TableFailed(name.apply(item), failure));
                    throw failure;
                }
            };
        }

        /**
         * Runs tasks that write. Tables that fail are seen to the end of what they can do; the others go on.
         * When anything was written and a table failed, the failure says where each table stands.
         */
        <T> List<TableResult> writing(List<T> items, Function<T, DeclaredTable> declared,
                TableTasks.Task<T, TableResult> task) throws ProvisioningException {
            try {
                return tasks.run(items, item -> declared.apply(item).name(),
                        reporting(item -> declared.apply(item).name(), task));
            } catch (TablesNotActiveException e) {
                throw e; // names every table still waited for; the rest were done
            } catch (ProvisioningException e) {
                if (!progress.wroteAnything()) {
                    throw e; // nothing written: the failure says it all
                }
                throw new RunFailedException(goal, progress.tableLines(items.stream().map(declared).toList()), e,
                        remedies);
            }
        }

        /** The run's summary, told as a {@link ProvisioningEvent.Finished}. */
        RunSummary finish(List<TableResult> results, long startNanos) {
            RunSummary summary = new RunSummary(goal, target, results, since(startNanos));
            events.on(new ProvisioningEvent.Finished(summary));
            return summary;
        }
    }

    private static Duration since(long startNanos) {
        return TableWriter.since(startNanos);
    }
}
