package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.ConfigurationProblem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the files {@code <tableFiles>} names: paths or globs ({@code tables/*.json}, {@code **}) relative to
 * the project. A glob is matched by walking only the directory its literal part names
 * ({@code src/main/dynamodb} for {@code src/main/dynamodb/*.json}), only as deep as the pattern reaches
 * (any depth with {@code **}), and not into {@code .git}, {@code node_modules} or {@code target} unless the
 * pattern names them. What cannot be read is a problem naming the entry and the path.
 */
final class TableFiles {

    /** Directories that hold no table files of the project's own: version control, npm packages, build output. */
    private static final Set<String> NOT_WALKED = Set.of(".git", "node_modules", "target");

    private TableFiles() {}

    /** The files, each once, in the order named (a glob's matches sorted); what matches nothing is a problem. */
    static List<Path> resolve(Path basedir, List<String> patterns, List<ConfigurationProblem> problems) {
        return resolve(basedir, patterns, "tableFiles", "tableFile", problems);
    }

    /**
     * The same for another list parameter of files ({@code <itemFiles><itemFile>}), whose elements problems name.
     */
    static List<Path> resolve(Path basedir, List<String> patterns, String list, String element,
            List<ConfigurationProblem> problems) {
        Set<Path> files = new LinkedHashSet<>();
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank() || pattern.contains("${")) {
                continue; // an unresolved ${...} is reported as such: see UnresolvedExpressions
            }
            Entry entry = new Entry(basedir, pattern.trim(), "<" + list + "><" + element + ">" + pattern.trim() + "</"
                    + element + ">", problems);
            files.addAll(entry.files());
        }
        return new ArrayList<>(files);
    }

    /** How messages name a file: relative to the project when it is inside it. */
    static String displayName(Path basedir, Path file) {
        return file.startsWith(basedir) ? basedir.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    /** One {@code <tableFile>}: a path or a glob. */
    private static final class Entry {
        private final Path basedir;
        private final String pattern;
        private final String element;
        private final List<ConfigurationProblem> problems;
        private boolean reported;

        Entry(Path basedir, String pattern, String element, List<ConfigurationProblem> problems) {
            this.basedir = basedir;
            this.pattern = pattern;
            this.element = element;
            this.problems = problems;
        }

        List<Path> files() {
            boolean glob = isGlob(pattern);
            List<Path> files;
            try {
                files = glob ? glob() : single();
            } catch (InvalidPathException e) {
                problem("'" + e.getInput() + "' is not a valid path here (" + e.getReason() + "); correct it");
                return List.of();
            }
            if (files.isEmpty() && !reported) {
                problem((glob ? "matches no file" : "no such file") + " under " + basedir + "; correct the path"
                        + " (relative to the project) or remove it");
            }
            return files;
        }

        private List<Path> single() {
            Path file = basedir.resolve(pattern).normalize();
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }

        private List<Path> glob() {
            List<String> segments = Arrays.asList(pattern.replace('\\', '/').split("/", -1));
            int literal = 0;
            while (literal < segments.size() - 1 && !isGlob(segments.get(literal))) {
                literal++;
            }
            String relative = String.join("/", segments.subList(literal, segments.size()));
            Path base = basedir.resolve(String.join("/", segments.subList(0, literal))).normalize();
            PathMatcher matcher;
            try {
                matcher = FileSystems.getDefault().getPathMatcher("glob:" + relative);
            } catch (PatternSyntaxException e) {
                problem("'" + relative + "' is not a valid glob (" + e.getDescription() + "); use * for any name,"
                        + " ** to cross folders, ? for one character");
                return List.of();
            }
            if (!Files.exists(base)) {
                return List.of();
            }
            if (!Files.isDirectory(base)) {
                problem(displayName(basedir, base) + " is a file, not a directory, so the glob finds nothing in it;"
                        + " name the folder that holds the table files");
                return List.of();
            }
            Set<String> named = Set.copyOf(segments);
            List<Path> matches = new ArrayList<>();
            try {
                Files.walkFileTree(base, EnumSet.noneOf(FileVisitOption.class), depth(relative),
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                                return !dir.equals(base) && NOT_WALKED.contains(name) && !named.contains(name)
                                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                                if (Files.isRegularFile(file) && matcher.matches(base.relativize(file))) {
                                    matches.add(file);
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                if (!(e instanceof NoSuchFileException)) { // gone while walking: nothing to read
                                    cannotRead(file, e);
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                                if (e != null) {
                                    cannotRead(dir, e);
                                }
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException | SecurityException e) {
                cannotRead(base, e);
            }
            matches.sort(null);
            return matches;
        }

        private void cannotRead(Path path, Exception e) {
            problem("cannot read " + displayName(basedir, path) + " (" + reason(e) + "); give the build read access"
                    + " to it, or narrow the pattern so that it does not reach there");
        }

        private void problem(String message) {
            problems.add(new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, element, message));
            reported = true;
        }
    }

    private static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /**
     * How deep below its literal base a glob reaches: one level per folder it names, any depth with
     * {@code **} or with a {@code {...}} choice that holds a folder.
     */
    private static int depth(String glob) {
        if (glob.contains("**")) {
            return Integer.MAX_VALUE;
        }
        int depth = 1;
        int choices = 0;
        for (char c : glob.toCharArray()) {
            if (c == '{') {
                choices++;
            } else if (c == '}') {
                choices--;
            } else if (c == '/' && choices > 0) {
                return Integer.MAX_VALUE;
            } else if (c == '/') {
                depth++;
            }
        }
        return depth;
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null || e instanceof FileSystemException ? e.getClass().getSimpleName()
                : e.getMessage();
    }
}
