package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/**
 * The POMs as written, where a property set but empty has left no {@code ${...}} in what Maven injected
 * (measured on Maven 3.8.7 and 3.9.16, see the unresolved-properties IT).
 */
class EmptiedParametersTest {

    /** A POM as written, with the plugin's configuration (and that of the execution {@code provision}). */
    private static Model pom(String configuration, String executionConfiguration) throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.github.dynamosetup");
        plugin.setArtifactId("dynamo-setup-maven-plugin");
        plugin.setConfiguration(configuration == null ? null : Xpp3DomBuilder.build(
                new StringReader("<configuration>" + configuration + "</configuration>")));
        if (executionConfiguration != null) {
            PluginExecution execution = new PluginExecution();
            execution.setId("provision");
            execution.setConfiguration(Xpp3DomBuilder.build(
                    new StringReader("<configuration>" + executionConfiguration + "</configuration>")));
            plugin.addExecution(execution);
        }
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        return model;
    }

    private static String emptied(List<Model> poms, String executionId, String parameter, String injected) {
        return EmptiedParameters.find(poms, "dynamo-setup-maven-plugin", executionId, new PluginParameter(parameter),
                injected).map(UnresolvedExpressions.Found::message).orElse(null);
    }

    @Test
    void aPrefixOrSuffixThatAPropertySetButEmptyEmptiesIsAProblem() throws Exception {
        // STAGE set to "": Maven replaced it while reading the POM; only the POM as written shows it
        assertThat(emptied(List.of(pom("<tableNamePrefix>${env.STAGE}-</tableNamePrefix>", null)), "default-cli",
                "tableNamePrefix", "-")).isEqualTo("'${env.STAGE}-' gives '-' because ${env.STAGE} resolves to"
                        + " nothing (set but empty): give it a value, or write <tableNamePrefix></tableNamePrefix> to"
                        + " mean none");
        assertThat(emptied(List.of(pom("<tableNameSuffix>${stage}</tableNameSuffix>", null)), "default-cli",
                "tableNameSuffix", null)).startsWith("'${stage}' gives '' because ${stage} resolves to nothing");
        // in an execution's configuration, and in a parent POM
        assertThat(emptied(List.of(new Model(), pom(null, "<tableNamePrefix>${a}-${b}-</tableNamePrefix>")),
                "provision", "tableNamePrefix", "dev--")).startsWith("'${a}-${b}-' gives 'dev--' because ${b}"
                        + " resolves to nothing");
    }

    @Test
    void aPrefixWrittenEmptyOrResolvedToAValueIsNot() throws Exception {
        assertThat(emptied(List.of(pom("<tableNamePrefix></tableNamePrefix>", null)), "default-cli",
                "tableNamePrefix", null)).isNull();
        assertThat(emptied(List.of(pom("<tableNamePrefix>${env.STAGE}-</tableNamePrefix>", null)), "default-cli",
                "tableNamePrefix", "dev-")).isNull();
        // set on the command line (-Ddynamo-setup.tableNamePrefix=), not in the POM
        assertThat(emptied(List.of(pom("<region>eu-west-1</region>", null)), "default-cli", "tableNamePrefix", ""))
                .isNull();
        // another execution's configuration is not this one's
        assertThat(emptied(List.of(pom(null, "<tableNamePrefix>${env.STAGE}-</tableNamePrefix>")), "other",
                "tableNamePrefix", "-")).isNull();
    }
}
