package io.github.dynamosetup.declaration.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems of one template, each once, in the order found. A problem that only says a value is not known
 * (a parameter without value, the account, an SSM parameter) can be muted: while the conditions that no table
 * uses are checked, those are not the user's concern.
 */
final class Problems {

    private final Set<TemplateProblem> found = new LinkedHashSet<>();
    private boolean valuesMuted;

    void add(At at, String message) {
        found.add(new TemplateProblem(at.logicalId(), at.path(), message));
    }

    void add(String logicalId, String path, String message) {
        found.add(new TemplateProblem(logicalId, path, message));
    }

    /** A value the plugin does not know: reported unless muted. */
    boolean unknownValue(At at, String message) {
        if (valuesMuted) {
            return false;
        }
        add(at, message);
        return true;
    }

    void muteUnknownValues() {
        valuesMuted = true;
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<TemplateProblem> list() {
        return List.copyOf(new ArrayList<>(found));
    }
}
