package io.github.dynamosetup.declaration.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The tests of this package: a template given as text, written into a fresh folder and read. */
abstract class Templates {

    static final TemplateContext CONTEXT = new TemplateContext("orders-dev", "eu-west-1", "123456789012", Map.of());

    @TempDir
    Path folder;

    CloudFormationTemplate.Resolved read(String text) {
        return read(text, CONTEXT);
    }

    CloudFormationTemplate.Resolved read(String text, TemplateContext context) {
        return CloudFormationTemplate.read(write("template.yaml", text.getBytes(StandardCharsets.UTF_8)), context);
    }

    CloudFormationTemplate.Resolved read(String text, Map<String, String> parameters) {
        return read(text, new TemplateContext(CONTEXT.stackName(), CONTEXT.region(), CONTEXT.accountId(),
                parameters));
    }

    Path write(String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TemplateContext inRegion(String region) {
        return new TemplateContext(CONTEXT.stackName(), region, CONTEXT.accountId(), Map.of());
    }
}
