/**
 * The connection to AWS: one DynamoDB client per run, built from {@link io.github.dynamosetup.aws.ConnectionSettings}
 * with the plugin's rules for region ({@code DynamoDbConnection}), credentials ({@code Credentials}), endpoints
 * ({@code Endpoints}, checked offline), proxies ({@code ProxyRoute}, {@code ProxyTunnel}) and AWS's error codes
 * ({@code AwsErrors}).
 *
 * <p>May import the AWS SDK, the JDK and SLF4J (the SDK's logging, quieted by {@code SecretLogging}); never Maven's API,
 * and nothing of the plugin's other packages: the Maven layer fills {@code ConnectionSettings}, the core receives the
 * client. Its messages name the connection settings where the user gives them ({@code <profile>}, {@code <serverId>},
 * {@code <endpoint>}, {@code <timeout>}, a settings.xml {@code <proxy>}): this is the connection of this plugin, not a
 * general one; the engine ({@code core}) is the part that knows no Maven.
 */
package io.github.dynamosetup.aws;
