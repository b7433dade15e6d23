package io.amplify4j.cdk.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Places each model's resources in one of the numbered nested stacks ("shards") of the data category.
 *
 * <p><b>Why a recorded assignment and not a hash of the model name.</b> Both keep a model where it is when others
 * are added, but only a recorded assignment can also respect the budget: a hash must fix the number of shards
 * forever (changing it would move almost every model, and a moved table is a deleted table), and with a fixed
 * number a few large models that happen to hash together overflow a template with no way out. So a model keeps
 * the shard the lock file records for it ({@code dataPlacement}), and a model the lock does not know goes, in
 * declaration order, to the first shard whose budget still has room for it, or to a new shard. Without a lock
 * file the same rule applies to every model: the result depends only on the models before it, so appending models
 * never moves one; inserting or removing one in the middle can, which is why the lock file is meant to be
 * committed (it also guards the tables themselves).
 */
final class ShardPlanner {
    private ShardPlanner() {}

    /** The budget one model's resources take. */
    record Cost(String unit, int resources, int bytes) {
        Cost {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * The shard (from 1) of every unit, in the units' order: recorded ones kept, new ones first-fit in order.
     *
     * @throws IllegalArgumentException when one unit alone exceeds the budget
     */
    static Map<String, Integer> place(List<Cost> units, Map<String, Integer> recorded, StackLimits limits) {
        Map<Integer, int[]> used = new TreeMap<>();
        Map<String, Integer> placement = new LinkedHashMap<>();
        for (Cost unit : units) {
            Integer shard = recorded.get(unit.unit());
            if (shard != null) {
                add(used, shard, unit);
                placement.put(unit.unit(), shard);
            }
        }
        for (Cost unit : units) {
            if (placement.containsKey(unit.unit())) {
                continue;
            }
            if (unit.resources() > limits.maxResources() || unit.bytes() > limits.maxTemplateBytes()) {
                throw new IllegalArgumentException("data." + unit.unit() + ": the model's resources ("
                        + unit.resources() + " resources, about " + unit.bytes() / 1000 + " KB) do not fit in one"
                        + " nested stack (" + limits.maxResources() + " resources, " + limits.maxTemplateBytes() / 1000
                        + " KB). Split the model, or raise StackLimits up to CloudFormation's 500 resources and 1 MB.");
            }
            int shard = 1;
            while (!fits(used.get(shard), unit, limits)) {
                shard++;
            }
            add(used, shard, unit);
            placement.put(unit.unit(), shard);
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        units.forEach(u -> ordered.put(u.unit(), placement.get(u.unit())));
        return ordered;
    }

    private static boolean fits(int[] sum, Cost unit, StackLimits limits) {
        return sum == null || (sum[0] + unit.resources() <= limits.maxResources()
                && sum[1] + unit.bytes() <= limits.maxTemplateBytes());
    }

    private static void add(Map<Integer, int[]> used, int shard, Cost unit) {
        int[] sum = used.computeIfAbsent(shard, s -> new int[2]);
        sum[0] += unit.resources();
        sum[1] += unit.bytes();
    }
}
