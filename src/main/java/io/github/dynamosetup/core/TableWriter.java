package io.github.dynamosetup.core;

import io.github.dynamosetup.core.TableResult.Outcome;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.FailureException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The writes of a run, one table at a time: CreateTable and what follows it (ACTIVE, TTL, point-in-time
 * recovery, contributor insights, auto scaling, replicas), and the changes that bring an existing table to its
 * declaration (UpdateTable, an index added or replaced, TTL, tags, point-in-time recovery, auto scaling, a replica),
 * each safe to race with other builds. Every write is told as an event.
 */
final class TableWriter {

    private final DynamoDbClient client;
    private final LiveTableReader reader;
    private final AutoScalingTargets autoScaling;

    TableWriter(DynamoDbClient client, LiveTableReader reader, AutoScalingTargets autoScaling) {
        this.client = client;
        this.reader = reader;
        this.autoScaling = autoScaling;
    }

    /**
     * Calls CreateTable.
     *
     * @return the new table, or null when it exists already (ResourceInUseException: made by another build,
     *     or by a call of ours whose answer was lost)
     */
    TableDescription create(DeclaredTable declared, AwsCalls calls) throws ProvisioningException {
        TableDescription created = calls.call(declared.name(), "CreateTable", () -> {
            try {
                return client.createTable(CreateTableRequests.of(declared)).tableDescription();
            } catch (ResourceInUseException e) {
                return null;
            }
        });
        if (created != null) {
            calls.events().on(new ProvisioningEvent.Created(declared.name()));
        }
        return created;
    }

    /**
     * Waits for a created table (and the indexes made with it) to become ACTIVE, then applies what
     * CreateTable cannot carry.
     */
    TableResult finishCreated(DeclaredTable declared, TableDescription created, AwsCalls calls, long startNanos)
            throws ProvisioningException {
        calls.waiter(client).awaitCreated(declared.name(), created);
        calls.events().on(new ProvisioningEvent.Active(declared.name()));
        List<String> actions = new ArrayList<>(List.of("create"));
        List<Change> after = new ArrayList<>();
        if (declared.timeToLiveAttribute() != null) {
            after.add(new Change.EnableTimeToLive(declared.timeToLiveAttribute()));
        }
        if (declared.pointInTimeRecovery()) {
            after.add(new Change.EnablePointInTimeRecovery(declared.recoveryPeriodInDays()));
        }
        // contributor insights is DISABLED on a new table and index: only an enabled one is asked for
        if (Boolean.TRUE.equals(declared.contributorInsights())) {
            after.add(new Change.SetContributorInsights(null, true));
        }
        declared.globalSecondaryIndexes().stream().filter(i -> Boolean.TRUE.equals(i.contributorInsights()))
                .forEach(i -> after.add(new Change.SetContributorInsights(i.name(), true)));
        if (!AutoScalingTargets.declared(declared).isEmpty()) {
            after.add(new Change.ConfigureAutoScaling(AutoScalingTargets.declared(declared)));
        }
        // replicas last: PROVISIONED ones need write auto scaling in place (globaltables_reqs_bestpractices)
        declared.replicaRegions().forEach(region -> after.add(new Change.AddReplica(region)));
        String streamArn = created.latestStreamArn();
        for (Change change : after) {
            Applied applied = apply(declared, created.tableArn(), change, calls);
            if (applied.byThisRun()) {
                actions.add(change.label());
            }
            if (applied.streamArn() != null) {
                streamArn = applied.streamArn(); // a replica turns the stream on
            }
        }
        return new TableResult(declared, Outcome.CREATED, actions, List.of(), created.tableArn(), streamArn,
                since(startNanos));
    }

    /**
     * Applies the fixable changes to an existing table, one call and one kind of change at a time, each
     * UpdateTable once the table and its indexes are ACTIVE again (AWS refuses UpdateTable on a table
     * that is not, and allows one index creation at a time per table: UpdateTable, API reference).
     */
    TableResult update(DeclaredTable declared, LiveTable live, List<Difference> differences, AwsCalls calls)
            throws ProvisioningException {
        long start = System.nanoTime();
        Set<Change> changes = Difference.changes(differences);
        if (changes.isEmpty()) {
            return new TableResult(declared, Difference.anyDrift(differences) ? Outcome.DRIFT : Outcome.UP_TO_DATE,
                    List.of(), differences, live.arn(), live.streamArn(), since(start));
        }
        List<String> actions = new ArrayList<>();
        List<Difference> found = new ArrayList<>(differences);
        String streamArn = live.streamArn();
        for (Change change : changes) {
            Applied applied = change instanceof Change.ReplaceIndex replace
                    ? replace(declared, live.arn(), replace, calls)
                    : apply(declared, live.arn(), change, calls);
            if (applied.byThisRun()) {
                actions.add(change.label());
            }
            if (applied.streamArn() != null) {
                streamArn = applied.streamArn();
            }
            notWaitedFor(change, differences).ifPresent(found::add);
        }
        return new TableResult(declared, Outcome.UPDATED, actions, found, live.arn(), streamArn, since(start));
    }

    /**
     * An index replaced: deleted, waited for until it is gone (only then is its name free), and created as
     * declared, each step safe to race with other builds as {@link #apply} makes it.
     */
    private Applied replace(DeclaredTable declared, String arn, Change.ReplaceIndex replace, AwsCalls calls)
            throws ProvisioningException {
        boolean byThisRun = false;
        for (Change part : replace.parts()) {
            byThisRun |= apply(declared, arn, part, calls).byThisRun();
        }
        return new Applied(byThisRun, null);
    }

    /** The index whose creation {@code change} started and the run did not wait for, as a pending difference. */
    private static Optional<Difference> notWaitedFor(Change change, List<Difference> differences) {
        DeclaredGlobalIndex index = change instanceof Change.AddIndex add && !add.awaitBackfill() ? add.index()
                : change instanceof Change.ReplaceIndex replace && !replace.awaitBackfill() ? replace.index() : null;
        if (index == null) {
            return Optional.empty();
        }
        String declaredText = differences.stream().filter(d -> change.equals(d.change())).map(Difference::declared)
                .findFirst().orElse(index.name());
        return Optional.of(new Difference("global secondary index " + index.name(), declaredText, "CREATING",
                Difference.Kind.PENDING, null, "backfilling: not waited for (waitForIndexes=false); validate reports it"
                        + " pending until it is ACTIVE"));
    }

    /**
     * What one change did.
     *
     * @param byThisRun whether this run made the change (false: another run had made it)
     * @param streamArn the table's latest stream as read after an UpdateTable, else null
     */
    private record Applied(boolean byThisRun, String streamArn) {}

    /**
     * Makes one change, safe to race with other builds: when AWS refuses it and the live table turns out to
     * have it anyway (TTL "already enabled", a stream or index another build added), it is done; when the
     * table is busy with another change (ResourceInUseException), it is tried again once the table is
     * ACTIVE; a policy put over a revision that is not the table's any more is put again over the one read
     * now. Refusals that only mean "not now" are waited out by {@link AwsCalls}.
     */
    private Applied apply(DeclaredTable declared, String arn, Change change, AwsCalls calls)
            throws ProvisioningException {
        String name = declared.name();
        TableActivityWaiter waiter = calls.waiter(client);
        boolean updatesTable = change instanceof Change.UpdateTable || change instanceof Change.AddIndex
                || change instanceof Change.DeleteIndex || change instanceof Change.AddReplica;
        for (int attempt = 1; ; attempt++) {
            if (updatesTable) {
                waiter.awaitActive(name);
            }
            try {
                send(declared, arn, change, calls);
                break;
            } catch (AwsCallException refused) {
                if (refused instanceof PermissionDeniedException
                        || !(refused.getCause() instanceof AwsServiceException)) {
                    throw refused;
                }
                LiveTable live;
                try {
                    live = reader.read(declared, calls);
                } catch (ProvisioningException unreadable) {
                    refused.addSuppressed(unreadable);
                    throw refused;
                }
                if (live != null && change.isDoneOn(live)) {
                    calls.events().on(new ProvisioningEvent.ChangedMeanwhile(name, change, refused.errorCode()));
                    if (!(change instanceof Change.UpdateTable)) {
                        awaitDone(name, change, waiter, calls);
                    }
                    return new Applied(false, live.streamArn());
                }
                if (change instanceof Change.PutResourcePolicy put && live != null
                        && "PolicyNotFoundException".equals(refused.errorCode()) && !calls.deadline().passed()) {
                    // the revision read is not the table's any more: GetResourcePolicy lags behind a Put
                    // (API_GetResourcePolicy), or another build put a policy since; the declared one goes over the
                    // revision read now
                    change = put.over(live.resourcePolicy());
                    calls.pause(attempt, (SdkException) refused.getCause(), name, operation(change));
                    continue;
                }
                if (!"ResourceInUseException".equals(refused.errorCode()) || calls.deadline().passed()) {
                    throw refused;
                }
                calls.pause(attempt, (SdkException) refused.getCause(), name, operation(change));
            }
        }
        String streamArn = awaitDone(name, change, waiter, calls);
        calls.events().on(new ProvisioningEvent.Changed(name, change));
        return new Applied(true, streamArn);
    }

    /**
     * Waits until a change AWS accepted is done: the table ACTIVE again after an UpdateTable (its latest stream
     * then returned), an index added ACTIVE (unless the run does not wait for its backfill), an index deleted gone,
     * contributor insights settled, a replica made (the table's latest stream then returned: AWS turns it on for a
     * global table).
     */
    private String awaitDone(String name, Change change, TableActivityWaiter waiter, AwsCalls calls)
            throws ProvisioningException {
        if (change instanceof Change.UpdateTable) {
            return waiter.awaitActive(name).latestStreamArn();
        } else if (change instanceof Change.AddIndex add && add.awaitBackfill()) {
            waiter.awaitIndexActive(name, add.index().name());
        } else if (change instanceof Change.DeleteIndex delete) {
            waiter.awaitIndexGone(name, delete.name());
        } else if (change instanceof Change.SetContributorInsights insights) {
            awaitContributorInsights(name, insights, waiter, calls.remedies());
        } else if (change instanceof Change.AddReplica replica) {
            return awaitReplica(name, replica.region(), waiter);
        }
        return null;
    }

    /**
     * Waits until the table is ACTIVE and its replica in {@code region} is made; a replica AWS could not make
     * (CREATION_FAILED, REGION_DISABLED, ...) fails the table with AWS's own description.
     *
     * @return the table's latest stream, which AWS turns on for a global table
     */
    private static String awaitReplica(String name, String region, TableActivityWaiter waiter)
            throws ProvisioningException {
        TableDescription table = waiter.awaitReplica(name, region);
        ReplicaDescription replica = table.replicas().stream().filter(r -> region.equals(r.regionName())).findFirst()
                .orElseThrow();
        if (!"ACTIVE".equals(replica.replicaStatusAsString())) {
            throw new AwsCallException(replica.replicaStatusAsString(), "The replica of table '" + name + "' in "
                    + region + " is " + replica.replicaStatusAsString() + (replica.replicaStatusDescription() == null
                    ? "" : ": " + replica.replicaStatusDescription()) + ". Check that the region is enabled for the"
                    + " account and that the table's KMS key (if any) can be used there, then remove the failed"
                    + " replica by hand (aws dynamodb update-table --table-name " + name + " --replica-updates"
                    + " '[{\"Delete\": {\"RegionName\": \"" + region + "\"}}]') and run the goal again.", null);
        }
        return table.latestStreamArn();
    }

    private static String operation(Change change) {
        if (change instanceof Change.EnableTimeToLive) {
            return "UpdateTimeToLive";
        } else if (change instanceof Change.TagTable) {
            return "TagResource";
        } else if (change instanceof Change.EnablePointInTimeRecovery) {
            return "UpdateContinuousBackups";
        } else if (change instanceof Change.ConfigureAutoScaling) {
            return "RegisterScalableTarget";
        } else if (change instanceof Change.SetContributorInsights) {
            return "UpdateContributorInsights";
        } else if (change instanceof Change.PutResourcePolicy) {
            return "PutResourcePolicy";
        }
        return "UpdateTable";
    }

    /** The one API call of a change. */
    private void send(DeclaredTable declared, String arn, Change change, AwsCalls calls) throws ProvisioningException {
        String name = declared.name();
        String operation = operation(change);
        if (change instanceof Change.UpdateTable update) {
            calls.run(name, operation, () -> client.updateTable(r -> {
                r.tableName(name);
                update.request().accept(r);
            }));
        } else if (change instanceof Change.AddIndex add) {
            calls.run(name, operation, () -> client.updateTable(CreateTableRequests.addIndex(declared, add.index())));
        } else if (change instanceof Change.AddReplica replica) {
            // one replica per UpdateTable: the table is UPDATING until it is made, and "you can't issue another
            // UpdateTable request" meanwhile (UpdateTable, API reference; ReplicationGroupUpdate)
            calls.run(name, operation, () -> client.updateTable(r -> r.tableName(name).replicaUpdates(
                    ReplicationGroupUpdate.builder().create(c -> c.regionName(replica.region())).build())));
        } else if (change instanceof Change.DeleteIndex delete) {
            calls.run(name, operation, () -> client.updateTable(r -> r.tableName(name).globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(delete.name())).build())));
        } else if (change instanceof Change.EnableTimeToLive ttl) {
            calls.run(name, operation, () -> client.updateTimeToLive(r -> r.tableName(name)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(ttl.attribute()))));
        } else if (change instanceof Change.TagTable tagging) {
            calls.run(name, operation, () -> client.tagResource(r -> r.resourceArn(arn)
                    .tags(tagging.tags().entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
        } else if (change instanceof Change.ConfigureAutoScaling scaling) {
            for (var target : scaling.targets().entrySet()) {
                autoScaling.apply(name, target.getKey(), target.getValue(), calls);
            }
        } else if (change instanceof Change.EnablePointInTimeRecovery recovery) {
            // RecoveryPeriodInDays: "If no value is provided, the value will default to 35"
            // (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoverySpecification.html)
            Integer days = recovery.recoveryPeriodInDays() == null ? null
                    : Math.toIntExact(recovery.recoveryPeriodInDays());
            calls.run(name, operation, () -> client.updateContinuousBackups(r -> r.tableName(name)
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)
                            .recoveryPeriodInDays(days))));
        } else if (change instanceof Change.SetContributorInsights insights) {
            calls.run(name, operation, () -> client.updateContributorInsights(r -> r.tableName(name)
                    .indexName(insights.index())
                    .contributorInsightsAction(insights.enabled() ? ContributorInsightsAction.ENABLE
                            : ContributorInsightsAction.DISABLE)));
        } else if (change instanceof Change.PutResourcePolicy put) {
            // never ConfirmRemoveSelfResourceAccess: a policy that would lock the caller out is AWS's to refuse
            calls.run(name, operation, () -> client.putResourcePolicy(r -> r.resourceArn(arn).policy(put.document())
                    .expectedRevisionId(put.expectedRevisionId() == null ? "NO_POLICY" : put.expectedRevisionId())));
        }
    }

    /**
     * Waits for contributor insights to be ENABLED (or DISABLED). It may end FAILED instead, which AWS tells only
     * then: the failure's name and description say why, most often LimitExceededException (the account's
     * CloudWatch Contributor Insights rule limit) or AccessDeniedException (the rules, or the service-linked role
     * they need on first use, could not be made) (API_DescribeContributorInsights, FailureException).
     */
    private void awaitContributorInsights(String name, Change.SetContributorInsights insights,
            TableActivityWaiter waiter, Remedies remedies) throws ProvisioningException {
        DescribeContributorInsightsResponse settled = waiter.awaitContributorInsights(name, insights.index(),
                insights.enabled());
        if (settled.contributorInsightsStatus() != ContributorInsightsStatus.FAILED) {
            return;
        }
        FailureException failure = settled.failureException();
        String code = failure == null || failure.exceptionName() == null ? "FAILED" : failure.exceptionName();
        String said = failure == null || failure.exceptionDescription() == null ? "(no description)"
                : failure.exceptionDescription().strip();
        String advice = switch (code) {
            case "LimitExceededException" -> "The account has as many CloudWatch Contributor Insights rules as it"
                    + " may have: disable contributor insights on tables or indexes that no longer need it, or"
                    + " delete Contributor Insights rules in CloudWatch (or ask AWS for a higher quota), then run "
                    + remedies.run(Goal.CREATE) + " again.";
            case "AccessDeniedException" -> "The caller may not make the Contributor Insights rules or the"
                    + " service-linked role they need the first time (iam:CreateServiceLinkedRole on"
                    + " AWSServiceRoleForDynamoDBCloudWatchContributorInsights; see the README, IAM permissions"
                    + " per goal), then run " + remedies.run(Goal.CREATE) + " again.";
            default -> "Run " + remedies.run(Goal.CREATE) + " again; if this persists, check the table in the"
                    + " DynamoDB console.";
        };
        throw new AwsCallException(code, "Contributor insights on table '" + name + "'"
                + (insights.index() == null ? "" : ", index '" + insights.index() + "',") + " FAILED: " + code + ": "
                + (said.endsWith(".") ? said : said + ".") + " " + advice, null);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
