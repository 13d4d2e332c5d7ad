package io.github.dynamosetup.declaration.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * What SAM's transform does to a template before CloudFormation resolves it, as far as tables go: a template is a
 * SAM template when its {@code Transform} (a string or a list) names {@code AWS::Serverless-2016-10-31}, and only
 * then may it declare {@code AWS::Serverless::SimpleTable}s; their properties take those of
 * {@code Globals.SimpleTable} as
 * <a href="https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html">the
 * Globals section of the AWS SAM template</a> merges them: the resource's value wins for a string, a number, a
 * boolean or an intrinsic function, and where the two values are of different kinds; maps are merged key by key,
 * the same way; lists are concatenated, the Globals' entries first. SAM supports only {@code SSESpecification} in
 * {@code Globals.SimpleTable}.
 */
final class SamGlobals {

    static final String SERVERLESS_TRANSFORM = "AWS::Serverless-2016-10-31";
    private static final Set<String> SIMPLE_TABLE_PROPERTIES = Set.of("SSESpecification");

    private final ObjectNode simpleTable;

    private SamGlobals(ObjectNode simpleTable) {
        this.simpleTable = simpleTable;
    }

    static boolean isServerless(JsonNode root) {
        JsonNode transform = root.get("Transform");
        if (transform == null) {
            return false;
        }
        if (transform.isTextual()) {
            return transform.asText().equals(SERVERLESS_TRANSFORM);
        }
        for (JsonNode name : transform) {
            if (name.isTextual() && name.asText().equals(SERVERLESS_TRANSFORM)) {
                return true;
            }
        }
        return false;
    }

    /** The template's {@code Globals.SimpleTable}, checked; none when the template has none. */
    static SamGlobals of(JsonNode root, Problems problems) {
        ObjectNode none = JsonNodeFactory.instance.objectNode();
        JsonNode globals = root.get("Globals");
        if (globals == null) {
            return new SamGlobals(none);
        }
        if (!globals.isObject()) {
            problems.add(null, "Globals", "Globals must be a map of resource kinds (Function, SimpleTable, ...) to "
                    + "their common properties.");
            return new SamGlobals(none);
        }
        JsonNode section = globals.get("SimpleTable");
        if (section == null) {
            return new SamGlobals(none);
        }
        if (!(section instanceof ObjectNode properties)) {
            problems.add(null, "Globals.SimpleTable", "Globals.SimpleTable must be a map of properties.");
            return new SamGlobals(none);
        }
        ObjectNode supported = JsonNodeFactory.instance.objectNode();
        properties.fields().forEachRemaining(property -> {
            if (SIMPLE_TABLE_PROPERTIES.contains(property.getKey())) {
                supported.set(property.getKey(), property.getValue());
            } else {
                problems.add(null, "Globals.SimpleTable." + property.getKey(), "SAM does not support "
                        + property.getKey() + " in Globals.SimpleTable (only SSESpecification): move it to each "
                        + "SimpleTable's Properties.");
            }
        });
        return new SamGlobals(supported);
    }

    /** A SimpleTable's properties with the Globals merged in. */
    ObjectNode mergeInto(ObjectNode properties) {
        return (ObjectNode) merge(simpleTable, properties);
    }

    private static JsonNode merge(JsonNode global, JsonNode local) {
        if (global instanceof ObjectNode globalMap && local instanceof ObjectNode localMap
                && !isFunction(globalMap) && !isFunction(localMap)) {
            ObjectNode merged = globalMap.deepCopy();
            localMap.fields().forEachRemaining(entry -> merged.set(entry.getKey(),
                    merged.has(entry.getKey()) ? merge(merged.get(entry.getKey()), entry.getValue())
                            : entry.getValue()));
            return merged;
        }
        if (global instanceof ArrayNode globalList && local instanceof ArrayNode localList) {
            ArrayNode merged = globalList.deepCopy();
            merged.addAll(localList);
            return merged;
        }
        return local;
    }

    private static boolean isFunction(ObjectNode map) {
        if (map.size() != 1) {
            return false;
        }
        String key = map.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }
}
