package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.AutoScaling;
import io.github.dynamosetup.declaration.DeclaredGlobalIndex;
import io.github.dynamosetup.declaration.DeclaredTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;

/**
 * A table's auto scaling through Application Auto Scaling: reads its scalable targets and target tracking policies,
 * and registers and puts them. Only tables that need it cost a call; the client is made on the first one.
 */
final class AutoScalingTargets {

    private final Supplier<ApplicationAutoScalingClient> client;

    /** @param client made when first needed, closed by whoever gave it */
    AutoScalingTargets(Supplier<ApplicationAutoScalingClient> client) {
        this.client = client;
    }

    /** Every capacity dimension the table declares auto scaling for, with its scaling, table first. */
    static Map<ScalableCapacity, AutoScaling.Dimension> declared(DeclaredTable table) {
        Map<ScalableCapacity, AutoScaling.Dimension> declared = new LinkedHashMap<>();
        add(declared, null, table.autoScaling());
        for (DeclaredGlobalIndex index : table.globalSecondaryIndexes()) {
            add(declared, index.name(), index.autoScaling());
        }
        return declared;
    }

    private static void add(Map<ScalableCapacity, AutoScaling.Dimension> declared, String index, AutoScaling scaling) {
        if (scaling.read() != null) {
            declared.put(new ScalableCapacity(index, false), scaling.read());
        }
        if (scaling.write() != null) {
            declared.put(new ScalableCapacity(index, true), scaling.write());
        }
    }

    /**
     * The scalable targets of the table and of {@code indexes}, with the target utilization of their target tracking
     * policy on the dimension's predefined metric where {@code policies} asks for it (else, or when there is none,
     * {@code null}). One DescribeScalableTargets (ResourceIds: up to 50), and one DescribeScalingPolicies per
     * resource that has a target, only with {@code policies}.
     */
    Map<ScalableCapacity, AutoScaling.Dimension> read(String table, List<String> indexes, boolean policies,
            AwsCalls calls) throws ProvisioningException {
        List<String> resources = new ArrayList<>();
        Map<String, String> indexOf = new LinkedHashMap<>();
        resources.add(new ScalableCapacity(null, false).resourceId(table));
        for (String index : indexes) {
            String resource = new ScalableCapacity(index, false).resourceId(table);
            resources.add(resource);
            indexOf.put(resource, index);
        }
        Map<ScalableCapacity, AutoScaling.Dimension> found = new LinkedHashMap<>();
        String next = null;
        do {
            String token = next;
            DescribeScalableTargetsResponse page = calls.call(table, "DescribeScalableTargets",
                    () -> client.get().describeScalableTargets(r -> r.serviceNamespace(ScalableCapacity.NAMESPACE)
                            .resourceIds(resources).nextToken(token)));
            for (ScalableTarget target : page.scalableTargets()) {
                ScalableCapacity capacity = new ScalableCapacity(indexOf.get(target.resourceId()),
                        target.scalableDimensionAsString().endsWith("WriteCapacityUnits"));
                if (resources.contains(target.resourceId()) && capacity.dimension().equals(target.scalableDimensionAsString())) {
                    found.put(capacity, new AutoScaling.Dimension(toLong(target.minCapacity()),
                            toLong(target.maxCapacity()), null));
                }
            }
            next = page.nextToken();
        } while (next != null);
        if (policies) {
            for (String resource : found.keySet().stream().map(c -> c.resourceId(table)).distinct().toList()) {
                readPolicies(table, resource, found, calls);
            }
        }
        return found;
    }

    /** Adds the target utilization of the target tracking policies on {@code resource} to the targets found. */
    private void readPolicies(String table, String resource, Map<ScalableCapacity, AutoScaling.Dimension> found,
            AwsCalls calls) throws ProvisioningException {
        String next = null;
        do {
            String token = next;
            DescribeScalingPoliciesResponse page = calls.call(table, "DescribeScalingPolicies",
                    () -> client.get().describeScalingPolicies(r -> r.serviceNamespace(ScalableCapacity.NAMESPACE)
                            .resourceId(resource).nextToken(token)));
            for (ScalingPolicy policy : page.scalingPolicies()) {
                found.replaceAll((capacity, target) -> {
                    boolean ours = capacity.resourceId(table).equals(policy.resourceId())
                            && capacity.dimension().equals(policy.scalableDimensionAsString())
                            && "TargetTrackingScaling".equals(policy.policyTypeAsString())
                            && policy.targetTrackingScalingPolicyConfiguration() != null
                            && policy.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification() != null
                            && capacity.metric().equals(policy.targetTrackingScalingPolicyConfiguration()
                                    .predefinedMetricSpecification().predefinedMetricTypeAsString());
                    // the console's own policy, or ours: named after the metric; another on the same metric is
                    // taken when none is
                    boolean named = capacity.policyName(table).equals(policy.policyName());
                    return ours && (target.targetUtilization() == null || named)
                            ? new AutoScaling.Dimension(target.minCapacity(), target.maxCapacity(),
                                    policy.targetTrackingScalingPolicyConfiguration().targetValue())
                            : target;
                });
            }
            next = page.nextToken();
        } while (next != null);
    }

    /**
     * Registers the scalable target (min and max; "Registers or updates a scalable target", so a second call updates
     * it, API_RegisterScalableTarget) and puts its target tracking policy on the dimension's predefined metric
     * (PutScalingPolicy "Creates or updates a scaling policy", API_PutScalingPolicy): both safe to repeat.
     */
    void apply(String table, ScalableCapacity capacity, AutoScaling.Dimension scaling, AwsCalls calls)
            throws ProvisioningException {
        String resource = capacity.resourceId(table);
        calls.run(table, "RegisterScalableTarget", () -> client.get().registerScalableTarget(r -> r
                .serviceNamespace(ScalableCapacity.NAMESPACE)
                .resourceId(resource)
                .scalableDimension(capacity.dimension())
                .minCapacity(Math.toIntExact(scaling.minCapacity()))
                .maxCapacity(Math.toIntExact(scaling.maxCapacity()))));
        calls.run(table, "PutScalingPolicy", () -> client.get().putScalingPolicy(r -> r
                .serviceNamespace(ScalableCapacity.NAMESPACE)
                .resourceId(resource)
                .scalableDimension(capacity.dimension())
                .policyName(capacity.policyName(table))
                .policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c
                        .targetValue(scaling.targetUtilization())
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(capacity.metric())))));
    }

    /** Whether the live target has the declared min, max and (when read) target utilization. */
    static boolean matches(AutoScaling.Dimension declared, AutoScaling.Dimension live) {
        return live != null && Objects.equals(declared.minCapacity(), live.minCapacity())
                && Objects.equals(declared.maxCapacity(), live.maxCapacity())
                && live.targetUtilization() != null
                && Double.compare(declared.targetUtilization(), live.targetUtilization()) == 0;
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
