package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.ModelOperation;
import io.amplify4j.plan.ModelPlan;
import io.amplify4j.plan.resolver.PipelineFunctionPlan.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Modules every generator uses: the pass-through resolver module, the auth function, the response filter. */
final class Modules {
    private Modules() {}

    static final String AUTH_RESPONSE = "return ctx.prev.result;";

    /**
     * The title of every auth module. It names no field on purpose: modules are byte-identical wherever the rules
     * are, so a deployment can create one AppSync function for all the fields (and models) sharing them.
     */
    static final String AUTH_TITLE = "authorization rules";

    /** The title of every response filter module; like {@link #AUTH_TITLE}, it names no field. */
    static final String FILTER_TITLE = "field-level response filter";

    /**
     * What a function early-returns when the field's value is null: the object {@code { a4jNull: true }}, never
     * null itself. On AppSync {@code runtime.earlyReturn(null)} and {@code runtime.earlyReturn()} fail the field with
     * a "Runtime Error" of type Code (https://github.com/aws/aws-appsync-community/issues/280), so a relationship
     * with nothing to read (a null foreign key, a hasOne with no key to query) or a denied relationship read returns
     * this instead, and the field's resolver ({@link #nullableResolver}) turns it back into null. It carries none of a
     * model's fields, so a response filter in between (which redacts only fields present on the item) passes it on
     * unchanged.
     */
    static final Map<String, Object> NULL_RESULT = Map.of("a4jNull", true);

    /** The name of the constant holding {@link #NULL_RESULT} in the modules that early-return it. */
    static final String NULL_RESULT_NAME = "NULL_RESULT";

    /** A resolver module that starts the pipeline with an empty result and returns the last function's result. */
    static String resolver(String typeName, String fieldName) {
        return new JsModule(typeName + "." + fieldName + " resolver")
                .request("return {};")
                .response("return ctx.prev.result;")
                .render();
    }

    /**
     * {@link #resolver}, except that {@link #NULL_RESULT} (early-returned by a function of the pipeline) becomes
     * null: the resolver of every field whose functions may early-return a null value.
     */
    static String nullableResolver(String typeName, String fieldName) {
        return new JsModule(typeName + "." + fieldName + " resolver")
                .request("return {};")
                .response("""
                        const result = ctx.prev.result;
                        if (result && result.a4jNull === true) {
                          return null;
                        }
                        return result;
                        """)
                .render();
    }

    /** The standard auth function: callers no rule admits are refused; the decision goes to {@code ctx.stash.auth}. */
    static PipelineFunctionPlan auth(String typeName, String fieldName, List<Map<String, Object>> rules) {
        return authWith(typeName, fieldName, new JsModule(Modules.AUTH_TITLE)
                .constant("RULES", rules)
                .snippet(JsSnippets.CALLER)
                .request("""
                        const decision = authorize(ctx, RULES);
                        if (!decision.allowed) {
                          util.unauthorized();
                        }
                        ctx.stash.auth = decision;
                        return { payload: null };
                        """)
                .response(AUTH_RESPONSE));
    }

    /**
     * The standard auth function, guarding {@code inputs} (JavaScript expressions: the filter, condition or key
     * arguments) with {@link #guard}.
     */
    static PipelineFunctionPlan auth(String typeName, String fieldName, List<Map<String, Object>> rules,
            ResolverContext context, ModelPlan model, String inputs) {
        JsModule module = new JsModule(Modules.AUTH_TITLE)
                .constant("RULES", rules)
                .snippet(JsSnippets.CALLER);
        String guard = guard(module, context, model, inputs);
        return authWith(typeName, fieldName, module
                .request(guard + """
                        const decision = authorize(ctx, RULES);
                        if (!decision.allowed) {
                          util.unauthorized();
                        }
                        ctx.stash.auth = decision;
                        return { payload: null };
                        """)
                .response(AUTH_RESPONSE));
    }

    /**
     * When {@code model} has field-level read rules: adds to {@code module} (which carries
     * {@link JsSnippets#CALLER}) the guard over {@code inputs} and returns the statement that runs it, leaving the
     * checks to add in {@code ctx.stash.guardChecks} (see {@link JsSnippets#GUARD}); otherwise adds nothing and
     * returns "".
     */
    static String guard(JsModule module, ResolverContext context, ModelPlan model, String inputs) {
        if (!guarded(context, model)) {
            return "";
        }
        module.constant("READ_FIELD_RULES", context.fieldRules(model, ModelOperation.READ))
                .constant("GUARDED_TYPE", model.name())
                .snippet(JsSnippets.GUARD);
        return "ctx.stash.guardChecks = guardNamedFields(ctx, " + inputs + ", READ_FIELD_RULES, GUARDED_TYPE);\n";
    }

    /** True when filters and conditions on {@code model} need the guard: it has field-level read rules. */
    static boolean guarded(ResolverContext context, ModelPlan model) {
        return !context.fieldRules(model, ModelOperation.READ).isEmpty();
    }

    static PipelineFunctionPlan authWith(String typeName, String fieldName, JsModule module) {
        return new PipelineFunctionPlan(ResolverNames.function(typeName, fieldName, "Auth"), Role.AUTH,
                ResolverNames.NONE_DATA_SOURCE, new ModuleSource.Generated(shared(module.render())));
    }

    /**
     * One instance of each distinct text. Auth and filter modules name no field, so most fields of a large API
     * repeat a few texts of several KB each: keeping one copy keeps the plan of 200 models about 10 MB smaller.
     * (Interned strings are dropped like any other once nothing refers to them.)
     */
    private static String shared(String text) {
        return text.intern();
    }

    /**
     * A DATA function on a table; {@code operations} are the DynamoDB operations its requests use. It is registered
     * with the context's {@link TableFunctionMerger}, which later replaces it by its table's merged read or write
     * function.
     */
    static PipelineFunctionPlan data(ResolverContext context, String typeName, String fieldName, String dataSource,
            JsModule module, String... operations) {
        String name = ResolverNames.function(typeName, fieldName, "Data");
        context.tableFunctions.register(name, typeName, fieldName, dataSource, module, List.of(operations));
        return new PipelineFunctionPlan(name, Role.DATA, dataSource, new ModuleSource.Generated(module.render()),
                List.of(operations));
    }

    /**
     * The response filter of a field returning {@code model} (one item, or a connection's items): present only
     * when the model has field-level rules.
     */
    static Optional<PipelineFunctionPlan> filter(
            ResolverContext context, ModelPlan model, String typeName, String fieldName, boolean connection) {
        Map<String, List<Map<String, Object>>> fieldRules = context.fieldRules(model, ModelOperation.READ);
        if (fieldRules.isEmpty()) {
            return Optional.empty();
        }
        JsModule module = new JsModule(Modules.FILTER_TITLE)
                .constant("TYPE", model.name())
                .constant("FIELD_RULES", fieldRules)
                .snippet(JsSnippets.CALLER)
                .snippet(JsSnippets.ITEM)
                .snippet(JsSnippets.REDACT)
                .request("return { payload: ctx.prev.result };")
                .response(connection
                        ? """
                        const result = ctx.result;
                        if (result && result.items) {
                          redact(ctx, result.items, TYPE, FIELD_RULES);
                        }
                        return result;
                        """
                        : """
                        const result = ctx.result;
                        if (result) {
                          redact(ctx, [result], TYPE, FIELD_RULES);
                        }
                        return result;
                        """);
        return Optional.of(new PipelineFunctionPlan(ResolverNames.function(typeName, fieldName, "Filter"), Role.FILTER,
                ResolverNames.NONE_DATA_SOURCE, new ModuleSource.Generated(shared(module.render()))));
    }

    /** Data-source errors surface unchanged: message and type (for example a failed condition). */
    static final String ERROR_CHECK = """
            if (ctx.error) {
              util.error(ctx.error.message, ctx.error.type);
            }
            """;
}
