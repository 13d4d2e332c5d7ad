/**
 * DynamoDB-compatible servers for a build's integration tests: which backend can run here ({@code Backends}),
 * starting one on a free loopback port and waiting until it answers ({@code LocalServers}), and the running server
 * ({@code LocalServer}), which a JVM shutdown hook stops when the build does not.
 *
 * <p>May import the JDK, the AWS SDK (to ask the server for its tables) and Testcontainers; never Maven's API: the
 * Maven layer ({@code StartMojo}, {@code StopMojo}) keeps the server per module and renders the failures.
 */
package io.github.dynamosetup.localserver;
