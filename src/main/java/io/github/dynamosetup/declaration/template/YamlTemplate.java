package io.github.dynamosetup.declaration.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML template into the JSON tree a JSON template would give: the short forms of the intrinsic
 * functions become their long forms ({@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Condition C} is {@code {"Condition": "C"}}, every other
 * {@code !Name} is {@code {"Fn::Name": ...}}), as
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">the
 * intrinsic function reference</a> writes each function in both forms.
 *
 * <p>Scalars are typed as CloudFormation's YAML parser types them: the YAML 1.1 booleans ({@code yes},
 * {@code No}, {@code on}, {@code OFF}, {@code true}, ...) are booleans — an unquoted {@code Value: YES} reaches
 * a resource as {@code true} (aws-cli quotes those words for this reason, aws/aws-cli#5257); decimal integers and
 * decimal fractions are numbers, kept as written; {@code ~}, {@code null} and an empty value are null; everything
 * else is a string, dates such as {@code 2010-09-09} included (YAML 1.1's timestamps, octal and sexagesimal numbers
 * are not resolved). Quoted scalars are strings. A key that appears twice in a map is a problem: what
 * CloudFormation makes of duplicates is undefined, its
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html">template
 * format</a> page warns.
 */
final class YamlTemplate {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * The functions written {@code !Name} for {@code Fn::Name}: the intrinsic and condition functions, those of
     * {@code AWS::LanguageExtensions}, and the rule functions of {@code Rules} (which the plugin does not evaluate,
     * but a template may write them so).
     */
    private static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "Length", "ToJsonString", "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf",
            "ValueOfAll");

    /** Sizes well beyond the 1 MB CloudFormation accepts: what is larger is not a template. */
    private static final int CODE_POINT_LIMIT = 32 * 1024 * 1024;
    private static final int NESTING_DEPTH_LIMIT = 500;

    /**
     * At most this many values, aliases expanded: well beyond what a template of 1 MB (CloudFormation's limit) holds,
     * and a bound on what a few aliases of aliases can grow into.
     */
    private static final int VALUE_LIMIT = 3_000_000;

    private final Problems problems;
    private int values;

    private YamlTemplate(Problems problems) {
        this.problems = problems;
    }

    /** The single document of {@code text}, or empty with the problems why not. */
    static Optional<JsonNode> read(String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(CODE_POINT_LIMIT);
        options.setNestingDepthLimit(NESTING_DEPTH_LIMIT);
        List<Node> documents = new ArrayList<>();
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options),
                    new CloudFormationResolver(), options);
            while (composer.checkNode()) {
                documents.add(composer.getNode());
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(null, place(mark), "The YAML is not well-formed: " + what(e) + ".");
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(null, "", "The YAML cannot be read: " + e.getMessage() + ".");
            return Optional.empty();
        }
        if (documents.size() > 1) {
            problems.add(null, place(documents.get(1).getStartMark()), "The file holds " + documents.size()
                    + " YAML documents; a CloudFormation template is a single document.");
            return Optional.empty();
        }
        if (documents.isEmpty()) {
            return Optional.of(JSON.nullNode());
        }
        YamlTemplate reader = new YamlTemplate(problems);
        JsonNode root = reader.convert(documents.get(0), new IdentityHashMap<>());
        return Optional.ofNullable(root);
    }

    private static String what(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        return problem == null ? "syntax error" : problem.strip();
    }

    static String place(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** {@code null} where the node could not be read (the problem is reported). */
    private JsonNode convert(Node node, Map<Node, Boolean> onPath) {
        if (onPath.containsKey(node)) {
            problems.add(null, place(node.getStartMark()),
                    "An alias refers to a node that contains it: a template cannot be recursive.");
            return null;
        }
        if (++values > VALUE_LIMIT) {
            if (values == VALUE_LIMIT + 1) {
                problems.add(null, place(node.getStartMark()), "The YAML holds more than " + VALUE_LIMIT
                        + " values once its aliases are expanded: it is not a template CloudFormation accepts.");
            }
            return null;
        }
        onPath.put(node, true);
        try {
            Tag tag = node.getTag();
            if (tag.getValue().startsWith("!") && !tag.getValue().startsWith("!!")) {
                return shortForm(tag.getValue().substring(1), node, onPath);
            }
            return content(node, onPath);
        } finally {
            onPath.remove(node);
        }
    }

    private JsonNode shortForm(String name, Node node, Map<Node, Boolean> onPath) {
        String function;
        JsonNode argument;
        if (name.equals("Ref") || name.equals("Condition")) {
            function = name;
            argument = node instanceof ScalarNode scalar ? JSON.textNode(scalar.getValue()) : content(node, onPath);
        } else if (FUNCTIONS.contains(name)) {
            function = "Fn::" + name;
            if (name.equals("GetAtt") && node instanceof ScalarNode scalar) {
                // !GetAtt Resource.Attribute: the resource's logical ID ends at the first dot
                String value = scalar.getValue();
                int dot = value.indexOf('.');
                argument = dot < 0 ? JSON.arrayNode().add(value)
                        : JSON.arrayNode().add(value.substring(0, dot)).add(value.substring(dot + 1));
            } else {
                argument = node instanceof ScalarNode scalar ? JSON.textNode(scalar.getValue())
                        : content(node, onPath);
            }
        } else {
            problems.add(null, place(node.getStartMark()), "!" + name + " is not a CloudFormation intrinsic "
                    + "function: write one of !Ref, !Sub, !Join, !Select, !Split, !If, !Equals, !And, !Or, !Not, "
                    + "!Condition, !FindInMap, or quote the value if it is a string.");
            return null;
        }
        if (argument == null) {
            return null;
        }
        ObjectNode call = JSON.objectNode();
        call.set(function, argument);
        return call;
    }

    private JsonNode content(Node node, Map<Node, Boolean> onPath) {
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            boolean whole = true;
            for (Node item : sequence.getValue()) {
                JsonNode value = convert(item, onPath);
                whole &= value != null;
                if (value != null) {
                    array.add(value);
                }
            }
            return whole ? array : null;
        }
        MappingNode mapping = (MappingNode) node;
        ObjectNode object = JSON.objectNode();
        boolean whole = true;
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                problems.add(null, place(entry.getKeyNode().getStartMark()),
                        "A key must be a plain string, not a list or a map.");
                whole = false;
                continue;
            }
            String name = key.getValue();
            if (object.has(name)) {
                problems.add(null, place(key.getStartMark()), "The key " + name + " appears twice in the same map, "
                        + "and which of the two CloudFormation would take is undefined: keep one.");
                whole = false;
                continue;
            }
            JsonNode value = convert(entry.getValueNode(), onPath);
            whole &= value != null;
            if (value != null) {
                object.set(name, value);
            }
        }
        return whole ? object : null;
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.BOOL.equals(tag)) {
            String lower = value.toLowerCase(Locale.ROOT);
            return JSON.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on"));
        }
        if (Tag.INT.equals(tag) && CloudFormationResolver.INT.matcher(value).matches()) {
            BigInteger number = new BigInteger(value.startsWith("+") ? value.substring(1) : value);
            return number.bitLength() < 32 ? JSON.numberNode(number.intValue())
                    : number.bitLength() < 64 ? JSON.numberNode(number.longValue()) : JSON.numberNode(number);
        }
        if (Tag.FLOAT.equals(tag) && CloudFormationResolver.FLOAT.matcher(value).matches()) {
            return JSON.numberNode(new BigDecimal(value));
        }
        if (Tag.NULL.equals(tag)) {
            return JSON.nullNode();
        }
        return JSON.textNode(value);
    }

    /** The implicit types of plain scalars that CloudFormation's YAML parser gives (see the class comment). */
    private static final class CloudFormationResolver extends Resolver {

        static final Pattern BOOL = Pattern.compile("^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE"
                + "|on|On|ON|off|Off|OFF)$");
        static final Pattern INT = Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$");
        static final Pattern FLOAT = Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, Resolver.NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
        }
    }
}
