package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.IndexKind;
import io.github.dynamosetup.declaration.Origin;
import io.github.dynamosetup.declaration.Place;
import io.github.dynamosetup.declaration.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The {@code ${...}} expressions of the plugin configuration that Maven could not resolve, found in the
 * configuration as written, before Maven evaluated it.
 *
 * <p>Why the written text is needed: Maven leaves no trace of an unresolved expression in what it injects.
 * A property or environment variable Maven knows is replaced while the POM is read; what is left is
 * evaluated once more when the goal is configured, and then an element that is a whole unresolved
 * expression ({@code <sortKey>${undefined.key}</sortKey>}) is injected as nothing at all (or as the
 * parameter's default: {@code <timeout>${t}</timeout>} gives PT10M), while one inside a longer value
 * ({@code <tableNamePrefix>${env.STAGE}-</tableNamePrefix>}) stays literally. Measured on Maven 3.8.7 and
 * 3.9.16. {@link MojoExecution#getConfiguration()} still holds the text before that second evaluation, so
 * each expression left in it is evaluated here the way Maven does, and one that gives nothing is reported.
 * A property Maven replaced with nothing while reading the POM leaves no expression in that text:
 * {@link EmptiedParameters} finds those of the table name's prefix and suffix in the POMs as written.
 */
final class UnresolvedExpressions {

    /** {@code ${name}}, unless escaped as {@code $${name}}. */
    static final Pattern EXPRESSION = Pattern.compile("(?<!\\$)\\$\\{([^}]*)}");

    /** What Maven makes of one {@code ${name}}; null when it cannot resolve it. */
    interface Evaluator {
        Object evaluate(String expression) throws ExpressionEvaluationException;
    }

    /**
     * One element with an expression Maven could not resolve.
     *
     * @param place where it is: in a plugin parameter ({@link PluginParameter}) or in a table of
     *     {@code <tables>} ({@link PomOrigin}), and there the setting, index or tag
     * @param element the element, in a table or index relative to it ({@code <sortKey>}, {@code <tags><Owner>})
     */
    record Found(Place place, String element, String message) {}

    private final List<Found> found;

    private UnresolvedExpressions(List<Found> found) {
        this.found = List.copyOf(found);
    }

    /**
     * The unresolved expressions of a goal's execution.
     *
     * @param tableNamePrefix the injected prefix, which a property resolving to nothing must not empty (see
     *     {@link EmptiedParameters}); the same for {@code tableNameSuffix}
     */
    static UnresolvedExpressions of(MojoExecution execution, MavenSession session, String tableNamePrefix,
            String tableNameSuffix) {
        PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, execution);
        List<Found> found = new ArrayList<>(find(execution.getConfiguration(),
                parameterExpressions(execution.getMojoDescriptor()), evaluator::evaluate).found);
        List<Model> poms = EmptiedParameters.writtenPoms(session);
        Map<PluginParameter, String> emptiable = new LinkedHashMap<>();
        emptiable.put(PluginParameter.TABLE_NAME_PREFIX, tableNamePrefix);
        emptiable.put(PluginParameter.TABLE_NAME_SUFFIX, tableNameSuffix);
        emptiable.forEach((parameter, injected) -> {
            if (found.stream().noneMatch(f -> f.place().equals(parameter.place()))) {
                EmptiedParameters.find(poms, execution.getArtifactId(), execution.getExecutionId(), parameter,
                        injected).ifPresent(found::add);
            }
        });
        return new UnresolvedExpressions(found);
    }

    /**
     * @param configuration the plugin configuration as written (after the POM's own interpolation)
     * @param parameterExpressions each parameter's own expression ({@code ${dynamo-setup.region}}), which
     *     Maven writes into the configuration of an element the user left out: not the user's to resolve
     */
    static UnresolvedExpressions find(Xpp3Dom configuration, Map<String, String> parameterExpressions,
            Evaluator evaluator) {
        List<Found> found = new ArrayList<>();
        for (Xpp3Dom parameter : configuration.getChildren()) {
            String value = parameter.getValue();
            if (parameter.getChildCount() == 0 && value != null
                    && value.trim().equals(parameterExpressions.get(parameter.getName()))) {
                continue;
            }
            if ("tables".equals(parameter.getName()) && parameter.getChildCount() > 0) {
                Xpp3Dom[] tables = parameter.getChildren();
                for (int i = 0; i < tables.length; i++) {
                    table(tables[i], new PomOrigin(i + 1), evaluator, found);
                }
            } else if ("templates".equals(parameter.getName()) && parameter.getChildCount() > 0) {
                // each <template> a place of its own, so that only those with an expression go unread
                Xpp3Dom[] templates = parameter.getChildren();
                for (int i = 0; i < templates.length; i++) {
                    String name = "<templates><" + templates[i].getName() + ">"
                            + (templates.length > 1 ? "[" + (i + 1) + "]" : "");
                    Place place = new Place(PluginParameter.TEMPLATES, null, i + 1, null, null);
                    for (Xpp3Dom element : templates[i].getChildren()) {
                        elements(element, name, place, null, evaluator, found);
                    }
                }
            } else {
                PluginParameter origin = new PluginParameter(parameter.getName());
                elements(parameter, "", origin.place(), origin.equals(PluginParameter.TAGS) ? origin : null, evaluator,
                        found);
            }
        }
        return new UnresolvedExpressions(found);
    }

    private static void table(Xpp3Dom table, PomOrigin origin, Evaluator evaluator, List<Found> found) {
        for (Xpp3Dom element : table.getChildren()) {
            IndexKind kind = switch (element.getName()) {
                case "globalSecondaryIndexes" -> IndexKind.GLOBAL;
                case "localSecondaryIndexes" -> IndexKind.LOCAL;
                default -> null;
            };
            if (kind == null) {
                Place place = origin.placeOf(null, 0, element.getName());
                elements(element, "", place, place.setting() == Setting.TAGS ? origin : null, evaluator, found);
                continue;
            }
            Xpp3Dom[] indexes = element.getChildren();
            for (int i = 0; i < indexes.length; i++) {
                for (Xpp3Dom indexElement : indexes[i].getChildren()) {
                    elements(indexElement, "", origin.placeOf(kind, i + 1, indexElement.getName()), null, evaluator,
                            found);
                }
            }
        }
    }

    /**
     * Checks an element and what it holds. Lists and maps are named by the element holding them and their
     * entry ({@code <tags><Owner>}, {@code <tableFiles><tableFile>}), the nth of several entries of one name
     * with [n]; a secondary index's {@code <nonKeyAttributes>} by the list alone, as the declaration does.
     *
     * @param place the place of the element and of all it holds, but for the tags of a tags map
     * @param tagsOf whose tags the element holds, one place each; null when it holds none
     */
    private static void elements(Xpp3Dom element, String parent, Place place, Origin tagsOf, Evaluator evaluator,
            List<Found> found) {
        String name = parent + "<" + element.getName() + ">";
        if (element.getChildCount() == 0) {
            check(element.getValue(), name, place, evaluator, found);
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Xpp3Dom child : element.getChildren()) {
            counts.merge(child.getName(), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Xpp3Dom child : element.getChildren()) {
            int nth = seen.merge(child.getName(), 1, Integer::sum);
            if (child.getChildCount() == 0 && place.setting() == Setting.NON_KEY_ATTRIBUTES) {
                check(child.getValue(), name, place, evaluator, found);
            } else if (child.getChildCount() == 0) {
                String childName = name + "<" + child.getName() + ">" + (counts.get(child.getName()) > 1 ? "[" + nth + "]" : "");
                check(child.getValue(), childName, tagsOf == null ? place : Place.tag(tagsOf, child.getName()),
                        evaluator, found);
            } else {
                elements(child, name, place, null, evaluator, found);
            }
        }
    }

    private static void check(String text, String element, Place place, Evaluator evaluator, List<Found> found) {
        if (text == null || !text.contains("${")) {
            return;
        }
        Set<String> unresolved = new LinkedHashSet<>();
        Set<String> empty = new LinkedHashSet<>();
        Matcher matcher = EXPRESSION.matcher(text);
        while (matcher.find()) {
            Object value;
            try {
                value = evaluator.evaluate(matcher.group());
            } catch (ExpressionEvaluationException | RuntimeException e) {
                value = null;
            }
            if (value == null || value instanceof String s && s.contains("${")) {
                unresolved.add(matcher.group(1).trim());
            } else if (value instanceof String s && s.isBlank()) {
                empty.add(matcher.group(1).trim());
            }
        }
        String written = "'" + text.trim() + "'";
        if (!unresolved.isEmpty() && place.setting() == Setting.RESOURCE_POLICY) {
            // IAM's policy variables are written ${aws:username}: Maven takes them for its own expressions
            found.add(new Found(place, element, "the policy holds " + expressions(unresolved) + ", which Maven could"
                    + " not resolve: for an IAM policy variable write $${...} (Maven then hands ${...} over), or put"
                    + " the policy in <resourcePolicyFile>, which Maven does not read; for a property, define it"));
            return;
        }
        if (!unresolved.isEmpty()) {
            boolean whole = unresolved.size() == 1 && text.trim().equals(expressions(unresolved));
            found.add(new Found(place, element, (whole ? written + " is an expression"
                    : written + " holds " + expressions(unresolved) + ", which") + " Maven could not resolve: "
                    + howToDefine(unresolved) + ", or remove the element"));
        } else if (!empty.isEmpty()) {
            found.add(new Found(place, element, written + " holds " + expressions(empty)
                    + ", which " + (empty.size() == 1 ? "resolves" : "resolve") + " to nothing: give "
                    + (empty.size() == 1 ? "it" : "them") + " a value, or remove the element"));
        }
    }

    /** {@code ${a} and ${b}}. */
    static String expressions(Set<String> names) {
        return String.join(" and ", names.stream().map(n -> "${" + n + "}").toList());
    }

    private static String howToDefine(Set<String> names) {
        List<String> ways = new ArrayList<>();
        for (String name : names) {
            ways.add(name.startsWith("env.")
                    ? "set the environment variable " + name.substring(4) + " (export " + name.substring(4) + "=...)"
                    : "define the property " + name + " (-D" + name + "=... or in <properties>)");
        }
        return String.join(" and ", ways);
    }

    private static Map<String, String> parameterExpressions(MojoDescriptor descriptor) {
        Map<String, String> expressions = new HashMap<>();
        if (descriptor != null && descriptor.getParameters() != null) {
            for (Parameter parameter : descriptor.getParameters()) {
                if (parameter.getExpression() != null) {
                    expressions.put(parameter.getName(), parameter.getExpression().trim());
                }
            }
        }
        return expressions;
    }

    /**
     * The unresolved elements declared in {@code origin}: a table of {@code <tables>} and its indexes, or a
     * plugin parameter.
     */
    List<Found> in(Origin origin) {
        return found.stream().filter(f -> f.place().origin().equals(origin)).toList();
    }

    /** The {@code <template>}s of {@code <templates>} holding an unresolved expression, by position from 1. */
    Set<Integer> templatesWithExpressions() {
        return in(PluginParameter.TEMPLATES).stream().map(f -> f.place().index()).collect(Collectors.toSet());
    }

    /** Whether an element at this place holds an unresolved expression. */
    boolean contains(Place place) {
        return found.stream().anyMatch(f -> f.place().equals(place));
    }

    /**
     * The problems of the plugin parameters, followed by the other {@code problems} except those at a place
     * already reported here (an {@code <endpoint>} of {@code http://${host}} is not an URL either, but the
     * expression is what to fix).
     */
    List<ConfigurationProblem> withPluginProblems(List<ConfigurationProblem> problems) {
        List<ConfigurationProblem> all = new ArrayList<>();
        found.stream().filter(f -> f.place().origin() instanceof PluginParameter).forEach(f -> all.add(
                new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, f.element(), f.message(),
                        f.place())));
        problems.stream().filter(p -> p.place() == null || !contains(p.place())).forEach(all::add);
        return all;
    }
}
