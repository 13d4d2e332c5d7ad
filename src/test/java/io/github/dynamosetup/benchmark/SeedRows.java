package io.github.dynamosetup.benchmark;

import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.core.ItemFiles;
import io.github.dynamosetup.core.TableProvisioner;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.Declaration;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The seed goal's writes (in this JVM, warm: the batched, parallel puts) against boto3's {@code batch_writer} on
 * the same server in the same run, each repeat taking both in turn, over 10,000 items of a plain-JSON file: on
 * moto and on dynalite. Both time the writes only (the Python script its own, so that neither the interpreter's
 * start nor its JSON parsing is counted); the plugin's reading and checking of the file is a row of its own.
 */
final class SeedRows {

    static final int ITEMS = 10_000;
    private static final String SCRIPT = "seed_items.py";

    private final int repeats;
    private final Path workDirectory;
    private final Report report;
    private int round;
    private final List<Long> readMillis = new ArrayList<>();

    SeedRows(int repeats, Path workDirectory) {
        this.repeats = repeats;
        this.workDirectory = workDirectory;
        this.report = new Report("seed: " + ITEMS + " items (" + repeats + " repeats; medians; plugin in this JVM,"
                + " boto3 batch_writer in python3, both timing their writes only)", null);
    }

    Report run() throws Exception {
        Path items = itemFile();
        Path script = script();
        try (TestServer moto = TestServer.start()) {
            measure("moto", moto.endpoint(), items, script, 1.0);
        }
        try (DynaliteServer dynalite = DynaliteServer.start(0)) {
            measure("dynalite", dynalite.endpoint(), items, script, 2.0);
        }
        return report;
    }

    private void measure(String server, URI endpoint, Path items, Path script, double target) throws Exception {
        plugin(endpoint, items); // warm-up: the JIT, the HTTP connections
        readMillis.clear();
        List<Long> plugin = new ArrayList<>();
        List<Long> boto3 = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            plugin.add(plugin(endpoint, items));
            boto3.add(boto3(endpoint, items, script));
        }
        Samples ours = new Samples(plugin);
        Samples theirs = new Samples(boto3);
        report.row(server + ": seed, plugin (" + perSecond(ours) + ")", ours,
                Report.ratio(theirs.median() / ours.median()) + " of boto3", ">= " + Report.ratio(target));
        report.row("  boto3 batch_writer, same items, same server (" + perSecond(theirs) + ")", theirs, "",
                "baseline");
        report.row("  plugin: reading and checking the item file before (not in the times above)",
                new Samples(readMillis), "", "reported");
    }

    private static String perSecond(Samples samples) {
        return String.format(Locale.ROOT, "%.0f items/s", ITEMS / (samples.median() / 1000.0));
    }

    /** A new table, then the seed's read, check and writes. */
    private long plugin(URI endpoint, Path items) throws Exception {
        String table = table(endpoint);
        Declaration declaration = Declaration.of(List.of(Tables.numbered(table, 1, Map.of()).get(0).toBuilder()
                .declaredName("items").build()));
        long reading = System.nanoTime();
        List<ConfigurationProblem> problems = new ArrayList<>();
        ItemFiles.Items read = ItemFiles.read(List.of(items), Path::toString, declaration, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        readMillis.add((System.nanoTime() - reading) / 1_000_000);
        try (DynamoDbConnection connection = Tables.connect(endpoint)) {
            long start = System.nanoTime();
            Tables.provisioner(connection).seed(read);
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    private long boto3(URI endpoint, Path items, Path script) throws Exception {
        String table = table(endpoint);
        Path out = workDirectory.resolve("seed-millis.txt");
        TimedCommand.millis(workDirectory, List.of("python3", script.toString(), endpoint.toString(), table + "1",
                items.toString(), out.toString()));
        return Long.parseLong(Files.readString(out).strip());
    }

    /** A fresh empty table {@code seedN_1}; returns its prefix {@code seedN_}. */
    private String table(URI endpoint) throws Exception {
        String prefix = "seed" + (++round) + "_";
        try (DynamoDbConnection connection = Tables.connect(endpoint)) {
            Tables.provisioner(connection).create(Declaration.of(Tables.numbered(prefix, 1, Map.of())),
                    TableProvisioner.Options.DEFAULTS);
        }
        return prefix;
    }

    /** 10,000 items of a few attributes each: a string key, numbers, a boolean, a list and a map. */
    private Path itemFile() throws IOException {
        Path file = workDirectory.resolve("seed-items.json");
        String items = IntStream.range(0, ITEMS).mapToObj(i -> "{\"id\": \"item-" + i + "\", \"n\": " + i
                + ", \"price\": " + i + ".25, \"active\": " + (i % 2 == 0) + ", \"tags\": [\"a\", \"b\"],"
                + " \"address\": {\"city\": \"City " + i + "\", \"zip\": " + (10000 + i) + "}}")
                .collect(Collectors.joining(",\n"));
        Files.writeString(file, "{\"tableName\": \"items\", \"items\": [\n" + items + "\n]}");
        return file;
    }

    private Path script() throws IOException {
        return ProcessRows.script(workDirectory, SCRIPT);
    }
}
