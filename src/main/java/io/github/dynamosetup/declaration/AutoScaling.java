package io.github.dynamosetup.declaration;

/**
 * Auto scaling of a provisioned table's or global secondary index's capacity, through Application Auto Scaling:
 * a scalable target (minimum and maximum capacity units) and a target tracking policy (the utilization to keep)
 * for reads, for writes, or both. Values may break the rules until the declaration has been validated.
 *
 * @param read reads' scaling; {@code null} when read capacity is not auto scaled
 * @param write writes' scaling; {@code null} when write capacity is not auto scaled
 */
public record AutoScaling(Dimension read, Dimension write) {

    /** No auto scaling declared. */
    public static final AutoScaling NONE = new AutoScaling(null, null);

    /** Whether reads or writes are auto scaled. */
    public boolean isDeclared() {
        return read != null || write != null;
    }

    /**
     * The scaling of one capacity dimension (reads or writes).
     *
     * @param minCapacity the fewest capacity units auto scaling may leave
     * @param maxCapacity the most capacity units auto scaling may provision
     * @param targetUtilization the percentage of consumed to provisioned capacity that auto scaling keeps
     */
    public record Dimension(Long minCapacity, Long maxCapacity, Double targetUtilization) {}
}
