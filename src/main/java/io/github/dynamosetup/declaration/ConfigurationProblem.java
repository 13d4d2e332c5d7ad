package io.github.dynamosetup.declaration;

/**
 * One mistake in a declaration: where it is and what to do about it.
 *
 * @param table the table it concerns, as the user knows it ({@code table 'doctores'}, or
 *     {@code table #2} when the table has no name)
 * @param element the configuration element, in POM notation ({@code <partitionKey>})
 * @param message what is wrong and how to fix it
 * @param place where it lies: in the declared tables, or in a setting outside them whose reader gives it an
 *     {@link Origin} of its own (a plugin parameter); {@code null} for a problem that has no place (an
 *     environment variable, settings.xml)
 */
public record ConfigurationProblem(String table, String element, String message, Place place) {

    /** The subject of problems that concern no single table (connection settings, global tags). */
    public static final String PLUGIN_CONFIGURATION = "plugin configuration";

    /** A problem outside the declared tables. */
    public ConfigurationProblem(String table, String element, String message) {
        this(table, element, message, null);
    }

    @Override
    public String toString() {
        return table + ", " + element + ": " + message;
    }
}
