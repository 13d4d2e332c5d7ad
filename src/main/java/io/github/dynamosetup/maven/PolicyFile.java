package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.ResourcePolicy;
import io.github.dynamosetup.declaration.json.PolicyDocument;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a table's {@code <resourcePolicyFile>}: UTF-8 JSON, relative to the project, taken as written (Maven does
 * not touch it, so IAM policy variables such as {@code ${aws:username}} stay as they are), without a byte order
 * mark.
 */
final class PolicyFile {

    /**
     * What reading found.
     *
     * @param policy the policy, also when its JSON has a problem; null when the file could not be read
     * @param problem what is wrong with the file or its JSON, naming the file; null when nothing is
     */
    record Read(ResourcePolicy policy, String problem) {}

    private PolicyFile() {}

    static Read read(Path basedir, String path) {
        Path file;
        try {
            file = basedir.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return new Read(null, "'" + path + "' is not a valid path here (" + e.getReason() + "); correct it");
        }
        String shown = TableFiles.displayName(basedir, file);
        String document;
        try {
            document = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Read(null, "no such file: " + shown + "; correct the path (relative to the project) or remove"
                    + " the element");
        } catch (CharacterCodingException e) {
            return new Read(null, shown + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException | SecurityException e) {
            String reason = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            return new Read(null, "cannot read " + shown + " (" + reason + "); give the build read access to it, or"
                    + " correct the path");
        }
        if (document.startsWith("\uFEFF")) {
            document = document.substring(1); // a byte order mark is no part of the policy
        }
        String problem = PolicyDocument.problem(document);
        return new Read(new ResourcePolicy(document, shown), problem == null ? null : shown + " " + problem);
    }
}
