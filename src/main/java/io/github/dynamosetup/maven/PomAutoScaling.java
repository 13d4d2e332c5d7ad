package io.github.dynamosetup.maven;

/**
 * An {@code <autoScaling>} of a {@code PROVISIONED} table or of one of its global secondary indexes, as Maven fills
 * it in: {@code <read>} and {@code <write>}, either may be left out.
 */
public class PomAutoScaling {

    /** Auto scaling of read capacity. */
    PomScaling read;

    /** Auto scaling of write capacity. */
    PomScaling write;

    /** A {@code <read>} or {@code <write>} of {@code <autoScaling>}. */
    public static class PomScaling {

        /** The fewest capacity units auto scaling may leave, at least 1. */
        Long min;

        /** The most capacity units auto scaling may provision, at least {@code min}. */
        Long max;

        /** The percentage of consumed to provisioned capacity auto scaling keeps, 10 to 90. */
        Double targetUtilization;
    }
}
