package io.github.dynamosetup.declaration;

/**
 * Where in the declared tables a problem lies: a setting of a table, an index or one of its settings, or a
 * tag. Reading a declaration and checking DynamoDB's rules both name the places they find problems at, so
 * that a rule's problem at a place that reading has already reported is left out: the earlier problem is
 * the cause, in the user's own notation. Places are equal when they are the same place.
 *
 * <p>An {@link Origin} makes the places of its tables ({@link Origin#place}): settings it writes in one
 * place are one place there.
 *
 * @param origin the table's origin, which tells the declared tables apart
 * @param indexKind the kind of index the place is in; {@code null} for the table's own settings
 * @param index the index's position among those of its kind, from 1; 0 for the table's own settings
 * @param setting the setting; {@code null} for the table, or the index, as a whole
 * @param tag the tag's key, for one tag of {@link Setting#TAGS}; else {@code null}
 */
public record Place(Origin origin, IndexKind indexKind, int index, Setting setting, String tag) {

    /** The place of one tag of the table. */
    public static Place tag(Origin origin, String key) {
        return new Place(origin, null, 0, Setting.TAGS, key);
    }
}
