package io.github.dynamosetup.maven;

import static io.github.dynamosetup.maven.UnresolvedExpressions.EXPRESSION;
import static io.github.dynamosetup.maven.UnresolvedExpressions.expressions;

import io.github.dynamosetup.maven.UnresolvedExpressions.Found;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Plugin parameters that a property set but empty emptied. Maven replaces such a property while it reads the
 * POM, so no {@code ${...}} is left of it in the configuration that {@link UnresolvedExpressions} checks; only
 * the POMs as written show it.
 */
final class EmptiedParameters {

    private EmptiedParameters() {}

    /** The POMs as written, the project's first, then its parents', as far as Maven gives them. */
    static List<Model> writtenPoms(MavenSession session) {
        List<Model> models = new ArrayList<>();
        try {
            for (MavenProject project = session.getCurrentProject(); project != null; project = project.getParent()) {
                if (project.getOriginalModel() != null) {
                    models.add(project.getOriginalModel());
                }
            }
        } catch (RuntimeException e) {
            // a parent Maven cannot give: check what was found
        }
        return models;
    }

    /**
     * A parameter written with {@code ${...}} in the POM that Maven resolved to nothing: {@code
     * <tableNamePrefix>${env.STAGE}-</tableNamePrefix>} with STAGE set but empty gives {@code -}, and {@code
     * <tableNamePrefix>${stage}</tableNamePrefix>} with an empty property no prefix at all. A parameter written
     * empty, or set with {@code -Ddynamo-setup.tableNamePrefix=}, is empty on purpose.
     *
     * @param models the POMs as written, the project's first, then its parents'
     * @param injected what Maven injected
     */
    static Optional<Found> find(List<Model> models, String pluginArtifactId, String executionId,
            PluginParameter parameter, String injected) {
        String value = injected == null ? "" : injected.trim();
        for (Model model : models) {
            for (Plugin plugin : plugins(model)) {
                if (!pluginArtifactId.equals(plugin.getArtifactId())) {
                    continue;
                }
                List<Object> configurations = new ArrayList<>();
                configurations.add(plugin.getConfiguration());
                plugin.getExecutions().stream().filter(e -> e.getId().equals(executionId))
                        .forEach(e -> configurations.add(e.getConfiguration()));
                for (Object configuration : configurations) {
                    Xpp3Dom element = configuration instanceof Xpp3Dom dom ? dom.getChild(parameter.name()) : null;
                    String written = element == null || element.getValue() == null ? null : element.getValue().trim();
                    Set<String> empty = written == null ? Set.of() : emptyExpressions(written, value);
                    if (!empty.isEmpty()) {
                        return Optional.of(new Found(parameter.place(), parameter.describe(), "'" + written
                                + "' gives '" + value + "' because " + expressions(empty) + (empty.size() == 1
                                ? " resolves" : " resolve") + " to nothing (set but empty): give it a value, or write <"
                                + parameter.name() + "></" + parameter.name() + "> to mean none"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The expressions of {@code written} that gave nothing in {@code value}, when {@code value} came from it. */
    private static Set<String> emptyExpressions(String written, String value) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher matcher = EXPRESSION.matcher(written);
        int end = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(written.substring(end, matcher.start()))).append("(.*)");
            names.add(matcher.group(1).trim());
            end = matcher.end();
        }
        regex.append(Pattern.quote(written.substring(end)));
        Matcher match = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value);
        Set<String> empty = new LinkedHashSet<>();
        if (!names.isEmpty() && match.matches()) {
            for (int i = 0; i < names.size(); i++) {
                if (match.group(i + 1).isBlank()) {
                    empty.add(names.get(i));
                }
            }
        }
        return empty;
    }

    private static List<Plugin> plugins(Model model) {
        List<Plugin> plugins = new ArrayList<>();
        List<BuildBase> builds = new ArrayList<>();
        builds.add(model.getBuild());
        model.getProfiles().forEach(profile -> builds.add(profile.getBuild()));
        for (BuildBase build : builds) {
            if (build != null) {
                plugins.addAll(build.getPlugins());
                if (build.getPluginManagement() != null) {
                    plugins.addAll(build.getPluginManagement().getPlugins());
                }
            }
        }
        return plugins;
    }
}
