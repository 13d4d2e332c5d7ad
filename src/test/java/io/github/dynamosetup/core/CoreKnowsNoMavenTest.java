package io.github.dynamosetup.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core knows DynamoDB, not Maven: remedies in Maven words come from the Maven layer ({@link Remedies}). */
class CoreKnowsNoMavenTest {

    private static final Path CORE = Path.of("src/main/java/io/github/dynamosetup/core");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(CORE)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void noStringOfTheCoreNamesAMavenCommandOrProperty() throws IOException {
        assertThat(sources()).isNotEmpty();
        for (Path source : sources()) {
            Matcher literal = STRING.matcher(Files.readString(source));
            while (literal.find()) {
                assertThat(literal.group()).as(source.getFileName() + ": a string literal")
                        .doesNotContain("mvn ").doesNotContain("-Ddynamo-setup").doesNotContain("dynamo-setup:");
            }
        }
    }

    @Test
    void theCoreImportsNothingOfMaven() throws IOException {
        for (Path source : sources()) {
            assertThat(Files.readAllLines(source)).as(source.getFileName().toString())
                    .noneMatch(line -> line.startsWith("import org.apache.maven")
                            || line.startsWith("import io.github.dynamosetup.maven")
                            || line.startsWith("import io.github.dynamosetup.report"));
        }
    }
}
