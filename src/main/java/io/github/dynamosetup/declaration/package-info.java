/**
 * The tables a build declares, as an immutable model: {@link io.github.dynamosetup.declaration.DeclaredTable}
 * with its keys, indexes and settings; {@link io.github.dynamosetup.declaration.DeclarationRules}, DynamoDB's
 * rules and the plugin's for them (those of one table in {@code TableRules}); and
 * {@link io.github.dynamosetup.declaration.Declaration}, the tables once they follow the rules. Each table keeps
 * its {@link io.github.dynamosetup.declaration.Origin}, so that every
 * {@link io.github.dynamosetup.declaration.ConfigurationProblem} names the element or path the user edits, and
 * a {@link io.github.dynamosetup.declaration.Place} that tells whether a place has a problem already.
 *
 * <p>Imports the JDK only: no Maven, no AWS SDK, nothing of {@code core}. Readers of other notations live
 * below it ({@code declaration.json}); the POM's mapping lives in {@code maven}.
 */
package io.github.dynamosetup.declaration;
