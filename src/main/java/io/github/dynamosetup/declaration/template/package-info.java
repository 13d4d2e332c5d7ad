/**
 * CloudFormation, SAM and CDK templates as declarations: {@link io.github.dynamosetup.declaration.template.CloudFormationTemplate}
 * reads a YAML or JSON template (YAML short forms such as {@code !Ref} and {@code !Sub} included), resolves the
 * intrinsic functions of its table resources as CloudFormation does (parameters and their constraints, pseudo
 * parameters, conditions, mappings) and hands their properties, free of intrinsic functions, to the reader that
 * turns them into {@link io.github.dynamosetup.declaration.DeclaredTable}s. Whatever cannot be resolved is a
 * {@link io.github.dynamosetup.declaration.template.TemplateProblem} naming the resource and the property.
 * {@link io.github.dynamosetup.declaration.template.TemplateTableReader} then reads each table resource with
 * CloudFormation's defaults, through the table file's readers of {@code declaration.json} where the shapes are
 * CreateTable's, and {@link io.github.dynamosetup.declaration.template.TemplateOrigin} names the file, the logical ID
 * and the property path in its problems.
 *
 * <p>{@code TemplateLoader} reads the file (JSON with Jackson, YAML with {@code YamlTemplate}, over SnakeYAML's
 * node graph); {@code TemplateParameters}, {@code TemplateConditions} and {@code IntrinsicResolver} resolve;
 * {@code SamGlobals} applies what SAM's transform does to a {@code SimpleTable}; {@code Problems} collects the
 * problems of one template, each at an {@code At}.
 *
 * <p>Imports the JDK, Jackson, SnakeYAML and {@code declaration} only: no Maven, no AWS SDK, nothing of {@code core}.
 */
package io.github.dynamosetup.declaration.template;
