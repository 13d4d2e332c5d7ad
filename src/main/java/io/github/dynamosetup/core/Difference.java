package io.github.dynamosetup.core;

/**
 * One way a live table differs from its declaration, written {@code what: declared -> live}.
 *
 * @param what the setting, e.g. {@code ttl}, {@code tag Environment}, {@code partition key}
 * @param declared the declared value, {@code none} when nothing is declared
 * @param live the live value, {@code none} when the table has none
 * @param kind whether create can fix it
 * @param change what create does about it; null when it does nothing
 * @param advice what the user can do, for what create does not fix
 */
public record Difference(String what, String declared, String live, Kind kind, Change change, String advice) {

    /** What can be done about a difference. */
    public enum Kind {
        /** create fixes it in place. */
        FIXABLE,
        /** It can be fixed in place, but not by create alone: an AWS limit, an opt-in, or a human decision. */
        MANUAL,
        /** Only a new table would have it (keys, local secondary indexes). */
        INCOMPATIBLE
    }

    @Override
    public String toString() {
        return what + ": " + declared + " -> " + live;
    }
}
