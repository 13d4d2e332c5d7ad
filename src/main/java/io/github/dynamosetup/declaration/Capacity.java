package io.github.dynamosetup.declaration;

/**
 * Provisioned throughput of a table or global secondary index, in capacity units per second.
 * Either value may be {@code null} when it was not declared; validation reports that.
 *
 * @param readCapacityUnits read capacity units
 * @param writeCapacityUnits write capacity units
 */
public record Capacity(Long readCapacityUnits, Long writeCapacityUnits) {

    public static final Capacity NONE = new Capacity(null, null);

    /** Whether either value was declared. */
    public boolean isDeclared() {
        return readCapacityUnits != null || writeCapacityUnits != null;
    }

    /** Whether both values were declared. */
    public boolean isComplete() {
        return readCapacityUnits != null && writeCapacityUnits != null;
    }
}
