/**
 * The Maven layer: the goals (one mojo each, over {@code AbstractDynamoSetupMojo} and, for the goals that talk to
 * DynamoDB, {@code AbstractProvisioningMojo}), the POM configuration beans ({@code Pom*}, filled by Maven's
 * configurator) and their mapping to the declaration ({@code DeclarationMapper}, {@code KeyNotation} for
 * {@code name:TYPE}, {@code PomOrigin} and {@code PluginParameter}, which name POM elements in problems and give
 * them their places), the table files' globs ({@code TableFiles}), unresolved {@code ${...}} expressions, the
 * failures the goals end in, the relay of the core's events to Maven's log on the mojo's own thread, and the results
 * of {@code create} and {@code validate} that the modules of one build share ({@code BuildResults}).
 *
 * <p>The only package that imports Maven; it may import every package of the plugin. Wording that names Maven
 * syntax (goals, {@code -D} properties, POM elements) lives here.
 */
package io.github.dynamosetup.maven;
