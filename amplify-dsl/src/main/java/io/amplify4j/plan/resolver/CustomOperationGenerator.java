package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.CustomOperation.Handler;
import io.amplify4j.plan.resolver.PipelineFunctionPlan.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Custom queries, mutations and subscriptions: an auth function (the operation's rules and the functions granted
 * its root type; only static rules can admit, there is no item to check), then each handler in order: a function
 * handler invokes its Lambda data source {@code Fn<Name>} with Amplify's payload (as an event when async, answering
 * {@code {success: true}}); a custom JS handler runs the user's module from its entry path.
 */
final class CustomOperationGenerator {
    private CustomOperationGenerator() {}

    static final String INVOKE_REQUEST = """
            return {
              operation: 'Invoke',
              invocationType: INVOCATION_TYPE,
              payload: {
                typeName: ctx.info.parentTypeName,
                fieldName: ctx.info.fieldName,
                arguments: ctx.args,
                identity: ctx.identity,
                source: ctx.source,
                request: ctx.request,
                prev: ctx.prev,
              },
            };
            """;

    /** The auth function of a custom operation: its rules and the functions granted its root type, static only. */
    static PipelineFunctionPlan auth(ResolverContext context, CustomOperation operation) {
        return Modules.authWith(operation.type().rootTypeName(), operation.name(), new JsModule(Modules.AUTH_TITLE)
                .constant("RULES", context.customRules(operation))
                .snippet(JsSnippets.CALLER)
                .request("""
                        const decision = authorize(ctx, RULES);
                        if (!decision.isStatic) {
                          util.unauthorized();
                        }
                        ctx.stash.auth = decision;
                        return { payload: null };
                        """)
                .response(Modules.AUTH_RESPONSE));
    }

    static ResolverPlan generate(ResolverContext context, CustomOperation operation) {
        String type = operation.type().rootTypeName();
        String fieldName = operation.name();
        List<PipelineFunctionPlan> functions = new ArrayList<>();
        functions.add(auth(context, operation));
        int index = 0;
        boolean several = operation.handlers().size() > 1;
        for (Handler handler : operation.handlers()) {
            index++;
            String step = "Handler" + (several ? String.valueOf(index) : "");
            String name = ResolverNames.function(type, fieldName, step);
            if (handler instanceof Handler.Function function) {
                String code = new JsModule(type + "." + fieldName + " handler " + function.function())
                        .constant("INVOCATION_TYPE", function.async() ? "Event" : "RequestResponse")
                        .request(INVOKE_REQUEST)
                        .response(Modules.ERROR_CHECK
                                + (function.async() ? "return { success: true };" : "return ctx.result;"))
                        .render();
                functions.add(new PipelineFunctionPlan(name, Role.HANDLER,
                        ResolverNames.functionDataSource(function.function()), new ModuleSource.Generated(code)));
            } else if (handler instanceof Handler.CustomJs js) {
                functions.add(new PipelineFunctionPlan(name, Role.HANDLER,
                        js.dataSourceModel().map(ResolverNames::tableDataSource).orElse(ResolverNames.NONE_DATA_SOURCE),
                        new ModuleSource.UserFile(js.entry()),
                        js.dataSourceModel().isPresent() ? PipelineFunctionPlan.USER_MODULE_OPERATIONS : List.of()));
            }
        }
        String resolver = operation.type() == CustomOperation.Type.SUBSCRIPTION && operation.handlers().isEmpty()
                ? new JsModule(type + "." + fieldName + " resolver").request("return {};").response("return null;")
                        .render()
                : Modules.resolver(type, fieldName);
        return new ResolverPlan(type, fieldName, resolver, functions);
    }
}
