package io.github.dynamosetup.declaration.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code Conditions} section, each condition evaluated once, when first needed, with the condition functions
 * of <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html">the
 * condition functions reference</a>: {@code Fn::Equals} (two values, compared as strings), {@code Fn::And} and
 * {@code Fn::Or} (2 to 10 conditions), {@code Fn::Not} (one), and {@code {"Condition": "Name"}}, nested. The values
 * {@code Fn::Equals} compares are resolved like any other ({@code Ref} to parameters and pseudo parameters,
 * {@code Fn::FindInMap}, ...), but a condition cannot refer to a resource, as
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html">the
 * Conditions section</a> says. An unknown condition and a condition that depends on itself are problems.
 */
final class TemplateConditions {

    private static final int MIN_CONDITIONS = 2;
    private static final int MAX_CONDITIONS = 10;

    private final ObjectNode section;
    private final Problems problems;
    private final Map<String, Optional<Boolean>> evaluated = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();
    private IntrinsicResolver resolver;

    TemplateConditions(JsonNode section, Problems problems) {
        this.problems = problems;
        if (section instanceof ObjectNode object) {
            this.section = object;
        } else {
            if (section != null) {
                problems.add(null, "Conditions", "Conditions must be a map of condition names to conditions.");
            }
            this.section = JsonNodeFactory.instance.objectNode();
        }
    }

    void resolveWith(IntrinsicResolver resolver) {
        this.resolver = resolver;
    }

    /** Whether the condition holds; empty when it cannot be evaluated (the problem is reported). */
    Optional<Boolean> holds(String name, At referrer) {
        if (!section.has(name)) {
            List<String> names = new ArrayList<>();
            section.fieldNames().forEachRemaining(names::add);
            problems.add(referrer, "There is no condition " + name + " in the template's Conditions ("
                    + (names.isEmpty() ? "it has none" : "it has " + String.join(", ", names)) + ").");
            return Optional.empty();
        }
        Optional<Boolean> known = evaluated.get(name);
        if (known != null) {
            return known;
        }
        At at = At.root("Conditions").key(name);
        if (!evaluating.add(name)) {
            List<String> cycle = new ArrayList<>(evaluating);
            cycle = cycle.subList(cycle.indexOf(name), cycle.size());
            problems.add(at, "Condition " + name + " depends on itself (" + String.join(" -> ", cycle) + " -> "
                    + name + "): CloudFormation refuses circular conditions.");
            return Optional.empty();
        }
        Optional<Boolean> value = evaluate(section.get(name), at);
        evaluating.remove(name);
        evaluated.put(name, value);
        return value;
    }

    /**
     * Evaluates the conditions no table needed: CloudFormation validates every condition of a template when it
     * deploys it, so a condition it would refuse (an unknown name, a malformed function, a cycle) is reported
     * wherever it is used. Only missing values are not: those of a condition no table uses are CloudFormation's
     * business at deployment, not the plugin's.
     */
    void evaluateTheRest() {
        problems.muteUnknownValues();
        section.fieldNames().forEachRemaining(name -> holds(name, At.root("Conditions").key(name)));
    }

    private Optional<Boolean> evaluate(JsonNode condition, At at) {
        if (!(condition instanceof ObjectNode call) || call.size() != 1) {
            problems.add(at, "A condition is one of Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition.");
            return Optional.empty();
        }
        String function = call.fieldNames().next();
        JsonNode argument = call.get(function);
        switch (function) {
            case "Condition" -> {
                if (!argument.isTextual()) {
                    problems.add(at, "Condition takes the name of another condition.");
                    return Optional.empty();
                }
                return holds(argument.asText(), at);
            }
            case "Fn::Equals" -> {
                if (!argument.isArray() || argument.size() != 2) {
                    problems.add(at, "Fn::Equals takes a list of two values to compare.");
                    return Optional.empty();
                }
                JsonNode left = resolver.argument(argument.get(0), at);
                JsonNode right = resolver.argument(argument.get(1), at);
                if (left == null || right == null) {
                    return Optional.empty();
                }
                return Optional.of(IntrinsicResolver.sameValue(left, right));
            }
            case "Fn::Not" -> {
                if (!argument.isArray() || argument.size() != 1) {
                    problems.add(at, "Fn::Not takes a list of one condition.");
                    return Optional.empty();
                }
                return evaluate(argument.get(0), at).map(value -> !value);
            }
            case "Fn::And", "Fn::Or" -> {
                if (!argument.isArray() || argument.size() < MIN_CONDITIONS || argument.size() > MAX_CONDITIONS) {
                    problems.add(at, function + " takes a list of " + MIN_CONDITIONS + " to " + MAX_CONDITIONS
                            + " conditions; nest " + function + " for more.");
                    return Optional.empty();
                }
                boolean and = function.equals("Fn::And");
                boolean result = and;
                boolean whole = true;
                // every operand is evaluated, so that all their problems come at once
                for (JsonNode operand : argument) {
                    Optional<Boolean> value = evaluate(operand, at);
                    whole &= value.isPresent();
                    result = and ? result && value.orElse(true) : result || value.orElse(false);
                }
                return whole ? Optional.of(result) : Optional.empty();
            }
            default -> {
                problems.add(at, function + " is not a condition function: a condition is one of Fn::Equals, "
                        + "Fn::And, Fn::Or, Fn::Not or Condition.");
                return Optional.empty();
            }
        }
    }
}
