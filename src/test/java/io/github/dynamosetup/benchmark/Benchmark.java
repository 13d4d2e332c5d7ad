package io.github.dynamosetup.benchmark;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.core.ProvisioningListener;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.AttributeType;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.KeyAttribute;
import io.github.dynamosetup.maven.MavenRemedies;
import io.github.dynamosetup.maven.PomOrigin;
import io.github.dynamosetup.testing.ChildProcess;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.TestServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The speed benchmark: starts its own dynalite and moto servers, repeats each measurement, and prints
 * medians and ratios against baselines run in the same process. Run with {@code ./mvnw -B -Pbenchmark
 * install}; {@code -Dbenchmark.repeats=N} sets the repeats (default 5, 3 for the slow baseline).
 *
 * <p>Over 300 lines: it is a program, not a test; each measurement and its baseline stay side by side.
 */
public final class Benchmark {

    private static final long CREATE_TABLE_MS = 2000;
    private static final ProvisioningListener QUIET = event -> { };

    private final int repeats;
    private final int baselineRepeats;
    private final String mavenHome;
    private final String classpath;
    private final Path workDirectory;
    private final List<String> report = new ArrayList<>();
    private int round;

    private Benchmark(String[] args) {
        this.mavenHome = args[0];
        this.classpath = System.getProperty("java.class.path");
        this.workDirectory = Path.of(args[1]);
        this.repeats = Integer.getInteger("benchmark.repeats", 5);
        this.baselineRepeats = Integer.getInteger("benchmark.baselineRepeats", 3);
    }

    public static void main(String[] args) throws Exception {
        new Benchmark(args).run();
    }

    private void run() throws Exception {
        Files.createDirectories(workDirectory);
        row("measurement", "median", "ratio", "target");
        try (DynaliteServer dynalite = DynaliteServer.start(CREATE_TABLE_MS)) {
            creatingTables(dynalite);
            noOpCreate("dynalite", dynalite.endpoint(), "noop_", 200, 1000L);
        }
        try (TestServer moto = TestServer.start()) {
            noOpCreate("moto", moto.endpoint(), "noop_", 200, null);
            wholeMavenInvocation(moto.endpoint());
            httpClients(moto.endpoint());
        }
        System.out.println();
        System.out.println("dynamo-setup benchmark (" + repeats + " repeats, " + baselineRepeats
                + " for the sequential baseline; medians)");
        report.forEach(System.out::println);
    }

    /** Tables from the first API call to all ACTIVE, against one CREATING interval and the user's baseline today. */
    private void creatingTables(DynaliteServer dynalite) throws Exception {
        URI endpoint = dynalite.endpoint();
        createWithPlugin(endpoint, 3); // warm-up: the JIT, the HTTP connections
        double three = median(repeats, () -> createWithPlugin(endpoint, 3));
        row("dynalite createTableMs=2000: 3 tables, plugin", ms(three), ratio(three / CREATE_TABLE_MS), "<= 1.3x");
        double fifty = median(repeats, () -> createWithPlugin(endpoint, 50));
        row("dynalite createTableMs=2000: 50 tables, plugin", ms(fifty), ratio(fifty / CREATE_TABLE_MS), "<= 1.5x");
        resetPeakHeap();
        double twoHundred = median(repeats, () -> createWithPlugin(endpoint, 200));
        row("dynalite createTableMs=2000: 200 tables, plugin", ms(twoHundred), ratio(twoHundred / CREATE_TABLE_MS),
                "<= 2x");
        row("  peak heap in use while creating 200 tables", mb(peakHeap()), "", "reported");
        double baseline = median(baselineRepeats, () -> createSequentiallyWithDefaultWaiter(endpoint));
        row("baseline: 3 tables one by one, SDK DynamoDbWaiter defaults", ms(baseline), ratio(baseline / three)
                + " of plugin", "reported");
    }

    private long createWithPlugin(URI endpoint, int count) throws Exception {
        String prefix = "run" + (++round) + "_";
        Declaration declaration = tables(prefix, count, Map.of());
        try (DynamoDbConnection connection = connect(endpoint)) {
            long start = System.nanoTime();
            new TableProvisioner(connection.client(), QUIET, MavenRemedies.INSTANCE, Duration.ofMinutes(10), "benchmark")
                    .create(declaration, TableProvisioner.Options.DEFAULTS);
            return elapsedMillis(start);
        }
    }

    /** What a user writes today: CreateTable, then the SDK's DynamoDbWaiter with its defaults, table by table. */
    private long createSequentiallyWithDefaultWaiter(URI endpoint) throws Exception {
        String prefix = "base" + (++round) + "_";
        try (DynamoDbConnection connection = connect(endpoint);
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
    private void noOpCreate(String server, URI endpoint, String prefix, int count, Long targetMillis)
            throws Exception {
        Map<String, String> tags = Map.of("Application", "Benchmark");
        Declaration declaration = tables(prefix, count, tags);
        try (DynamoDbConnection connection = connect(endpoint)) {
            new TableProvisioner(connection.client(), QUIET, MavenRemedies.INSTANCE, Duration.ofMinutes(10), "benchmark")
                    .create(tables(prefix, count, Map.of()), TableProvisioner.Options.DEFAULTS);
            // dynalite 4.0.0 keeps no tags given to CreateTable: tag like a user would afterwards
            DynamoDbClient client = connection.client();
            for (DeclaredTable table : declaration.tables()) {
                String arn = client.describeTable(r -> r.tableName(table.name())).table().tableArn();
                client.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("Application").value("Benchmark")
                        .build()));
            }
        }
        Callable<Long> goal = () -> {
            long start = System.nanoTime();
            try (DynamoDbConnection connection = connect(endpoint)) {
                new TableProvisioner(connection.client(), QUIET, MavenRemedies.INSTANCE, Duration.ofMinutes(10), "benchmark")
                        .create(declaration, TableProvisioner.Options.DEFAULTS);
            }
            return elapsedMillis(start);
        };
        goal.call();
        double median = median(repeats, goal);
        row(server + ": no-op create over " + count + " existing tagged tables", ms(median),
                targetMillis == null ? "" : ratio(median / targetMillis) + " of target",
                targetMillis == null ? "reported" : "< " + targetMillis + " ms");
    }

    /** What the plugin adds to a build: mvn dynamo-setup:validate minus mvn dynamo-setup:help, same project. */
    private void wholeMavenInvocation(URI endpoint) throws Exception {
        try (DynamoDbConnection connection = connect(endpoint)) {
            new TableProvisioner(connection.client(), QUIET, MavenRemedies.INSTANCE, Duration.ofMinutes(1), "benchmark")
                    .create(Declaration.of(HealthAssistant.tables()), TableProvisioner.Options.DEFAULTS);
        }
        Path project = workDirectory.resolve("health-assistant");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), healthAssistantPom(endpoint), StandardCharsets.UTF_8);
        List<String> mvn = List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-B", "-q", "-o");
        Callable<Long> validate = () -> run(project, concat(mvn, "dynamo-setup:validate"));
        Callable<Long> help = () -> run(project, concat(mvn, "dynamo-setup:help"));
        validate.call();
        help.call();
        double validateMs = median(repeats, validate);
        double helpMs = median(repeats, help);
        row("mvn dynamo-setup:validate (3 Health Assistant tables, moto)", ms(validateMs), "", "");
        row("mvn dynamo-setup:help (same project)", ms(helpMs), "", "");
        double added = validateMs - helpMs;
        row("  what the plugin adds to a build: validate - help", ms(added), ratio(added / 500) + " of target",
                "<= 500 ms");
        Path script = workDirectory.resolve("validate_tables.py");
        Files.writeString(script, boto3Script(endpoint), StandardCharsets.UTF_8);
        Callable<Long> python = () -> run(workDirectory, List.of("python3", script.toString()));
        python.call();
        double pythonMs = median(repeats, python);
        row("python3 + boto3 script, same check (whole process)", ms(pythonMs), ratio(added / pythonMs)
                + " plugin/script", "about 0.5x");
    }

    /** Cold start of the client with each HTTP client the plugin could use, in fresh JVMs. */
    private void httpClients(URI endpoint) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String http : List.of("url-connection", "apache5")) {
            List<String> command = List.of(java, "-cp", classpath, ClientStartup.class.getName(), http,
                    endpoint.toString(), "doctores");
            run(workDirectory, command);
            double process = median(repeats, () -> run(workDirectory, command));
            row("fresh JVM: " + http + " client, build + 1 DescribeTable (whole process)", ms(process), "",
                    "reported");
        }
    }

    private static Declaration tables(String prefix, int count, Map<String, String> tags) throws Exception {
        return Declaration.of(IntStream.rangeClosed(1, count)
                .mapToObj(i -> DeclaredTable.builder(new PomOrigin(i), prefix + i)
                        .partitionKey(new KeyAttribute("id", AttributeType.S)).tags(tags).build())
                .toList());
    }

    private static DynamoDbConnection connect(URI endpoint) throws Exception {
        return DynamoDbConnection.open(new ConnectionSettings("us-east-1", endpoint, null, null,
                Duration.ofMinutes(1), Map.of()), message -> {});
    }

    /** Runs a command to its end (five minutes at most) and returns how long that took. */
    private static long run(Path directory, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        try (ChildProcess process = ChildProcess.start(String.join(" ", command), builder)) {
            ChildProcess.Exit exit = process.awaitExit(Duration.ofMinutes(5));
            if (exit.code() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + exit.output());
            }
        }
        return elapsedMillis(start);
    }

    private static double median(int times, Callable<Long> measurement) throws Exception {
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            samples.add(measurement.call());
        }
        samples.sort(null);
        int middle = samples.size() / 2;
        return samples.size() % 2 == 1 ? samples.get(middle) : (samples.get(middle - 1) + samples.get(middle)) / 2.0;
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private void row(String what, String median, String ratio, String target) {
        String line = String.format(Locale.ROOT, "%-72s %10s %18s %12s", what, median, ratio, target);
        report.add(line);
        System.out.println(line);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static List<String> concat(List<String> command, String argument) {
        List<String> all = new ArrayList<>(command);
        all.add(argument);
        return all;
    }

    private static String healthAssistantPom(URI endpoint) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>benchmark</groupId>
                  <artifactId>health-assistant</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.github.dynamosetup</groupId>
                        <artifactId>dynamo-setup-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <endpoint>%s</endpoint>
                          <tags>
                            <Application>HealthAssistantAPI</Application>
                            <Environment>test</Environment>
                          </tags>
                          <tables>
                            <table>
                              <name>doctores</name>
                              <partitionKey>doctor_id:S</partitionKey>
                              <globalSecondaryIndexes>
                                <globalSecondaryIndex>
                                  <name>especialidad-index</name>
                                  <partitionKey>especialidad:S</partitionKey>
                                </globalSecondaryIndex>
                              </globalSecondaryIndexes>
                            </table>
                            <table>
                              <name>horarios_doctores</name>
                              <partitionKey>doctor_id:S</partitionKey>
                              <sortKey>fecha_hora:S</sortKey>
                            </table>
                            <table>
                              <name>user_sessions</name>
                              <partitionKey>user_id:S</partitionKey>
                              <timeToLiveAttribute>ttl</timeToLiveAttribute>
                            </table>
                          </tables>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("benchmark.pluginVersion", "0.1.0-SNAPSHOT"), endpoint);
    }

    /** The seed script's --validate, done as thoroughly as the plugin's validate: table, TTL, tags. */
    private static String boto3Script(URI endpoint) {
        return """
                import boto3, sys
                client = boto3.client("dynamodb", endpoint_url="%s", region_name="us-east-1",
                                      aws_access_key_id="a", aws_secret_access_key="b")
                for name in ["doctores", "horarios_doctores", "user_sessions"]:
                    table = client.describe_table(TableName=name)["Table"]
                    client.describe_time_to_live(TableName=name)
                    client.list_tags_of_resource(ResourceArn=table["TableArn"])
                print("all tables exist")
                """.formatted(endpoint);
    }
}
