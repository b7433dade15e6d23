package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.CustomOperation;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.plan.ConversationPlan;
import io.amplify4j.plan.JsonSchemas;
import io.amplify4j.plan.resolver.PipelineFunctionPlan.Role;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generation routes: the auth function of custom operations (static rules only), then one HANDLER function on the
 * {@code Bedrock} HTTP data source. Its request is a Converse call: the system prompt, the inference parameters, the
 * arguments as JSON text in the user message, and one tool whose input schema is the return type's JSON schema, which
 * the model must use ({@code toolChoice}), so its answer is structured output. Its response turns an HTTP status of
 * 400 or more into an error carrying Bedrock's message, and otherwise returns the tool's input (unwrapping
 * {@code {value: ...}} for returns that are not one custom type, see {@link JsonSchemas#output}).
 */
final class GenerationGenerator {
    private GenerationGenerator() {}

    /** The structured-output tool's name. */
    static final String TOOL_NAME = "structured_output";

    static final String REQUEST = """
            const body = {
              system: [{ text: ROUTE.systemPrompt }],
              messages: [{ role: 'user', content: [{ text: JSON.stringify(ctx.args ?? {}) }] }],
              toolConfig: {
                tools: [
                  {
                    toolSpec: {
                      name: ROUTE.toolName,
                      description: ROUTE.toolDescription,
                      inputSchema: { json: ROUTE.outputSchema },
                    },
                  },
                ],
                toolChoice: { tool: { name: ROUTE.toolName } },
              },
            };
            if (Object.keys(ROUTE.inferenceConfig).length > 0) {
              body.inferenceConfig = ROUTE.inferenceConfig;
            }
            return {
              method: 'POST',
              resourcePath: ROUTE.resourcePath,
              params: {
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(body),
              },
            };
            """;

    static final String RESPONSE = """
            if (ctx.error) {
              util.error(ctx.error.message, ctx.error.type);
            }
            const result = ctx.result ?? {};
            const status = result.statusCode ?? 0;
            const text = result.body ?? '';
            const body = typeof text === 'string' ? (text.length > 0 ? JSON.parse(text) : {}) : text;
            if (status >= 400) {
              const message = body.message ?? body.Message ?? 'no message';
              util.error('Bedrock answered ' + status + ': ' + message, 'BedrockError');
            }
            const output = body.output ?? {};
            const answer = output.message ?? {};
            for (const block of answer.content ?? []) {
              if (block.toolUse && block.toolUse.name === ROUTE.toolName) {
                const input = block.toolUse.input ?? {};
                return ROUTE.wrapped ? (input.value ?? null) : input;
              }
            }
            util.error('The model gave no structured answer (stop reason: ' + (body.stopReason ?? 'unknown') + ')', 'GenerationError');
            """;

    static ResolverPlan generate(ResolverContext context, CustomOperation operation,
            CustomOperation.Handler.Generation generation) {
        String type = operation.type().rootTypeName();
        String fieldName = operation.name();
        FieldType returns = operation.returns().orElseThrow(() ->
                new IllegalArgumentException("Generation route " + fieldName + " has no return type"));
        JsonSchemas schemas = new JsonSchemas(context.data);
        Map<String, Object> route = new TreeMap<>();
        route.put("systemPrompt", generation.systemPrompt());
        route.put("inferenceConfig", ConversationPlan.inferenceConfiguration(generation.inference()));
        route.put("toolName", TOOL_NAME);
        route.put("toolDescription", "Gives the result, a " + returns.graphql() + ".");
        route.put("outputSchema", schemas.output(returns));
        route.put("wrapped", JsonSchemas.wrapped(returns));
        route.put("resourcePath", resourcePath(generation));
        String code = new JsModule(type + "." + fieldName + " generation with " + generation.aiModel().friendlyName())
                .constant("ROUTE", route)
                .request(REQUEST)
                .response(RESPONSE)
                .render();
        PipelineFunctionPlan handler = new PipelineFunctionPlan(ResolverNames.function(type, fieldName, "Handler"),
                Role.HANDLER, ResolverNames.BEDROCK_DATA_SOURCE, new ModuleSource.Generated(code));
        return new ResolverPlan(type, fieldName, Modules.resolver(type, fieldName),
                List.of(CustomOperationGenerator.auth(context, operation), handler));
    }

    /** Converse's path for the model: {@code /model/<modelId>/converse}. */
    static String resourcePath(CustomOperation.Handler.Generation generation) {
        return "/model/" + generation.aiModel().bedrockModelId() + "/converse";
    }
}
