package io.github.dynamosetup.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The speed benchmark, a program run by {@code ./mvnw -B -Pbenchmark install} (see README): it starts its own
 * dynalite and moto servers, repeats each measurement, and prints medians, ranges and ratios against
 * baselines run alongside. Two tables: {@link InJvmRows} (the engine in this JVM) and {@link ProcessRows}
 * (whole {@code mvn} processes, as users run the plugin).
 *
 * <p>Arguments: the Maven home, the work folder, the local repository holding the plugin under test, and the
 * local repository with everything else. System properties: {@code benchmark.repeats} (default 5) and
 * {@code benchmark.baselineRepeats} (3) for the in-JVM rows, {@code benchmark.processRepeats} (5) for the
 * whole-process rows, {@code benchmark.only} ({@code jvm}, {@code process}, {@code seed} or {@code reset}: one table
 * only; the seed's rows are {@link SeedRows}; {@link ResetRows} measures how {@code reset} empties tables,
 * {@code benchmark.baselineRepeats} times),
 * {@code benchmark.pluginVersion} (the version under test) and {@code benchmark.previousVersion} (a version to
 * measure alongside it in every whole-process row).
 */
public final class Benchmark {

    /** How long dynalite keeps a new table CREATING: the floor of every create. */
    static final long CREATE_TABLE_MS = 2000;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Path mavenHome = Path.of(args[0]);
        Path workDirectory = Path.of(args[1]);
        String only = System.getProperty("benchmark.only", "").strip();
        if (!List.of("", "jvm", "process", "seed", "reset").contains(only)) {
            throw new IllegalArgumentException("benchmark.only is jvm, process, seed or reset, not '" + only + "'");
        }
        Files.createDirectories(workDirectory);
        List<Report> reports = new ArrayList<>();
        if (only.isEmpty() || only.equals("seed")) {
            reports.add(new SeedRows(Integer.getInteger("benchmark.repeats", 5), workDirectory).run());
        }
        if (only.isEmpty() || only.equals("reset")) {
            reports.add(new ResetRows(Integer.getInteger("benchmark.baselineRepeats", 3)).run());
        }
        if (only.isEmpty() || only.equals("jvm")) {
            reports.add(new InJvmRows(Integer.getInteger("benchmark.repeats", 5),
                    Integer.getInteger("benchmark.baselineRepeats", 3), workDirectory).run());
        }
        if (only.isEmpty() || only.equals("process")) {
            String current = System.getProperty("benchmark.pluginVersion");
            if (current == null) {
                throw new IllegalArgumentException("benchmark.pluginVersion names the version under test");
            }
            String previous = System.getProperty("benchmark.previousVersion", "").strip();
            reports.add(new ProcessRows(mavenHome, workDirectory, Path.of(args[2]), Path.of(args[3]), current,
                    previous.isEmpty() ? null : previous,
                    Integer.getInteger("benchmark.processRepeats", 5)).run());
        }
        System.out.println();
        System.out.println("dynamo-setup benchmark");
        for (Report report : reports) {
            System.out.println();
            report.print(System.out);
        }
    }
}
