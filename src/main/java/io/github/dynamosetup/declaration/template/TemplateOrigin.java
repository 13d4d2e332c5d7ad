package io.github.dynamosetup.declaration.template;

import io.github.dynamosetup.declaration.IndexKind;
import io.github.dynamosetup.declaration.Origin;
import io.github.dynamosetup.declaration.Place;
import io.github.dynamosetup.declaration.Setting;
import io.github.dynamosetup.declaration.json.JsonOrigin;
import java.util.Map;

/**
 * A table declared by a resource of a CloudFormation template: problems name the file, the resource's logical ID
 * and the property path ({@code Resources.Orders.Properties.GlobalSecondaryIndexes[0].KeySchema}).
 *
 * <p>{@code AWS::DynamoDB::Table} writes its settings where a table file does (its properties are CreateTable's,
 * and the reader shares the table file's), so paths and places are a table file's under
 * {@code Resources.<id>.Properties}; {@code AWS::Serverless::SimpleTable} and {@code AWS::DynamoDB::GlobalTable}
 * write a few settings elsewhere, given in {@code elsewhere}.
 *
 * @param file the template, as messages name it (relative to the project)
 * @param logicalId the resource's logical ID
 * @param elsewhere the property path (from {@code $}, the resource's Properties) of the table's settings that its
 *     type writes elsewhere than a table file
 */
public record TemplateOrigin(String file, String logicalId, Map<Setting, String> elsewhere) implements Origin {

    public TemplateOrigin {
        elsewhere = Map.copyOf(elsewhere);
    }

    /** An {@code AWS::DynamoDB::Table}'s. */
    public TemplateOrigin(String file, String logicalId) {
        this(file, logicalId, Map.of());
    }

    /** What messages show for {@code $}: {@code Resources.Orders.Properties}. */
    public String root() {
        return "Resources." + logicalId + ".Properties";
    }

    @Override
    public String describe() {
        return "resource " + logicalId + " of template " + file;
    }

    @Override
    public String subject(String tableName) {
        return (tableName == null || tableName.isBlank() ? "table" : "table '" + tableName + "'") + " (" + file
                + ", resource " + logicalId + ")";
    }

    @Override
    public String element(Setting setting) {
        String path = elsewhere.getOrDefault(setting, JsonOrigin.pathOf(null, 0, setting));
        return path == null ? root() : root() + path.substring(1);
    }

    @Override
    public String indexElement(IndexKind kind, int position, String indexName, Setting setting) {
        return root() + JsonOrigin.pathOf(kind, position, setting).substring(1);
    }

    @Override
    public Place place(IndexKind kind, int position, Setting setting) {
        return JsonOrigin.placeIn(this, kind, position, setting);
    }

    /** The place a path from {@code $} (the resource's Properties) lies in. */
    public Place placeOf(String path) {
        return elsewhere.entrySet().stream()
                .filter(e -> path.equals(e.getValue()) || path.startsWith(e.getValue() + ".")
                        || path.startsWith(e.getValue() + "["))
                .map(e -> place(null, 0, e.getKey()))
                .findFirst()
                .orElseGet(() -> JsonOrigin.placeOf(this, path));
    }

    @Override
    public String tagElement(String key) {
        return element(Setting.TAGS) + "[Key=" + key + "]";
    }

    @Override
    public boolean emptyTagValuesAllowed() {
        return true;
    }
}
