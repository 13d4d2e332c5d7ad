package io.github.dynamosetup.declaration;

/**
 * The read and write units per second a table or global secondary index can take at once, without scaling
 * first: its warm throughput
 * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html">
 * warm-throughput.html</a>).
 * Either value may be {@code null} when it was not declared: either may be declared alone.
 *
 * @param readUnitsPerSecond read units per second
 * @param writeUnitsPerSecond write units per second
 */
public record WarmThroughput(Long readUnitsPerSecond, Long writeUnitsPerSecond) {

    public static final WarmThroughput NONE = new WarmThroughput(null, null);

    /** Whether either value was declared. */
    public boolean isDeclared() {
        return readUnitsPerSecond != null || writeUnitsPerSecond != null;
    }

    /** The declared values as text, {@code 15000 read/5000 write}, a value not declared left out. */
    @Override
    public String toString() {
        if (!isDeclared()) {
            return "none";
        }
        return (readUnitsPerSecond == null ? "" : readUnitsPerSecond + " read")
                + (readUnitsPerSecond != null && writeUnitsPerSecond != null ? "/" : "")
                + (writeUnitsPerSecond == null ? "" : writeUnitsPerSecond + " write");
    }
}
