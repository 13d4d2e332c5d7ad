/**
 * The connection to AWS: one DynamoDB client per run, built from {@link io.github.dynamosetup.aws.ConnectionSettings}
 * with the plugin's rules for region ({@code DynamoDbConnection}), credentials ({@code Credentials}), endpoints
 * ({@code Endpoints}, checked offline), proxies ({@code ProxyRoute}, {@code ProxyTunnel}) and AWS's error codes
 * ({@code AwsErrors}).
 *
 * <p>May import the AWS SDK and the JDK; never Maven, and nothing of the plugin's other packages: the Maven layer
 * fills {@code ConnectionSettings}, the core receives the client.
 */
package io.github.dynamosetup.aws;
