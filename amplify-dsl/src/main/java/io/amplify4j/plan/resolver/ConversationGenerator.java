package io.amplify4j.plan.resolver;

import io.amplify4j.model.data.AuthRule;
import io.amplify4j.plan.ConversationPlan;
import io.amplify4j.plan.resolver.PipelineFunctionPlan.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operations of a conversation route. Every pipeline starts with the auth function of the route's owner rules
 * (callers none admits, which means anyone but a user-pool user, are refused); functions granted the API are not
 * admitted, since a turn belongs to a user.
 *
 * <ul>
 *   <li>send-message ({@code <route>}): GetItem of the conversation, refused unless it exists and is the caller's
 *       → PutItem of the user's message (role user, owner = the caller) → Invoke of the handler function as an
 *       event, with the payload of custom operations plus {@code prev.result} (the saved message) and
 *       {@code conversation} ({@link ConversationPlan#payload()}) → the saved message.</li>
 *   <li>{@code createAssistantResponse<Route>}: the same conversation check → PutItem of the assistant's message
 *       (role assistant, owner = the caller, whose token the handler forwards) → the saved message.</li>
 *   <li>{@code createAssistantResponseStream<Route>}: on the NONE data source, the part with a new id and
 *       {@code owner} = the caller; it is only published, never stored. No conversation check is needed: the part
 *       carries its publisher as owner, and the subscription delivers only parts whose owner is the subscriber.</li>
 *   <li>{@code onCreateAssistantResponse<Route>}: the filter {@code owner} is the caller (AND {@code conversationId}
 *       when given), as model subscriptions filter by owner.</li>
 * </ul>
 */
final class ConversationGenerator {
    private ConversationGenerator() {}

    /** Reads the conversation named by {@code %s} and refuses the call unless it is the caller's. */
    static final String CONVERSATION_REQUEST = """
            return { operation: 'GetItem', key: util.dynamodb.toMapValues({ id: %s }) };
            """;

    static final String CONVERSATION_RESPONSE = Modules.ERROR_CHECK + """
            const conversation = ctx.result ?? null;
            if (conversation === null || !itemAllowed(ctx.stash.auth, conversation)) {
              util.unauthorized();
            }
            return conversation;
            """;

    /** Stores a message; {@code %s} is the statement building {@code message} from the arguments. */
    static final String MESSAGE_REQUEST = """
            const now = util.time.nowISO8601();
            %s
            for (const check of ctx.stash.auth.checks) {
              if (check.kind === 'owner' && message[check.field] === undefined) {
                message[check.field] = check.multiple ? [check.values[0]] : check.values[0];
              }
            }
            const attributeValues = {};
            for (const field of Object.keys(message)) {
              if (field !== 'id' && message[field] !== undefined && message[field] !== null) {
                attributeValues[field] = message[field];
              }
            }
            return {
              operation: 'PutItem',
              key: util.dynamodb.toMapValues({ id: message.id }),
              attributeValues: util.dynamodb.toMapValues(attributeValues),
              condition: { expression: 'attribute_not_exists(#id)', expressionNames: { '#id': 'id' } },
            };
            """;

    static final String USER_MESSAGE = """
            const message = {
              id: util.autoId(),
              conversationId: ctx.args.conversationId,
              role: 'user',
              content: ctx.args.content,
              aiContext: ctx.args.aiContext,
              createdAt: now,
              updatedAt: now,
            };""";

    static final String ASSISTANT_MESSAGE = """
            const input = ctx.args.input;
            const message = {
              id: util.autoId(),
              conversationId: input.conversationId,
              associatedUserMessageId: input.associatedUserMessageId,
              role: 'assistant',
              content: input.content ?? [],
              createdAt: now,
              updatedAt: now,
            };""";

    static final String INVOKE_REQUEST = """
            return {
              operation: 'Invoke',
              invocationType: 'Event',
              payload: {
                typeName: ctx.info.parentTypeName,
                fieldName: ctx.info.fieldName,
                arguments: ctx.args,
                identity: ctx.identity,
                source: ctx.source,
                request: ctx.request,
                prev: { result: ctx.stash.userMessage },
                conversation: CONVERSATION,
              },
            };
            """;

    static final String STREAM_REQUEST = """
            const input = ctx.args.input;
            const part = { id: util.autoId() };
            for (const field of Object.keys(input)) {
              if (input[field] !== undefined && input[field] !== null) {
                part[field] = input[field];
              }
            }
            for (const check of ctx.stash.auth.checks) {
              if (check.kind === 'owner' && check.field === 'owner') {
                part.owner = check.values[0];
              }
            }
            return { payload: part };
            """;

    static final String SUBSCRIPTION_RESPONSE = """
            const parts = [checksFilter(ctx.stash.auth.checks)];
            if (ctx.args.conversationId) {
              parts.push({ conversationId: { eq: ctx.args.conversationId } });
            }
            extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(parts.length === 1 ? parts[0] : { and: parts }));
            return null;
            """;

    /** The four resolvers of a route, in the order the expansion declares its operations. */
    static List<ResolverPlan> generate(ConversationPlan conversation, List<AuthRule> rules) {
        List<Map<String, Object>> ruleJson = RuleJson.of(rules);
        List<ResolverPlan> out = new ArrayList<>();
        out.add(send(conversation, ruleJson));
        out.add(response(conversation, ruleJson));
        out.add(stream(conversation, ruleJson));
        out.add(subscription(conversation, ruleJson));
        return out;
    }

    private static ResolverPlan send(ConversationPlan conversation, List<Map<String, Object>> rules) {
        String type = "Mutation";
        String field = conversation.route();
        List<PipelineFunctionPlan> functions = new ArrayList<>();
        functions.add(Modules.auth(type, field, rules));
        functions.add(conversationCheck(conversation, type, field, "ctx.args.conversationId"));
        functions.add(store(conversation, type, field, "user message", USER_MESSAGE,
                "ctx.stash.userMessage = ctx.result;\nreturn ctx.result;"));
        String invoke = new JsModule(type + "." + field + " handler " + conversation.handlerFunction())
                .constant("CONVERSATION", conversation.payload())
                .request(INVOKE_REQUEST)
                .response(Modules.ERROR_CHECK + "return ctx.stash.userMessage;")
                .render();
        functions.add(new PipelineFunctionPlan(ResolverNames.function(type, field, "Handler"), Role.HANDLER,
                ResolverNames.functionDataSource(conversation.handlerFunction()), new ModuleSource.Generated(invoke)));
        return new ResolverPlan(type, field, Modules.resolver(type, field), functions);
    }

    private static ResolverPlan response(ConversationPlan conversation, List<Map<String, Object>> rules) {
        String type = "Mutation";
        String field = conversation.responseMutation();
        List<PipelineFunctionPlan> functions = new ArrayList<>();
        functions.add(Modules.auth(type, field, rules));
        functions.add(conversationCheck(conversation, type, field, "ctx.args.input.conversationId"));
        functions.add(store(conversation, type, field, "assistant message", ASSISTANT_MESSAGE, "return ctx.result;"));
        return new ResolverPlan(type, field, Modules.resolver(type, field), functions);
    }

    private static ResolverPlan stream(ConversationPlan conversation, List<Map<String, Object>> rules) {
        String type = "Mutation";
        String field = conversation.streamMutation();
        String code = new JsModule(type + "." + field + " stream part")
                .request(STREAM_REQUEST)
                .response("return ctx.result;")
                .render();
        return new ResolverPlan(type, field, Modules.resolver(type, field), List.of(
                Modules.auth(type, field, rules),
                new PipelineFunctionPlan(ResolverNames.function(type, field, "Handler"), Role.HANDLER,
                        ResolverNames.NONE_DATA_SOURCE, new ModuleSource.Generated(code))));
    }

    private static ResolverPlan subscription(ConversationPlan conversation, List<Map<String, Object>> rules) {
        String type = "Subscription";
        String field = conversation.subscription();
        String resolver = new JsModule(type + "." + field + " resolver")
                .snippet(JsSnippets.CHECKS_FILTER)
                .request("return {};")
                .response(SUBSCRIPTION_RESPONSE)
                .render();
        return new ResolverPlan(type, field, resolver, List.of(Modules.auth(type, field, rules)));
    }

    /** GetItem of the conversation whose id {@code idExpression} gives; only the caller's passes. */
    private static PipelineFunctionPlan conversationCheck(ConversationPlan conversation, String type, String field,
            String idExpression) {
        JsModule module = new JsModule(type + "." + field + " conversation check")
                .snippet(JsSnippets.ITEM)
                .request(CONVERSATION_REQUEST.formatted(idExpression))
                .response(CONVERSATION_RESPONSE);
        return new PipelineFunctionPlan(ResolverNames.function(type, field, "Conversation"), Role.DATA,
                ResolverNames.tableDataSource(conversation.conversationModel()),
                new ModuleSource.Generated(module.render()), List.of("GetItem"));
    }

    /** PutItem of a message built by {@code build}. */
    private static PipelineFunctionPlan store(ConversationPlan conversation, String type, String field, String what,
            String build, String response) {
        JsModule module = new JsModule(type + "." + field + " " + what)
                .request(MESSAGE_REQUEST.formatted(build))
                .response(Modules.ERROR_CHECK + response);
        return new PipelineFunctionPlan(ResolverNames.function(type, field, "Data"), Role.DATA,
                ResolverNames.tableDataSource(conversation.messageModel()),
                new ModuleSource.Generated(module.render()), List.of("PutItem"));
    }
}
