package io.github.dynamosetup.benchmark;

import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The Maven projects the whole-process rows build, as a user would write them: the plugin with its
 * version, an endpoint and the tables. Each is a folder of its own with its own {@code .mvn}, so that
 * Maven takes nothing from the checkout around it.
 */
final class Projects {

    private static final String PLUGIN = """
            <groupId>io.github.dynamosetup</groupId>
            <artifactId>dynamo-setup-maven-plugin</artifactId>""";

    private Projects() {}

    /** One project whose plugin declares the tables, with {@code tags} on every table; no execution. */
    static void single(Path directory, String version, URI endpoint, List<DeclaredTable> tables,
            Map<String, String> tags) throws IOException {
        write(directory, pom(directory.getFileName().toString(), """
                  <build>
                    <plugins>
                      <plugin>
                %s
                        <version>%s</version>
                        <configuration>
                %s
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                """.formatted(indent(PLUGIN, 8), version, indent(configuration(endpoint, tables, tags), 10))));
        Files.createDirectories(directory.resolve(".mvn"));
    }

    /**
     * A reactor: a parent whose {@code <pluginManagement>} declares the tables with {@code create} in
     * pre-integration-test and {@code validate} in verify, and {@code modules} modules that each use the plugin.
     */
    static void reactor(Path directory, String version, URI endpoint, List<DeclaredTable> tables,
            Map<String, String> tags, int modules) throws IOException {
        String parent = directory.getFileName().toString();
        List<String> names = IntStream.rangeClosed(1, modules).mapToObj(i -> "module-" + i).toList();
        write(directory, pom(parent, """
                  <modules>
                %s
                  </modules>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin>
                %s
                          <version>%s</version>
                          <configuration>
                %s
                          </configuration>
                          <executions>
                            <execution>
                              <id>create-tables</id>
                              <phase>pre-integration-test</phase>
                              <goals><goal>create</goal></goals>
                            </execution>
                            <execution>
                              <id>validate-tables</id>
                              <phase>verify</phase>
                              <goals><goal>validate</goal></goals>
                            </execution>
                          </executions>
                        </plugin>
                      </plugins>
                    </pluginManagement>
                  </build>
                """.formatted(
                names.stream().map(name -> "    <module>" + name + "</module>").collect(Collectors.joining("\n")),
                indent(PLUGIN, 10), version, indent(configuration(endpoint, tables, tags), 12))));
        Files.createDirectories(directory.resolve(".mvn"));
        for (String name : names) {
            write(directory.resolve(name), pom(name, """
                      <parent>
                        <groupId>benchmark</groupId>
                        <artifactId>%s</artifactId>
                        <version>1</version>
                      </parent>
                      <build>
                        <plugins>
                          <plugin>
                    %s
                          </plugin>
                        </plugins>
                      </build>
                    """.formatted(parent, indent(PLUGIN, 8))));
        }
    }

    /** The keys, global secondary indexes and TTL of each table: what the benchmark's tables declare. */
    private static String configuration(URI endpoint, List<DeclaredTable> tables, Map<String, String> tags) {
        StringBuilder xml = new StringBuilder("<endpoint>").append(endpoint).append("</endpoint>\n");
        if (!tags.isEmpty()) {
            xml.append("<tags>\n");
            tags.forEach((key, value) -> xml.append("  <").append(key).append('>').append(value)
                    .append("</").append(key).append(">\n"));
            xml.append("</tags>\n");
        }
        xml.append("<tables>\n");
        for (DeclaredTable table : tables) {
            xml.append("  <table>\n    <name>").append(table.name()).append("</name>\n");
            xml.append("    <partitionKey>").append(table.partitionKey()).append("</partitionKey>\n");
            if (table.sortKey() != null) {
                xml.append("    <sortKey>").append(table.sortKey()).append("</sortKey>\n");
            }
            if (!table.globalSecondaryIndexes().isEmpty()) {
                xml.append("    <globalSecondaryIndexes>\n");
                for (DeclaredGlobalIndex index : table.globalSecondaryIndexes()) {
                    xml.append("      <globalSecondaryIndex>\n        <name>").append(index.name())
                            .append("</name>\n        <partitionKey>").append(index.partitionKey())
                            .append("</partitionKey>\n");
                    if (index.sortKey() != null) {
                        xml.append("        <sortKey>").append(index.sortKey()).append("</sortKey>\n");
                    }
                    xml.append("        <projection>").append(index.projection()).append("</projection>\n")
                            .append("      </globalSecondaryIndex>\n");
                }
                xml.append("    </globalSecondaryIndexes>\n");
            }
            if (table.timeToLiveAttribute() != null) {
                xml.append("    <timeToLiveAttribute>").append(table.timeToLiveAttribute())
                        .append("</timeToLiveAttribute>\n");
            }
            xml.append("  </table>\n");
        }
        return xml.append("</tables>").toString();
    }

    /** A POM of packaging pom, with the body's elements after its coordinates. */
    private static String pom(String artifactId, String body) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>benchmark</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                %s</project>
                """.formatted(artifactId, body);
    }

    private static String indent(String text, int spaces) {
        return text.lines().map(line -> " ".repeat(spaces) + line).collect(Collectors.joining("\n"));
    }

    private static void write(Path directory, String pom) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
    }
}
