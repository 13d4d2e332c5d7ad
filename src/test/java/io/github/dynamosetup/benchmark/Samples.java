package io.github.dynamosetup.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The repeated timings of one measurement, in milliseconds, in the order they were taken: their median
 * and range.
 *
 * @param millis each repeat's time
 */
record Samples(List<Long> millis) {

    Samples {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        millis = List.copyOf(millis);
    }

    /** Takes the measurement {@code times} times in a row. */
    static Samples of(int times, Callable<Long> measurement) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            millis.add(measurement.call());
        }
        return new Samples(millis);
    }

    /** Repeat by repeat, this time minus the other's taken alongside it. */
    Samples minus(Samples other) {
        if (other.millis.size() != millis.size()) {
            throw new IllegalArgumentException(millis.size() + " samples against " + other.millis.size());
        }
        List<Long> differences = new ArrayList<>();
        for (int i = 0; i < millis.size(); i++) {
            differences.add(millis.get(i) - other.millis.get(i));
        }
        return new Samples(differences);
    }

    double median() {
        List<Long> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    long min() {
        return sorted().get(0);
    }

    long max() {
        return sorted().get(millis.size() - 1);
    }

    private List<Long> sorted() {
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return sorted;
    }
}
