package io.github.dynamosetup.declaration.template;

/**
 * Something in a template that the plugin cannot resolve, check or apply.
 *
 * @param logicalId the resource concerned, {@code null} for a problem of the template itself (its syntax, a
 *     parameter, a condition)
 * @param path where in the template, from its root: {@code Resources.Orders.Properties.TableName},
 *     {@code Parameters.Stage}, {@code Conditions.IsProd}, {@code Resources.Orders.Properties.Tags[1].Value}; for a
 *     syntax error, {@code line L, column C}
 * @param message what is wrong and how to fix it, one sentence or two, without the file's name (the caller
 *     adds it)
 */
public record TemplateProblem(String logicalId, String path, String message) {}
