package io.github.dynamosetup.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One table of the benchmark's output: a row per measurement with its median, range, ratio and target,
 * and, when a previous version is measured alongside, that version's median and the ratio of the two.
 * Each row is printed as it is measured, and the whole table again at the end.
 */
final class Report {

    private static final String FORMAT = "%-74s %10s %16s %22s %10s";
    private static final String PREVIOUS_FORMAT = " %12s %9s";

    private final String title;
    private final String previousVersion;
    private final List<String> lines = new ArrayList<>();

    /**
     * @param title what the table measures, and how
     * @param previousVersion the version measured alongside, or null
     */
    Report(String title, String previousVersion) {
        this.title = title;
        this.previousVersion = previousVersion;
        String header = String.format(Locale.ROOT, FORMAT, "measurement", "median", "min..max", "ratio", "target");
        if (previousVersion != null) {
            header += String.format(Locale.ROOT, PREVIOUS_FORMAT, previousVersion, "cur/prev");
        }
        add(header);
    }

    /** A row of timings, with no previous version to compare with. */
    void row(String what, Samples samples, String ratio, String target) {
        row(what, ms(samples.median()), range(samples), ratio, target);
    }

    /** A row of timings, and the previous version's median and the ratio of the medians when it was measured. */
    void row(String what, Samples current, String ratio, String target, Samples previous) {
        String line = format(what, ms(current.median()), range(current), ratio, target);
        if (previousVersion != null) {
            line += previous == null ? ""
                    : String.format(Locale.ROOT, PREVIOUS_FORMAT, ms(previous.median()),
                            ratio(current.median() / previous.median()));
        }
        add(line);
    }

    /** A row of other figures (a heap size, say). */
    void row(String what, String median, String range, String ratio, String target) {
        add(format(what, median, range, ratio, target));
    }

    void print(PrintStream out) {
        out.println(title);
        lines.forEach(out::println);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String range(Samples samples) {
        return samples.millis().size() < 2 ? "" : samples.min() + ".." + samples.max() + " ms";
    }

    private static String format(String what, String median, String range, String ratio, String target) {
        return String.format(Locale.ROOT, FORMAT, what, median, range, ratio, target);
    }

    private void add(String line) {
        lines.add(line);
        System.out.println(line);
    }
}
