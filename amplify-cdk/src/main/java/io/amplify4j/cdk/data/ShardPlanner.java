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

    /**
     * The budget one model's resources take.
     *
     * @param unit the construct id of the model's resources
     * @param resources the resources only this model uses
     * @param bytes their estimated template bytes
     * @param shared resources a shard holds once however many models use them (identical auth functions), by
     *     content key, with their estimated bytes
     */
    record Cost(String unit, int resources, int bytes, Map<String, Integer> shared) {
        Cost {
            Objects.requireNonNull(unit, "unit");
            shared = Map.copyOf(shared);
        }

        /** Resources and bytes this unit adds to a shard already holding {@code present} shared resources. */
        int[] in(java.util.Set<String> present) {
            int[] sum = {resources, bytes};
            shared.forEach((key, size) -> {
                if (!present.contains(key)) {
                    sum[0]++;
                    sum[1] += size;
                }
            });
            return sum;
        }
    }

    /**
     * The shard (from 1) of every unit, in the units' order: recorded ones kept, new ones first-fit in order.
     *
     * @throws IllegalArgumentException when one unit alone exceeds the budget
     */
    static Map<String, Integer> place(List<Cost> units, Map<String, Integer> recorded, StackLimits limits) {
        Map<Integer, Shard> used = new TreeMap<>();
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
            int[] alone = unit.in(java.util.Set.of());
            if (alone[0] > limits.maxResources() || alone[1] > limits.maxTemplateBytes()) {
                throw new IllegalArgumentException("data." + unit.unit() + ": the model's resources ("
                        + alone[0] + " resources, about " + alone[1] / 1000 + " KB) do not fit in one"
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

    private static boolean fits(Shard shard, Cost unit, StackLimits limits) {
        if (shard == null) {
            return true;
        }
        int[] added = unit.in(shard.keys);
        return shard.resources + added[0] <= limits.maxResources()
                && shard.bytes + added[1] <= limits.maxTemplateBytes();
    }

    private static void add(Map<Integer, Shard> used, int number, Cost unit) {
        Shard shard = used.computeIfAbsent(number, n -> new Shard());
        int[] added = unit.in(shard.keys);
        shard.resources += added[0];
        shard.bytes += added[1];
        shard.keys.addAll(unit.shared().keySet());
    }

    /** What a shard holds so far. */
    private static final class Shard {
        private int resources;
        private int bytes;
        private final java.util.Set<String> keys = new java.util.HashSet<>();
    }
}
