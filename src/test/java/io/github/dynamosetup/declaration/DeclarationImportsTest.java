package io.github.dynamosetup.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What package-info.java of declaration and declaration.json says they may import, checked on the sources. */
class DeclarationImportsTest {

    private static final List<String> FORBIDDEN = List.of("import org.apache.maven.", "import org.codehaus.",
            "import software.amazon.", "import io.github.dynamosetup.maven.", "import io.github.dynamosetup.core.",
            "import io.github.dynamosetup.aws.", "import io.github.dynamosetup.report.");

    @Test
    void theDeclarationKnowsNothingOfMavenAwsOrTheCore() throws Exception {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/github/dynamosetup/declaration"))) {
            List<String> imports = sources.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> lines(f).stream().filter(l -> FORBIDDEN.stream().anyMatch(l::startsWith))
                            .map(l -> f.getFileName() + ": " + l))
                    .toList();
            assertThat(imports).isEmpty();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
