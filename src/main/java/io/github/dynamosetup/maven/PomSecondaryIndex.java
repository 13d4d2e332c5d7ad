package io.github.dynamosetup.maven;

import java.util.ArrayList;
import java.util.List;

/** What global and local secondary indexes share in the POM: name, sort key and projection. */
public abstract class PomSecondaryIndex {

    /** The index name. Required. */
    String name;

    /**
     * The index's sort key, {@code name:TYPE}; required for a local index, optional for a global one, whose
     * sort key may also list up to 4 such attributes in order, separated by commas.
     */
    String sortKey;

    /** {@code ALL} (default), {@code KEYS_ONLY} or {@code INCLUDE}. */
    String projection;

    /** The attributes an {@code INCLUDE} projection copies. */
    List<String> nonKeyAttributes = new ArrayList<>();
}
