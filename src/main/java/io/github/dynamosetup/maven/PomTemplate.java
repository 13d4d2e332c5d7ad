package io.github.dynamosetup.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code <template>} of {@code <templates>}: a CloudFormation template (SAM templates and {@code cdk synth} output
 * are templates too) whose table resources the plugin declares, and what to resolve it with.
 */
public class PomTemplate {

    /** The template, or a glob of templates ({@code cdk.out/*.template.json}), relative to the project. */
    String file;

    /** The value of {@code AWS::StackName}; the project's artifactId when unset. */
    String stackName;

    /** Values of the template's parameters, by name; a parameter not given takes its {@code Default}. */
    Map<String, String> parameters = new LinkedHashMap<>();

    /**
     * The value of {@code AWS::AccountId}. When unset: {@code 123456789012} with a loopback endpoint (the account
     * moto and DynamoDB Local use); else a reference to it is a problem, as the plugin does not call STS to resolve
     * a template.
     */
    String accountId;
}
