package io.github.dynamosetup.maven;

import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.IndexKind;
import io.github.dynamosetup.declaration.Origin;
import io.github.dynamosetup.declaration.Place;
import io.github.dynamosetup.declaration.Setting;

/**
 * A parameter of the plugin ({@code <endpoint>}, {@code <timeout>}), as the origin of what it declares: its
 * {@link #place()} is where a problem of the parameter lies, so that a problem already reported there (an
 * unresolved {@code ${...}}) can leave out the others; the global {@link #TAGS} are declared in it tag by tag.
 *
 * @param name the parameter's name, as Maven knows it ({@code tableNamePrefix})
 */
record PluginParameter(String name) implements Origin {

    static final PluginParameter TAGS = new PluginParameter("tags");
    static final PluginParameter TEMPLATES = new PluginParameter("templates");
    static final PluginParameter TABLE_NAME_PREFIX = new PluginParameter("tableNamePrefix");
    static final PluginParameter TABLE_NAME_SUFFIX = new PluginParameter("tableNameSuffix");
    static final PluginParameter ENDPOINT = new PluginParameter("endpoint");
    static final PluginParameter PROFILE = new PluginParameter("profile");
    static final PluginParameter SERVER_ID = new PluginParameter("serverId");
    static final PluginParameter TIMEOUT = new PluginParameter("timeout");
    static final PluginParameter REPLACE_CHANGED_INDEXES = new PluginParameter("replaceChangedIndexes");

    /** The parameter as a whole. */
    Place place() {
        return place(null, 0, null);
    }

    /** A problem of the parameter as a whole. */
    ConfigurationProblem problem(String message) {
        return new ConfigurationProblem(ConfigurationProblem.PLUGIN_CONFIGURATION, describe(), message, place());
    }

    @Override
    public String describe() {
        return "<" + name + ">";
    }

    @Override
    public String subject(String tableName) {
        return ConfigurationProblem.PLUGIN_CONFIGURATION;
    }

    /** The parameter itself: a setting declared in a parameter ({@link Setting#TAGS}) is all of it. */
    @Override
    public String element(Setting setting) {
        return describe();
    }

    @Override
    public String indexElement(IndexKind kind, int position, String indexName, Setting setting) {
        return describe();
    }

    @Override
    public String tagElement(String key) {
        return describe() + "<" + key + ">";
    }

    @Override
    public boolean emptyTagValuesAllowed() {
        return false;
    }
}
