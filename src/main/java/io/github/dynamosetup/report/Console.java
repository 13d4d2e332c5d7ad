package io.github.dynamosetup.report;

/** Where the console lines of a run go: the build log, in the Maven layer. */
public interface Console {

    void info(String line);

    void warn(String line);

    void debug(String line);
}
