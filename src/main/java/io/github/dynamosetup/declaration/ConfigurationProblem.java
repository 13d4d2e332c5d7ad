package io.github.dynamosetup.declaration;

/**
 * One mistake in a declaration: where it is and what to do about it.
 *
 * @param table the table it concerns, as the user knows it ({@code table 'doctores'}, or
 *     {@code table #2} when the table has no name)
 * @param element the configuration element, in POM notation ({@code <partitionKey>})
 * @param message what is wrong and how to fix it
 */
public record ConfigurationProblem(String table, String element, String message) {

    /** The subject of problems that concern no single table (connection settings, global tags). */
    public static final String PLUGIN_CONFIGURATION = "plugin configuration";

    @Override
    public String toString() {
        return table + ", " + element + ": " + message;
    }
}
