/**
 * Table files: the JSON that {@code aws dynamodb create-table --cli-input-json} takes, read into
 * {@link io.github.dynamosetup.declaration.DeclaredTable}s by
 * {@link io.github.dynamosetup.declaration.json.TableFileReader}, which reports the problems of the format at
 * JSON paths ({@link io.github.dynamosetup.declaration.json.JsonOrigin}) and leaves DynamoDB's rules to the
 * declaration. It reads the table's own sections and hands the others to {@code KeySchemaReader} (attribute
 * definitions and key schemas), {@code SecondaryIndexReader} and {@code BillingReader} (billing mode and
 * throughput), all reading through {@code JsonFields}, which types the fields and collects the file's problems.
 * {@code TableSectionReader} reads the sections a table file shares with CloudFormation (Tags, TTL, point-in-time
 * recovery). These readers are public for {@code declaration.template}, which reads an {@code AWS::DynamoDB::Table}'s
 * properties (CreateTable's, with CloudFormation's differences) through them, in its own
 * {@link io.github.dynamosetup.declaration.json.JsonFields.Notation}.
 *
 * <p>Imports the JDK, Jackson and {@code declaration} only: no Maven, no AWS SDK, nothing of {@code core}.
 */
package io.github.dynamosetup.declaration.json;
