package io.github.dynamosetup.declaration.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A table resource of a template whose {@code Condition} (if any) holds, with its properties resolved.
 *
 * @param logicalId its logical ID ({@code OrdersTable})
 * @param type {@code AWS::DynamoDB::Table}, {@code AWS::Serverless::SimpleTable} or {@code AWS::DynamoDB::GlobalTable}
 * @param properties its {@code Properties} with every intrinsic function resolved: plain JSON values only (a value
 *     that resolved to {@code AWS::NoValue} is left out, as CloudFormation leaves it out); for a
 *     {@code SimpleTable}, SAM's {@code Globals.SimpleTable} merged in. A value that could not be resolved is left
 *     out too, and reported as a {@link TemplateProblem} at its path. An empty object when the resource has no
 *     {@code Properties}.
 */
public record TemplateResource(String logicalId, String type, ObjectNode properties) {

    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";
    public static final String GLOBAL_TABLE = "AWS::DynamoDB::GlobalTable";

    /** Where a property of this resource lies, for {@link TemplateProblem#path()}: {@code Resources.<id>.Properties.<p>}. */
    public String path(String property) {
        return "Resources." + logicalId + ".Properties" + (property.isEmpty() || property.startsWith("[") ? "" : ".")
                + property;
    }
}
