package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.ConfigurationProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the files {@code <tableFiles>} names: paths or globs ({@code tables/*.json}, {@code **}) relative to the project. */
final class TableFiles {

    private TableFiles() {}

    /** The files, each once, in the order named (a glob's matches sorted); what matches nothing is a problem. */
    static List<Path> resolve(Path basedir, List<String> patterns, List<ConfigurationProblem> problems) {
        Set<Path> files = new LinkedHashSet<>();
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank() || pattern.contains("${")) {
                continue; // an unresolved ${...} is reported as such: see UnresolvedExpressions
            }
            String trimmed = pattern.trim();
            List<Path> matches = isGlob(trimmed) ? glob(basedir, trimmed) : single(basedir, trimmed);
            if (matches.isEmpty()) {
                problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION,
                        "<tableFiles><tableFile>" + trimmed + "</tableFile>", (isGlob(trimmed) ? "matches no file"
                        : "no such file") + " under " + basedir + "; correct the path (relative to the project) or"
                        + " remove it"));
            }
            files.addAll(matches);
        }
        return new ArrayList<>(files);
    }

    /** How messages name a file: relative to the project when it is inside it. */
    static String displayName(Path basedir, Path file) {
        return file.startsWith(basedir) ? basedir.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    private static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static List<Path> single(Path basedir, String path) {
        Path file = basedir.resolve(path).normalize();
        return Files.isRegularFile(file) ? List.of(file) : List.of();
    }

    private static List<Path> glob(Path basedir, String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace('\\', '/'));
        try (Stream<Path> walk = Files.walk(basedir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(basedir.resolve("target")))
                    .filter(f -> matcher.matches(basedir.relativize(f)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
