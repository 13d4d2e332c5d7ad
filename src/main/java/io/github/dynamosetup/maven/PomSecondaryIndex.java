package io.github.dynamosetup.maven;

import java.util.ArrayList;
import java.util.List;

/** What global and local secondary indexes share in the POM: name, sort key and projection. */
public abstract class PomSecondaryIndex {

    /** The index name. Required. */
    private String name;

    /** The index's sort key, {@code name:TYPE}; required for a local index, optional for a global one. */
    private String sortKey;

    /** {@code ALL} (default), {@code KEYS_ONLY} or {@code INCLUDE}. */
    private String projection;

    /** The attributes an {@code INCLUDE} projection copies. */
    private List<String> nonKeyAttributes = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSortKey() {
        return sortKey;
    }

    public void setSortKey(String sortKey) {
        this.sortKey = sortKey;
    }

    public String getProjection() {
        return projection;
    }

    public void setProjection(String projection) {
        this.projection = projection;
    }

    public List<String> getNonKeyAttributes() {
        return nonKeyAttributes;
    }

    public void setNonKeyAttributes(List<String> nonKeyAttributes) {
        this.nonKeyAttributes = nonKeyAttributes;
    }
}
