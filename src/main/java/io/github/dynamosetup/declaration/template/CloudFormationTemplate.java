package io.github.dynamosetup.declaration.template;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a CloudFormation template (YAML or JSON; SAM templates and {@code cdk synth} output are templates too) and
 * resolves its table resources. See {@link #read(Path, TemplateContext)}.
 */
public final class CloudFormationTemplate {

    /**
     * The table resources of a template and every problem found on the way.
     *
     * @param tables the {@code AWS::DynamoDB::Table}, {@code AWS::Serverless::SimpleTable} and
     *     {@code AWS::DynamoDB::GlobalTable} resources whose condition holds, in the template's order
     * @param problems all problems at once: syntax, parameters (missing values, constraints), conditions, and
     *     values of the tables' properties that cannot be resolved ({@code Fn::GetAtt}, {@code Fn::ImportValue},
     *     ...); none of the other resources' problems, which the plugin never reads
     */
    public record Resolved(List<TemplateResource> tables, List<TemplateProblem> problems) {}

    private CloudFormationTemplate() {}

    /**
     * @param file the template
     * @param context the stack name, region, account and parameter values to resolve it with
     */
    public static Resolved read(Path file, TemplateContext context) {
        throw new UnsupportedOperationException("issue 15: being written on branch cfn-resolve");
    }
}
