package io.github.dynamosetup.declaration;

/**
 * Where a table was declared, so that a problem names the place the user has to edit: a POM element or a
 * JSON path in a table file.
 */
public interface Origin {

    /** The place, for messages about the table as a whole: {@code <tables> #2}, {@code file tables/orders.json}. */
    String describe();

    /** How messages name the table: {@code table 'doctores'}. */
    String subject(String tableName);

    /** The element or path of a table-level setting. */
    String element(Setting setting);

    /**
     * The element or path of an index, or of one of its settings.
     *
     * @param position the index's position among the table's indexes of that kind, from 1
     * @param setting the index's setting, or {@code null} for the index itself
     */
    String indexElement(IndexKind kind, int position, String indexName, Setting setting);

    /**
     * The place of a setting of the table, or of one of its indexes.
     *
     * @param kind the index's kind, or {@code null} for a setting of the table
     * @param position the index's position among the table's indexes of that kind, from 1
     * @param setting the setting, or {@code null} for the index itself
     */
    default Place place(IndexKind kind, int position, Setting setting) {
        return new Place(this, kind, kind == null ? 0 : position, setting, null);
    }

    /** The element or path of one tag. */
    String tagElement(String key);

    /**
     * Whether an empty tag value is a value. The POM says no, since an unset {@code ${env.X}} turns into
     * nothing; DynamoDB itself allows empty values.
     */
    boolean emptyTagValuesAllowed();
}
