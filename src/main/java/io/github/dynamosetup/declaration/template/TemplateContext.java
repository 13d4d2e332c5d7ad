package io.github.dynamosetup.declaration.template;

import java.util.Map;

/**
 * What a template is resolved with, as CloudFormation would deploy it.
 *
 * @param stackName the value of {@code AWS::StackName}
 * @param region the value of {@code AWS::Region} (the region the plugin works in); it also gives
 *     {@code AWS::Partition} and {@code AWS::URLSuffix}, and picks a global table's replica
 * @param accountId the value of {@code AWS::AccountId}; {@code null} when the plugin does not know it (a
 *     reference to it is then a problem)
 * @param parameters values of the template's parameters, by name (a list parameter's value is comma-separated);
 *     a parameter not given takes its {@code Default}
 */
public record TemplateContext(String stackName, String region, String accountId, Map<String, String> parameters) {

    public TemplateContext {
        parameters = Map.copyOf(parameters);
    }
}
