package io.amplify4j.dsl;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.validate.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * An authorization rule being declared. Rules are created by an {@code allow} object ({@link ModelAllow},
 * {@link FieldAllow}, {@link SchemaAllow}) and limited with {@link #to}; the type parameter makes a model rule
 * accept only model operations and a field rule only field operations.
 *
 * @param <O> the operations this rule can be limited to
 */
public abstract class Rule<O extends Enum<O>> implements SchemaRule {
    final List<O> operations = new ArrayList<>();

    Rule() {}

    /** Limits the rule to these operations; without it, the rule covers all of them. */
    @SuppressWarnings({"unchecked", "varargs"})
    public Rule<O> to(O... ops) {
        operations.addAll(Arrays.asList(ops));
        return this;
    }

    /** The model's rule, given the operations mapped to model operations. */
    abstract AuthRule toModel(List<ModelOperation> ops, String place, Problems problems);

    static <O extends Enum<O>> List<AuthRule> toModel(
            List<? extends Rule<O>> rules, String place, Problems problems, Function<O, ModelOperation> mapping) {
        List<AuthRule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule<O> rule = rules.get(i);
            List<ModelOperation> ops = rule.operations.stream().map(mapping).toList();
            result.add(rule.toModel(ops, place + "[" + i + "]", problems));
        }
        return result;
    }

    /** A rule with no options besides its operations. */
    static final class Simple<O extends Enum<O>> extends Rule<O> {
        private final Function<List<ModelOperation>, AuthRule> factory;

        Simple(Function<List<ModelOperation>, AuthRule> factory) {
            this.factory = factory;
        }

        @Override
        AuthRule toModel(List<ModelOperation> ops, String place, Problems problems) {
            return factory.apply(ops);
        }
    }
}
