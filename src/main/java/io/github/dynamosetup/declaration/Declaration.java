package io.github.dynamosetup.declaration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables a build declares, validated against DynamoDB's rules ({@link DeclarationRules}). An instance
 * exists only when every table is valid, so the provisioning core never sends a request built from a
 * broken declaration.
 */
public final class Declaration {

    private final List<DeclaredTable> tables;

    private Declaration(List<DeclaredTable> tables) {
        this.tables = List.copyOf(tables);
    }

    /**
     * Validates the tables and returns them as a declaration.
     *
     * @throws InvalidDeclarationException listing every problem found, not just the first
     */
    public static Declaration of(List<DeclaredTable> tables) throws InvalidDeclarationException {
        return of(tables, List.of());
    }

    /**
     * Validates tables read from the user's notation (the POM, table files) once, all together, after
     * what reading them found wrong already.
     *
     * @param found the problems found before the rules are applied (notation, connection settings): they
     *     come first, and a rule's problem at the {@link Place} of one of them is left out, as that one is
     *     its cause and says it in the user's terms
     * @throws InvalidDeclarationException listing {@code found} and the problems of the rules, when there
     *     is any
     */
    public static Declaration of(List<DeclaredTable> tables, List<ConfigurationProblem> found)
            throws InvalidDeclarationException {
        Set<Place> reported = found.stream().map(ConfigurationProblem::place).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<ConfigurationProblem> problems = new ArrayList<>(found);
        DeclarationRules.problemsOf(tables).stream().filter(p -> !reported.contains(p.place()))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidDeclarationException(problems);
        }
        return new Declaration(tables);
    }

    public List<DeclaredTable> tables() {
        return tables;
    }
}
