package io.github.dynamosetup.benchmark;

import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.testing.DynaliteServer;
import io.github.dynamosetup.testing.HealthAssistant;
import io.github.dynamosetup.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The rows measured as users run the plugin: whole {@code mvn -B -q -o} processes of the Maven that runs the
 * benchmark, on projects generated under the benchmark's folder. The plugin's share of a goal is the goal's
 * time minus {@code mvn dynamo-setup:help} in the same project (for a reactor's {@code mvn verify}, minus the
 * same build with {@code -Ddynamo-setup.skip=true}), each repeat's pair run back to back so that the
 * machine's noise falls on both alike. With a previous version, each repeat builds that version's copy of
 * the project too, the order of the versions alternating from repeat to repeat.
 *
 * <p>The Maven builds read the plugin under test from the benchmark's own repository and everything else
 * from the local repository ({@code maven.repo.local.tail}, Maven 3.9), offline.
 */
final class ProcessRows {

    private static final List<String> HELP = List.of("dynamo-setup:help");
    private static final List<String> SKIPPED = List.of("verify", "-Ddynamo-setup.skip=true");
    private static final String CREATE_SCRIPT = "create_tables.py";
    private static final String VALIDATE_SCRIPT = "validate_tables.py";

    private final List<String> maven;
    private final Path workDirectory;
    private final String current;
    private final String previous;
    private final List<String> versions;
    private final int repeats;
    private final Report report;
    private int round;

    /**
     * @param mavenHome the Maven to run
     * @param workDirectory where the projects and scripts are written
     * @param pluginRepository a local repository holding the plugin under test
     * @param localRepository the local repository with everything else, and the previous version
     * @param current the version under test
     * @param previous the version to compare with, or null
     * @param repeats how many times each row is measured (after one warm-up)
     */
    ProcessRows(Path mavenHome, Path workDirectory, Path pluginRepository, Path localRepository, String current,
            String previous, int repeats) {
        this.maven = List.of(mavenHome.resolve("bin").resolve("mvn").toString(), "-B", "-q", "-o",
                "-Dmaven.repo.local=" + pluginRepository, "-Dmaven.repo.local.tail=" + localRepository);
        this.workDirectory = workDirectory;
        this.current = current;
        this.previous = previous;
        this.versions = previous == null ? List.of(current) : List.of(current, previous);
        this.repeats = repeats;
        this.report = new Report("As users run it: whole mvn processes, the plugin's share = goal - help in the same"
                + " project (" + repeats + " repeats, interleaved; medians and min..max of the shares"
                + (previous == null ? "" : "; " + current + " against " + previous) + ")", previous);
    }

    Report run() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start(Benchmark.CREATE_TABLE_MS)) {
            creatingTables(dynalite.endpoint(), 3, "<= 1.15x");
            creatingTables(dynalite.endpoint(), 50, "<= 1.3x");
            creatingTables(dynalite.endpoint(), 200, "<= 1.5x");
            againstCreateScript(dynalite.endpoint());
            noOpCreate(dynalite.endpoint());
        }
        try (TestServer moto = TestServer.start()) {
            try (DynamoDbClient client = moto.client("us-east-1")) {
                HealthAssistant.create(client, HealthAssistant.tables());
            }
            validate(moto.endpoint());
            reactors(moto.endpoint());
        }
        return report;
    }

    /** New tables each repeat, from the process's start to all ACTIVE, against one CREATING interval. */
    private void creatingTables(URI dynalite, int count, String target) throws Exception {
        String project = "create-" + count;
        for (String version : versions) {
            Projects.single(project(version, project), version, dynalite, Tables.numbered("t", count, Map.of()),
                    Map.of());
        }
        Measured measured = measure(project, HELP, () -> create(nextPrefix()), null);
        Samples share = measured.share(current);
        report.row("mvn create, " + count + " new tables (dynalite, 2 s CREATING): share", share,
                Report.ratio(share.median() / Benchmark.CREATE_TABLE_MS) + " of 2 s", target,
                measured.share(previous));
    }

    /** The Health Assistant tables, new each repeat, by the plugin and by the team's boto3 script. */
    private void againstCreateScript(URI dynalite) throws Exception {
        String project = "health-assistant-dynalite";
        // dynalite has no UpdateTimeToLive: neither the plugin nor the script turns TTL on
        List<DeclaredTable> tables = HealthAssistant.tables().stream()
                .map(t -> t.toBuilder().timeToLiveAttribute(null).build()).toList();
        for (String version : versions) {
            Projects.single(project(version, project), version, dynalite, tables, HealthAssistant.TAGS);
        }
        Path script = script(CREATE_SCRIPT);
        Measured measured = measure(project, HELP, () -> create(nextPrefix()),
                () -> TimedCommand.millis(workDirectory, List.of("python3", script.toString(), dynalite.toString(),
                        nextPrefix())));
        Samples share = measured.share(current);
        report.row("mvn create, 3 new Health Assistant tables, no TTL (dynalite): share", share,
                Report.ratio(share.median() / measured.alongside().median()) + " of script", "<= 0.35x",
                measured.share(previous));
        report.row("  python3 + boto3 script, same tables one by one, 1 s waiter (process)",
                measured.alongside(), "", "reported");
    }

    /** The whole goal on tables that are all up to date. */
    private void noOpCreate(URI dynalite) throws Exception {
        String project = "no-op-200";
        List<DeclaredTable> tables = Tables.numbered("noop_", 200, Map.of("Application", "Benchmark"));
        Tables.createTagged(dynalite, tables);
        for (String version : versions) {
            Projects.single(project(version, project), version, dynalite, tables, Map.of("Application", "Benchmark"));
        }
        Measured measured = measure(project, HELP, () -> List.of("dynamo-setup:create"), null);
        Samples share = measured.share(current);
        report.row("mvn create, no-op over 200 existing tagged tables (dynalite): share", share,
                Report.ratio(share.median() / 800) + " of target", "<= 800 ms", measured.share(previous));
    }

    /** What validate adds to a build, next to a Python script that reads the same. */
    private void validate(URI moto) throws Exception {
        String project = "health-assistant";
        for (String version : versions) {
            Projects.single(project(version, project), version, moto, HealthAssistant.tables(), HealthAssistant.TAGS);
        }
        Path script = script(VALIDATE_SCRIPT);
        Measured measured = measure(project, HELP, () -> List.of("dynamo-setup:validate"),
                () -> TimedCommand.millis(workDirectory, List.of("python3", script.toString(), moto.toString())));
        report.row("mvn validate, 3 Health Assistant tables, TTL and tags (moto; process)",
                measured.goals().get(current), "", "", measured.goals().get(previous));
        report.row("mvn dynamo-setup:help, same project (process)", measured.baselines().get(current), "", "",
                measured.baselines().get(previous));
        Samples share = measured.share(current);
        report.row("  what the plugin adds to a build: validate - help", share,
                Report.ratio(share.median() / 350) + " of target", "<= 350 ms", measured.share(previous));
        report.row("  python3 + boto3 script, same check (process)", measured.alongside(),
                Report.ratio(share.median() / measured.alongside().median()) + " plugin/script", "reported");
    }

    /** mvn verify of a reactor whose every module runs create and validate, against the same build skipping them. */
    private void reactors(URI moto) throws Exception {
        Samples one = null;
        for (int modules : new int[] {1, 4, 12}) {
            String project = "reactor-" + modules;
            for (String version : versions) {
                Projects.reactor(project(version, project), version, moto, HealthAssistant.tables(),
                        HealthAssistant.TAGS, modules);
            }
            Measured measured = measure(project, SKIPPED, () -> List.of("verify"), null);
            Samples share = measured.share(current);
            one = one == null ? share : one;
            report.row("mvn verify, reactor of " + modules + " module" + (modules == 1 ? "" : "s")
                    + " (create + validate, moto): share", share,
                    modules == 1 ? "" : Report.ratio(share.median() / one.median()) + " of 1 module",
                    modules == 12 ? "<= 1.2x" : "reported", measured.share(previous));
        }
        List<String> threads = List.of("-T", "4");
        Measured measured = measure("reactor-12", concat(threads, SKIPPED), () -> concat(threads, List.of("verify")),
                null);
        Samples share = measured.share(current);
        report.row("mvn -T 4 verify, reactor of 12 modules: share", share,
                Report.ratio(share.median() / one.median()) + " of 1 module", "<= 1.2x", measured.share(previous));
    }

    /**
     * Per repeat, for each version: the baseline build, then the goal's, in that version's copy of the
     * project; then the command alongside, if any. One warm-up repeat first, not counted.
     */
    private Measured measure(String project, List<String> baseline, Supplier<List<String>> goal,
            Callable<Long> alongside) throws Exception {
        Map<String, List<Long>> goals = new HashMap<>();
        Map<String, List<Long>> baselines = new HashMap<>();
        List<Long> alongsideMillis = new ArrayList<>();
        for (int repeat = 0; repeat <= repeats; repeat++) {
            List<String> order = new ArrayList<>(versions);
            if (repeat % 2 == 0) {
                Collections.reverse(order);
            }
            for (String version : order) {
                Path directory = project(version, project);
                long baselineMillis = mvn(directory, baseline);
                long goalMillis = mvn(directory, goal.get());
                if (repeat > 0) {
                    baselines.computeIfAbsent(version, v -> new ArrayList<>()).add(baselineMillis);
                    goals.computeIfAbsent(version, v -> new ArrayList<>()).add(goalMillis);
                }
            }
            if (alongside != null) {
                long millis = alongside.call();
                if (repeat > 0) {
                    alongsideMillis.add(millis);
                }
            }
        }
        return new Measured(samples(goals), samples(baselines), alongside == null ? null : new Samples(alongsideMillis));
    }

    /**
     * What one row measured.
     *
     * @param goals per version, the goal's whole process
     * @param baselines per version, the baseline's whole process
     * @param alongside the command run alongside, or null
     */
    private record Measured(Map<String, Samples> goals, Map<String, Samples> baselines, Samples alongside) {

        /** Per repeat, the goal's time minus the baseline's; null for no version. */
        Samples share(String version) {
            return version == null ? null : goals.get(version).minus(baselines.get(version));
        }
    }

    private long mvn(Path project, List<String> arguments) throws IOException, InterruptedException {
        return TimedCommand.millis(project, concat(maven, arguments));
    }

    private static List<String> create(String prefix) {
        return List.of("dynamo-setup:create", "-Ddynamo-setup.tableNamePrefix=" + prefix);
    }

    private String nextPrefix() {
        return "r" + (++round) + "_";
    }

    private Path project(String version, String name) {
        return workDirectory.resolve(version).resolve(name);
    }

    private Path script(String name) throws IOException {
        return script(workDirectory, name);
    }

    /** Copies one of the benchmark's Python scripts into the work folder. */
    static Path script(Path workDirectory, String name) throws IOException {
        Path script = workDirectory.resolve(name);
        try (InputStream in = ProcessRows.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    private static Map<String, Samples> samples(Map<String, List<Long>> millis) {
        Map<String, Samples> samples = new HashMap<>();
        millis.forEach((version, list) -> samples.put(version, new Samples(list)));
        return samples;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
