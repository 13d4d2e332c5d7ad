package io.github.dynamosetup.maven;

import io.github.dynamosetup.aws.ConnectionSettings;
import io.github.dynamosetup.aws.DynamoDbConnection;
import io.github.dynamosetup.aws.Endpoints;
import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.template.TemplateContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The templates {@code <templates>} names, each file with what it is resolved with: the stack name, the region the
 * plugin works in, the account and the parameters' values.
 */
final class TemplateFiles {

    /** The account moto and DynamoDB Local answer with, and so {@code AWS::AccountId} on a loopback endpoint. */
    static final String LOCAL_ACCOUNT_ID = "123456789012";

    /** One template file, and its context. */
    record TemplateFile(Path file, TemplateContext context) {}

    private TemplateFiles() {}

    /**
     * The files of every {@code <template>}, each once per entry (a glob's matches sorted).
     *
     * @param skipped the positions (from 1) of the {@code <template>}s not to read: those holding a {@code ${...}}
     *     Maven could not resolve, reported as such
     * @param artifactId the default stack name
     * @param connection gives the region (found as the connection finds it, without any call) and tells whether the
     *     endpoint is a loopback one
     */
    static List<TemplateFile> resolve(Path basedir, List<PomTemplate> templates, Set<Integer> skipped,
            String artifactId, ConnectionSettings connection, List<ConfigurationProblem> problems) {
        List<TemplateFile> files = new ArrayList<>();
        String region = DynamoDbConnection.regionOf(connection);
        for (int i = 0; i < templates.size(); i++) {
            PomTemplate template = templates.get(i);
            if (template == null || skipped.contains(i + 1)) {
                continue;
            }
            if (template.file == null || template.file.isBlank()) {
                problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION,
                        "<templates><template>", "has no <file>; name the template, e.g."
                        + " <file>template.yaml</file> or <file>cdk.out/*.template.json</file>"));
                continue;
            }
            String accountId = blankToNull(template.accountId);
            if (accountId == null && Endpoints.isLoopback(connection.endpoint())) {
                accountId = LOCAL_ACCOUNT_ID;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            if (template.parameters != null) {
                // an element written empty is an empty value, which CloudFormation takes for a String parameter
                template.parameters.forEach((name, value) -> parameters.put(name, value == null ? "" : value));
            }
            TemplateContext context = new TemplateContext(template.stackName == null || template.stackName.isBlank()
                    ? artifactId : template.stackName.trim(), region, accountId, parameters);
            // found as <tableFile>s are; problems name the element <templates><template><file>
            for (Path file : TableFiles.resolve(basedir, List.of(template.file), "templates><template", "file",
                    problems)) {
                files.add(new TemplateFile(file, context));
            }
        }
        return files;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
