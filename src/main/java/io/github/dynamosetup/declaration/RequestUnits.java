package io.github.dynamosetup.declaration;

/**
 * The most read and write request units per second an on-demand table or index may use; {@code null}
 * where not declared, -1 for no limit.
 *
 * @param maxReadRequestUnits the read limit
 * @param maxWriteRequestUnits the write limit
 */
public record RequestUnits(Long maxReadRequestUnits, Long maxWriteRequestUnits) {

    public static final RequestUnits NONE = new RequestUnits(null, null);

    /** Whether either limit was declared. */
    public boolean isDeclared() {
        return maxReadRequestUnits != null || maxWriteRequestUnits != null;
    }
}
