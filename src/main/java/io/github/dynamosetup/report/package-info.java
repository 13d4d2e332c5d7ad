/**
 * What the user reads about a run, both made from the core's events: the console lines
 * ({@link io.github.dynamosetup.report.ConsoleReport}, written to a {@link io.github.dynamosetup.report.Console})
 * and the JSON report {@code <goal>-report.json} ({@link io.github.dynamosetup.report.JsonReport}).
 *
 * <p>Imports {@code core} and {@code declaration}; never Maven: the Maven layer hands it the build log as a
 * {@code Console} and Maven's words as the core's {@code Remedies}.
 */
package io.github.dynamosetup.report;
