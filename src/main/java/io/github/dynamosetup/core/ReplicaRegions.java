package io.github.dynamosetup.core;

import io.github.dynamosetup.declaration.ConfigurationProblem;
import io.github.dynamosetup.declaration.DeclaredTable;
import io.github.dynamosetup.declaration.Setting;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/**
 * The rules for replica regions that need the table's own region, known once the connection is resolved (before any
 * AWS call): each replica in a region AWS has, other than the table's. The declaration's own rules (a region name,
 * each once) come first, offline.
 */
public final class ReplicaRegions {

    private ReplicaRegions() {}

    /**
     * The problems of the tables' replica regions.
     *
     * @param ownRegion the region the tables live in
     */
    public static List<ConfigurationProblem> problems(List<DeclaredTable> tables, String ownRegion) {
        // the regions this SDK knows, from its partition metadata: a region AWS opens later needs a newer SDK
        List<String> known = Region.regions().stream().map(Region::id).toList();
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (DeclaredTable table : tables) {
            for (String region : table.replicaRegions()) {
                String message = region.equals(ownRegion)
                        ? "the replica region " + region + " is the table's own region; a replica lives in another"
                                + " region: remove it, or name another"
                        : !known.contains(region)
                                ? "the replica region " + region + " is not an AWS region this version of"
                                        + " dynamo-setup knows; check its name"
                                : null;
                if (message != null) {
                    problems.add(new ConfigurationProblem(table.origin().subject(table.name()),
                            table.origin().element(Setting.REPLICAS), message,
                            table.origin().place(null, 0, Setting.REPLICAS)));
                }
            }
        }
        return problems;
    }
}
