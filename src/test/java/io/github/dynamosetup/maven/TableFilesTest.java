package io.github.dynamosetup.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code <tableFiles>} finds its files, and what it says when the file system does not let it. A
 * folder that no one can list (see {@link #unreadableFolderIn}) shows what a walk reaches: were it walked,
 * the walk would report it.
 */
class TableFilesTest {

    @TempDir
    Path project;

    private final List<ConfigurationProblem> problems = new ArrayList<>();
    private final List<Path> deepTrees = new ArrayList<>();

    private List<String> resolve(String... patterns) {
        return TableFiles.resolve(project, List.of(patterns), problems).stream()
                .map(file -> TableFiles.displayName(project, file)).toList();
    }

    private Path file(String path) throws Exception {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}");
    }

    /**
     * A folder in {@code directory} that cannot be listed, by root either: a folder deep below it has a path
     * longer than the system allows (PATH_MAX, 4096 bytes on Linux), so the walk fails there with "File name
     * too long". chmod 000 would not do: the tests may run as root, whom permissions do not stop.
     */
    private Path unreadableFolderIn(String directory) throws Exception {
        Path parent = Files.createDirectories(project.resolve(directory));
        String name = "d".repeat(200);
        run("mkdir", new ProcessBuilder("mkdir", "-p", String.join("/", Collections.nCopies(24, name)))
                .directory(parent.toFile()));
        deepTrees.add(parent.resolve(name));
        return parent.resolve(name);
    }

    @AfterEach
    void removeDeepTrees() throws Exception {
        for (Path tree : deepTrees) {
            // Java cannot delete what it cannot name; rm walks down with relative names
            run("rm", new ProcessBuilder("rm", "-rf", tree.toString()));
        }
    }

    private static void run(String name, ProcessBuilder command) throws Exception {
        try (ChildProcess process = ChildProcess.start(name, command)) {
            ChildProcess.Exit exit = process.awaitExit(Duration.ofSeconds(30));
            assertThat(exit.code()).as(exit.output()).isZero();
        }
    }

    @Test
    void aGlobWalksOnlyTheFolderItNamesAndOnlyAsDeepAsItReaches() throws Exception {
        file("src/main/dynamodb/orders.json");
        file("src/main/dynamodb/old/legacy.json");
        unreadableFolderIn("src/main/dynamodb/old");
        unreadableFolderIn("src/test");

        assertThat(resolve("src/main/dynamodb/*.json")).containsExactly("src/main/dynamodb/orders.json");
        assertThat(problems).isEmpty();
    }

    @Test
    void doubleStarCrossesFoldersButNotGitNodeModulesOrTarget() throws Exception {
        file("tables/orders.json");
        file("tables/legacy/audit.json");
        file("node_modules/some-package/package.json");
        unreadableFolderIn("node_modules/some-package");
        unreadableFolderIn(".git/objects");
        file("module/target/classes/copy.json");
        unreadableFolderIn("module/target");

        assertThat(resolve("**/*.json")).containsExactly("tables/legacy/audit.json", "tables/orders.json");
        assertThat(problems).isEmpty();
    }

    @Test
    void aPatternThatNamesNodeModulesOrTargetLooksThere() throws Exception {
        file("node_modules/@shop/tables/orders.json");
        file("module/target/generated/audit.json");

        assertThat(resolve("node_modules/@shop/tables/*.json", "**/target/generated/*.json"))
                .containsExactly("node_modules/@shop/tables/orders.json", "module/target/generated/audit.json");
        assertThat(problems).isEmpty();
    }

    @Test
    void aFolderTheWalkCannotReadIsAProblemNamingTheEntryAndThePath() throws Exception {
        file("tables/orders.json");
        Path unreadable = unreadableFolderIn("tables");

        assertThat(resolve("**/*.json")).containsExactly("tables/orders.json");
        assertThat(problems).singleElement().asString()
                .startsWith("plugin configuration, <tableFiles><tableFile>**/*.json</tableFile>: cannot read "
                        + TableFiles.displayName(project, unreadable) + "/")
                .endsWith(" (File name too long); give the build read access to it, or narrow the pattern so that"
                        + " it does not reach there");
    }

    @Test
    void aFileWhereTheGlobNamesAFolderIsAProblem() throws Exception {
        file("tables.json");

        assertThat(resolve("tables.json/*.json")).isEmpty();
        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly("plugin configuration,"
                + " <tableFiles><tableFile>tables.json/*.json</tableFile>: tables.json is a file, not a directory, so"
                + " the glob finds nothing in it; name the folder that holds the table files");
    }

    @Test
    void anInvalidGlobIsAProblem() {
        assertThat(resolve("tables/[orders.json")).isEmpty();
        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly("plugin configuration,"
                + " <tableFiles><tableFile>tables/[orders.json</tableFile>: '[orders.json' is not a valid glob"
                + " (Missing ']); use * for any name, ** to cross folders, ? for one character");
    }

    @Test
    void aPathNoFileCanHaveIsAProblem() {
        assertThat(resolve("tables/orders\u0000.json")).isEmpty();
        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly("plugin configuration,"
                + " <tableFiles><tableFile>tables/orders\u0000.json</tableFile>: 'tables/orders\u0000.json' is not a"
                + " valid path here (Nul character not allowed); correct it");
    }

    @Test
    void whatMatchesNothingIsAProblem() {
        assertThat(resolve("tables/*.json", "legacy/audit.json")).isEmpty();
        assertThat(problems).extracting(ConfigurationProblem::toString).containsExactly(
                "plugin configuration, <tableFiles><tableFile>tables/*.json</tableFile>: matches no file under "
                        + project + "; correct the path (relative to the project) or remove it",
                "plugin configuration, <tableFiles><tableFile>legacy/audit.json</tableFile>: no such file under "
                        + project + "; correct the path (relative to the project) or remove it");
    }
}
