package io.github.dynamosetup.localserver;

import java.util.List;
import java.util.Optional;

/**
 * Backends whose answers a test chooses, to test the choice without this machine's.
 *
 * @param dockerAnswers whether a Docker engine answers
 * @param motoRuns whether moto can run
 * @param dynaliteCommand the command that runs dynalite, if any
 */
public record FixedBackends(boolean dockerAnswers, boolean motoRuns, Optional<List<String>> dynaliteCommand)
        implements Backends {

    /** Only moto. */
    public static FixedBackends moto() {
        return new FixedBackends(false, true, Optional.empty());
    }

    /** Nothing at all. */
    public static FixedBackends none() {
        return new FixedBackends(false, false, Optional.empty());
    }
}
