package io.github.dynamosetup.maven;

/** A {@code <replica>} of a table's {@code <replicas>}: a global table replica in another region. */
public class PomReplica {

    /** The replica's AWS region, e.g. {@code eu-west-1}; not the table's own. */
    String region;
}
