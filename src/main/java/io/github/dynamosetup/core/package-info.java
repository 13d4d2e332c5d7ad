/**
 * The provisioning engine, as named steps: {@link io.github.dynamosetup.core.TableProvisioner} runs each goal
 * (create, plan, validate, force) over the declared tables; {@link io.github.dynamosetup.core.LiveTableReader}
 * reads a table's live state, {@link io.github.dynamosetup.core.DriftDetector} compares it with the
 * declaration, {@link io.github.dynamosetup.core.TableWriter} writes (CreateTable, UpdateTable, an index, TTL,
 * point-in-time recovery, tags, replicas), {@code AutoScalingTargets} reads and writes auto scaling through Application
 * Auto Scaling, {@link io.github.dynamosetup.core.TableActivityWaiter} waits (when it polls:
 * {@link io.github.dynamosetup.core.PollSchedule}), and
 * {@link io.github.dynamosetup.core.TableTasks} runs the tables concurrently without ever interrupting one.
 * The seed reads and checks its item files with {@link io.github.dynamosetup.core.ItemFiles} and writes them with
 * {@code ItemSeeder} (batched, parallel, unprocessed items sent again).
 * What a run does is told as {@link io.github.dynamosetup.core.ProvisioningEvent}s (rendered elsewhere);
 * what it has done is kept by {@link io.github.dynamosetup.core.RunProgress}; failures are typed
 * {@link io.github.dynamosetup.core.ProvisioningException}s whose remedies come from
 * {@link io.github.dynamosetup.core.Remedies}.
 *
 * <p>Knows DynamoDB, not Maven: imports {@code declaration} (and {@code declaration.json.PolicyDocument}, which
 * compares resource policies as JSON), the AWS SDK, Jackson (item files), and {@code aws.AwsErrors} (the meaning
 * of AWS error codes); never Maven, {@code maven} or {@code report}. No string here names a Maven command,
 * parameter or property (a test checks it).
 */
package io.github.dynamosetup.core;
