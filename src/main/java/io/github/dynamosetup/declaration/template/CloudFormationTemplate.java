package io.github.dynamosetup.declaration.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** The resource types that are tables: what {@link #read} returns, and what a {@code Ref} gives the name of. */
    static final Set<String> TABLE_TYPES = Set.of(TemplateResource.TABLE, TemplateResource.GLOBAL_TABLE,
            TemplateResource.SIMPLE_TABLE);
    /** https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-product-attribute-reference.html */
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "Condition", "DependsOn",
            "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");
    private static final String FOR_EACH = "Fn::ForEach::";

    private CloudFormationTemplate() {}

    /**
     * Reads the template and resolves its tables' properties as CloudFormation would deploy it with the
     * context's stack name, region, account and parameters ({@link TemplateParameters}, {@link IntrinsicResolver},
     * {@link TemplateConditions}, {@link SamGlobals} say how). Only the table resources are resolved: the other
     * resources (functions, queues, {@code AWS::CDK::Metadata}), {@code Rules} and {@code Outputs} are not read, so
     * their {@code Fn::GetAtt}s and parameters without value are no problem. Problems of the file as a whole (it
     * cannot be read, it is not a template) have the path {@code ""}; syntax errors {@code line L, column C}.
     * Nothing is thrown, whatever the file holds.
     *
     * @param file the template
     * @param context the stack name, region, account and parameter values to resolve it with
     */
    public static Resolved read(Path file, TemplateContext context) {
        Problems problems = new Problems();
        List<TemplateResource> tables = new ArrayList<>();
        try {
            Optional<ObjectNode> root = TemplateLoader.load(file, problems);
            if (root.isPresent()) {
                tables = resolve(root.get(), context, problems);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of the plugin, not of the template: still a problem, never an exception out of the reader
            problems.add(null, "", "The plugin failed to read the template (" + e + "); please report it to the "
                    + "plugin's authors with the template.");
            tables = List.of();
        }
        return new Resolved(List.copyOf(tables), problems.list());
    }

    private static List<TemplateResource> resolve(ObjectNode root, TemplateContext context, Problems problems) {
        TemplateParameters parameters = new TemplateParameters(root.get("Parameters"), context.parameters(),
                problems);
        TemplateConditions conditions = new TemplateConditions(root.get("Conditions"), problems);
        JsonNode mappings = root.get("Mappings");
        if (mappings != null && !mappings.isObject()) {
            problems.add(null, "Mappings", "Mappings must be a map of map names to maps.");
            mappings = null;
        }
        ObjectNode resources = (ObjectNode) root.get("Resources");
        IntrinsicResolver resolver = new IntrinsicResolver(context, parameters, conditions, mappings, resources,
                problems);
        boolean serverless = SamGlobals.isServerless(root);
        SamGlobals globals = serverless ? SamGlobals.of(root, problems) : null;

        List<TemplateResource> tables = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) resources::fields) {
            String logicalId = entry.getKey();
            At at = At.resource(logicalId);
            JsonNode resource = entry.getValue();
            if (logicalId.startsWith(FOR_EACH)) {
                if (resource.toString().contains("AWS::DynamoDB::") || resource.toString().contains("SimpleTable")) {
                    problems.add(at, "Fn::ForEach (AWS::LanguageExtensions) makes tables the plugin does not expand:"
                            + " declare each table as a resource of its own.");
                }
                continue;
            }
            if (!(resource instanceof ObjectNode fields) || !fields.path("Type").isTextual()) {
                problems.add(at, "A resource is a map with a Type (AWS::DynamoDB::Table, ...) and its Properties.");
                continue;
            }
            String type = fields.get("Type").asText();
            if (!TABLE_TYPES.contains(type)) {
                continue;
            }
            table(logicalId, type, fields, at, resolver, conditions, globals, problems).ifPresent(tables::add);
        }
        conditions.evaluateTheRest();
        return tables;
    }

    private static Optional<TemplateResource> table(String logicalId, String type, ObjectNode fields, At at,
            IntrinsicResolver resolver, TemplateConditions conditions, SamGlobals globals, Problems problems) {
        fields.fieldNames().forEachRemaining(key -> {
            if (!RESOURCE_KEYS.contains(key)) {
                problems.add(at.key(key), key + " is not a resource attribute: a resource has Type, Properties, "
                        + "Condition, DependsOn, DeletionPolicy, UpdateReplacePolicy, Metadata, CreationPolicy and "
                        + "UpdatePolicy; the table's settings go into Properties.");
            }
        });
        if (type.equals(TemplateResource.SIMPLE_TABLE) && globals == null) {
            problems.add(at.key("Type"), "AWS::Serverless::SimpleTable is a SAM resource: CloudFormation refuses it "
                    + "unless the template has Transform: " + SamGlobals.SERVERLESS_TRANSFORM + ".");
            return Optional.empty();
        }
        JsonNode condition = fields.get("Condition");
        if (condition != null) {
            if (!condition.isTextual()) {
                problems.add(at.key("Condition"), "Condition takes the name of a condition of the template.");
                return Optional.empty();
            }
            Optional<Boolean> holds = conditions.holds(condition.asText(), at.key("Condition"));
            if (holds.isEmpty() || !holds.get()) {
                return Optional.empty();
            }
        }
        JsonNode properties = fields.get("Properties");
        if (properties == null) {
            properties = JsonNodeFactory.instance.objectNode();
        }
        if (!properties.isObject()) {
            problems.add(at.key("Properties"), "Properties must be a map of the table's properties.");
            return Optional.empty();
        }
        if (type.equals(TemplateResource.SIMPLE_TABLE)) {
            properties = globals.mergeInto((ObjectNode) properties);
        }
        JsonNode resolved = resolver.resolve(properties, at.key("Properties"));
        if (resolved == IntrinsicResolver.NO_VALUE) {
            resolved = JsonNodeFactory.instance.objectNode();
        }
        if (resolved == null) {
            return Optional.empty();
        }
        if (!(resolved instanceof ObjectNode object)) {
            problems.add(at.key("Properties"), "Properties must be a map of the table's properties.");
            return Optional.empty();
        }
        return Optional.of(new TemplateResource(logicalId, type, object));
    }
}
