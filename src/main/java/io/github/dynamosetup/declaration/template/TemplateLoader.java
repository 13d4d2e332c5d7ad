package io.github.dynamosetup.declaration.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a template file into a JSON tree, JSON or YAML, told apart by content (a file whose first non-blank
 * character is <code>{</code> is JSON, read strictly, duplicate keys refused; any other is YAML), not by name, so
 * that {@code cdk.out/*.template.json}, {@code template.yaml} and {@code template.json} all read; and makes sure it
 * is a CloudFormation template: a map with a {@code Resources} map.
 */
final class TemplateLoader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private TemplateLoader() {}

    /** The template's root, or empty with the problems why not. */
    static Optional<ObjectNode> load(Path file, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.add(null, "", "The file does not exist: check the template's <file>.");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            problems.add(null, "", "The file cannot be read: " + e.getMessage() + ".");
            return Optional.empty();
        }
        return parse(bytes, problems).flatMap(root -> template(root, problems));
    }

    static Optional<JsonNode> parse(byte[] bytes, Problems problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(null, "", "The file is not UTF-8 text, so it is not a CloudFormation template (JSON or "
                    + "YAML, in UTF-8).");
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            problems.add(null, "", "The file is empty: it is not a CloudFormation template.");
            return Optional.empty();
        }
        if (text.stripLeading().startsWith("{")) {
            return json(text, problems);
        }
        return YamlTemplate.read(text, problems);
    }

    private static Optional<JsonNode> json(String text, Problems problems) {
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String place = location == null ? "" : "line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            problems.add(null, place, "The JSON is not well-formed: " + e.getOriginalMessage() + ".");
            return Optional.empty();
        }
    }

    private static Optional<ObjectNode> template(JsonNode root, Problems problems) {
        if (!(root instanceof ObjectNode object)) {
            problems.add(null, "", "The file is not a CloudFormation template: it holds "
                    + (root.isArray() ? "a list" : root.isNull() ? "nothing" : "a single value")
                    + " where a template has a map with a Resources section.");
            return Optional.empty();
        }
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html:
        // Resources is the one section every template has
        JsonNode resources = object.get("Resources");
        if (resources == null) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            problems.add(null, "", "The file is not a CloudFormation template: it has no Resources section ("
                    + (keys.isEmpty() ? "it is an empty map" : "its top-level keys are "
                            + String.join(", ", keys.subList(0, Math.min(keys.size(), 8)))
                            + (keys.size() > 8 ? ", ..." : "")) + ")."
                    + (keys.contains("service") && keys.contains("provider")
                            // the Serverless Framework's serverless.yml: its resources.Resources use ${self:...}
                            // variables only the framework resolves; `serverless package` writes the template
                            ? " It looks like a Serverless Framework serverless.yml: run serverless package and give the"
                                    + " CloudFormation template it writes, .serverless/cloudformation-template-update"
                                    + "-stack.json."
                            : ""));
            return Optional.empty();
        }
        if (!resources.isObject()) {
            problems.add(null, "Resources", "Resources must be a map of logical IDs to resources.");
            return Optional.empty();
        }
        return Optional.of(object);
    }
}
