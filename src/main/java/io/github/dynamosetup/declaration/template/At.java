package io.github.dynamosetup.declaration.template;

/**
 * A place in a template, for {@link TemplateProblem}: the resource it belongs to ({@code null} outside
 * {@code Resources}), its path from the root, and whether it lies in the {@code Conditions} section (where
 * {@code Ref} may not name a resource).
 */
record At(String logicalId, String path, boolean inConditions) {

    static At root(String section) {
        return new At(null, section, section.equals("Conditions"));
    }

    static At resource(String logicalId) {
        return new At(logicalId, "Resources." + logicalId, false);
    }

    At key(String key) {
        return new At(logicalId, path.isEmpty() ? key : path + "." + key, inConditions);
    }

    At index(int index) {
        return new At(logicalId, path + "[" + index + "]", inConditions);
    }
}
