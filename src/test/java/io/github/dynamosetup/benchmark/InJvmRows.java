package io.github.dynamosetup.benchmark;

import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.TestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The rows measured inside this JVM, warm: the engine creating tables on dynalite against one CREATING
 * interval and against the SDK's default waiter, no-op runs over existing tables, and the cold start of
 * the HTTP clients considered (in fresh JVMs).
 */
final class InJvmRows {

    private final int repeats;
    private final int baselineRepeats;
    private final Path workDirectory;
    private final Report report;
    private int round;

    InJvmRows(int repeats, int baselineRepeats, Path workDirectory) {
        this.repeats = repeats;
        this.baselineRepeats = baselineRepeats;
        this.workDirectory = workDirectory;
        this.report = new Report("In one JVM (" + repeats + " repeats, " + baselineRepeats
                + " for the sequential baseline; medians)", null);
    }

    Report run() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(Benchmark.CREATE_TABLE_MS)) {
            creatingTables(dynalite.endpoint());
            noOpCreate("dynalite", dynalite.endpoint(), 200, 1000L);
        }
        try (TestServer moto = TestServer.start()) {
            noOpCreate("moto", moto.endpoint(), 200, null);
            httpClients(moto.endpoint());
        }
        return report;
    }

    /** Tables from the first API call to all ACTIVE, against one CREATING interval and the user's baseline today. */
    private void creatingTables(URI endpoint) throws Exception {
        createWithPlugin(endpoint, 3); // warm-up: the JIT, the HTTP connections
        Samples three = Samples.of(repeats, () -> createWithPlugin(endpoint, 3));
        report.row("dynalite createTableMs=2000: 3 tables, plugin", three,
                Report.ratio(three.median() / Benchmark.CREATE_TABLE_MS), "<= 1.3x");
        Samples fifty = Samples.of(repeats, () -> createWithPlugin(endpoint, 50));
        report.row("dynalite createTableMs=2000: 50 tables, plugin", fifty,
                Report.ratio(fifty.median() / Benchmark.CREATE_TABLE_MS), "<= 1.5x");
        resetPeakHeap();
        Samples twoHundred = Samples.of(repeats, () -> createWithPlugin(endpoint, 200));
        report.row("dynalite createTableMs=2000: 200 tables, plugin", twoHundred,
                Report.ratio(twoHundred.median() / Benchmark.CREATE_TABLE_MS), "<= 2x");
        report.row("  peak heap in use while creating 200 tables", mb(peakHeap()), "", "", "reported");
        Samples baseline = Samples.of(baselineRepeats, () -> createSequentiallyWithDefaultWaiter(endpoint));
        report.row("baseline: 3 tables one by one, SDK DynamoDbWaiter defaults", baseline,
                Report.ratio(baseline.median() / three.median()) + " of plugin", "reported");
    }

    private long createWithPlugin(URI endpoint, int count) throws Exception {
        Declaration declaration = Declaration.of(Tables.numbered("run" + (++round) + "_", count, Map.of()));
        try (DynamoDbConnection connection = Tables.connect(endpoint)) {
            long start = System.nanoTime();
            Tables.provisioner(connection).create(declaration, TableProvisioner.Options.DEFAULTS);
            return elapsedMillis(start);
        }
    }

    /** What a user writes today: CreateTable, then the SDK's DynamoDbWaiter with its defaults, table by table. */
    private long createSequentiallyWithDefaultWaiter(URI endpoint) throws Exception {
        String prefix = "base" + (++round) + "_";
        try (DynamoDbConnection connection = Tables.connect(endpoint);
                DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(connection.client()).build()) {
            DynamoDbClient client = connection.client();
            long start = System.nanoTime();
            for (int i = 1; i <= 3; i++) {
                String name = prefix + i;
                client.createTable(r -> r.tableName(name)
                        .keySchema(k -> k.attributeName("id").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                        .billingMode("PAY_PER_REQUEST"));
                waiter.waitUntilTableExists(r -> r.tableName(name));
            }
            return elapsedMillis(start);
        }
    }

    /** The whole goal (client, reads, decision) on tables that are all up to date. */
    private void noOpCreate(String server, URI endpoint, int count, Long targetMillis) throws Exception {
        Declaration declaration = Declaration.of(Tables.numbered("noop_", count, Map.of("Application", "Benchmark")));
        Tables.createTagged(endpoint, declaration.tables());
        Callable<Long> goal = () -> {
            long start = System.nanoTime();
            try (DynamoDbConnection connection = Tables.connect(endpoint)) {
                Tables.provisioner(connection).create(declaration, TableProvisioner.Options.DEFAULTS);
            }
            return elapsedMillis(start);
        };
        goal.call();
        Samples samples = Samples.of(repeats, goal);
        report.row(server + ": no-op create over " + count + " existing tagged tables", samples,
                targetMillis == null ? "" : Report.ratio(samples.median() / targetMillis) + " of target",
                targetMillis == null ? "reported" : "< " + targetMillis + " ms");
    }

    /** Cold start of the client with each HTTP client the plugin could use, in fresh JVMs; noop_1 exists by now. */
    private void httpClients(URI endpoint) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String http : List.of("url-connection", "apache5")) {
            List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                    ClientStartup.class.getName(), http, endpoint.toString(), "noop_1");
            TimedCommand.millis(workDirectory, command);
            Samples process = Samples.of(repeats, () -> TimedCommand.millis(workDirectory, command));
            report.row("fresh JVM: " + http + " client, build + 1 DescribeTable (whole process)", process, "",
                    "reported");
        }
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
