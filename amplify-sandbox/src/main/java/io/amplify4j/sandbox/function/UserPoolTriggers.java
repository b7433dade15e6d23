package io.amplify4j.sandbox.function;

import io.amplify4j.model.auth.AuthDefinition;
import io.amplify4j.model.auth.AuthTrigger;
import io.amplify4j.sandbox.server.auth.LocalUserPool;
import io.amplify4j.sandbox.server.auth.LocalUserPool.TokenChanges;
import io.amplify4j.sandbox.server.auth.LocalUserPool.User;
import io.amplify4j.sandbox.server.auth.LocalUserPool.UserPoolException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The definition's auth triggers on the local user pool, with Cognito's event shape ({@code version},
 * {@code triggerSource}, {@code region}, {@code userPoolId}, {@code userName}, {@code callerContext},
 * {@code request}, {@code response}) and Cognito's outcome: a trigger that fails refuses the event with
 * {@code UserLambdaValidationException} ({@code "PreSignUp failed with error <message>."}).
 *
 * <p>Run where the local pool has the event: pre sign-up ({@code PreSignUp_SignUp}) and post confirmation
 * ({@code PostConfirmation_ConfirmSignUp}) when a user is created (the local pool creates confirmed users), pre and
 * post authentication on password sign-in, pre token generation ({@code TokenGeneration_Authentication}, version 1:
 * claims to add, override or suppress in the ID token and groups to override) whenever tokens are issued. Triggers
 * for flows the local pool does not have (custom auth challenges, custom messages, user migration) are not run.
 */
public final class UserPoolTriggers implements LocalUserPool.Triggers {
    private final FunctionRuntime functions;
    private final Map<AuthTrigger, String> bindings = new EnumMap<>(AuthTrigger.class);
    private final String poolId;
    private final String clientId;

    public UserPoolTriggers(FunctionRuntime functions, AuthDefinition auth, LocalUserPool pool) {
        this.functions = Objects.requireNonNull(functions, "functions");
        auth.triggers().forEach(binding -> bindings.put(binding.trigger(), binding.function()));
        this.poolId = pool.poolId();
        this.clientId = pool.clientId();
    }

    /** The triggers this pool runs, by the function each calls. */
    public Map<AuthTrigger, String> bindings() {
        return Map.copyOf(bindings);
    }

    @Override
    public void preSignUp(String username, Map<String, String> attributes) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", new LinkedHashMap<>(attributes));
        request.put("validationData", null);
        request.put("clientMetadata", Map.of());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("autoConfirmUser", false);
        response.put("autoVerifyEmail", false);
        response.put("autoVerifyPhone", false);
        run(AuthTrigger.PRE_SIGN_UP, "PreSignUp", "PreSignUp_SignUp", username, request, response);
    }

    @Override
    public void postConfirmation(User user) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", attributes(user));
        request.put("clientMetadata", Map.of());
        run(AuthTrigger.POST_CONFIRMATION, "PostConfirmation", "PostConfirmation_ConfirmSignUp", user.username(),
                request, new LinkedHashMap<>());
    }

    @Override
    public void preAuthentication(User user) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", attributes(user));
        request.put("validationData", null);
        request.put("userNotFound", false);
        run(AuthTrigger.PRE_AUTHENTICATION, "PreAuthentication", "PreAuthentication_Authentication", user.username(),
                request, new LinkedHashMap<>());
    }

    @Override
    public void postAuthentication(User user) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", attributes(user));
        request.put("newDeviceUsed", false);
        request.put("clientMetadata", Map.of());
        run(AuthTrigger.POST_AUTHENTICATION, "PostAuthentication", "PostAuthentication_Authentication",
                user.username(), request, new LinkedHashMap<>());
    }

    @Override
    public TokenChanges preTokenGeneration(User user) {
        Map<String, Object> groupConfiguration = new LinkedHashMap<>();
        groupConfiguration.put("groupsToOverride", user.groups());
        groupConfiguration.put("iamRolesToOverride", List.of());
        groupConfiguration.put("preferredRole", null);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", attributes(user));
        request.put("groupConfiguration", groupConfiguration);
        request.put("clientMetadata", Map.of());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("claimsOverrideDetails", null);
        Optional<Object> answer = run(AuthTrigger.PRE_TOKEN_GENERATION, "PreTokenGeneration",
                "TokenGeneration_Authentication", user.username(), request, response);
        if (answer.isEmpty()) {
            return TokenChanges.NONE;
        }
        return tokenChanges(answer.get()).orElseThrow(() -> new UserPoolException("UserLambdaValidationException",
                "PreTokenGeneration failed with error Invalid claimsOverrideDetails in the response."));
    }

    /** The changes a pre token generation answer asks for; empty when it is malformed. */
    static Optional<TokenChanges> tokenChanges(Object answer) {
        if (!(answer instanceof Map<?, ?> event)) {
            return Optional.empty();
        }
        Object response = event.get("response");
        if (response == null) {
            return Optional.of(TokenChanges.NONE);
        }
        if (!(response instanceof Map<?, ?> responseMap)) {
            return Optional.empty();
        }
        Object details = responseMap.get("claimsOverrideDetails");
        if (details == null) {
            return Optional.of(TokenChanges.NONE);
        }
        if (!(details instanceof Map<?, ?> detailMap)) {
            return Optional.empty();
        }
        Map<String, Object> add = new LinkedHashMap<>();
        if (detailMap.get("claimsToAddOrOverride") instanceof Map<?, ?> claims) {
            for (Map.Entry<?, ?> claim : claims.entrySet()) {
                if (!(claim.getKey() instanceof String name) || claim.getValue() == null) {
                    return Optional.empty();
                }
                add.put(name, claim.getValue());
            }
        } else if (detailMap.get("claimsToAddOrOverride") != null) {
            return Optional.empty();
        }
        List<String> suppress = new ArrayList<>();
        Optional<List<String>> suppressed = strings(detailMap.get("claimsToSuppress"));
        if (suppressed == null) {
            return Optional.empty();
        }
        suppressed.ifPresent(suppress::addAll);
        Optional<List<String>> groups = Optional.empty();
        Object groupDetails = detailMap.get("groupOverrideDetails");
        if (groupDetails instanceof Map<?, ?> groupMap) {
            groups = strings(groupMap.get("groupsToOverride"));
            if (groups == null) {
                return Optional.empty();
            }
        } else if (groupDetails != null) {
            return Optional.empty();
        }
        return Optional.of(new TokenChanges(add, suppress, groups));
    }

    /** A list of strings (present), nothing (empty), or null when it is something else. */
    private static Optional<List<String>> strings(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                return null;
            }
            out.add(text);
        }
        return Optional.of(out);
    }

    private static Map<String, Object> attributes(User user) {
        Map<String, Object> attributes = new LinkedHashMap<>(user.attributes());
        attributes.put("sub", user.sub());
        attributes.put("cognito:user_status", "CONFIRMED");
        return attributes;
    }

    /** Runs the trigger bound to {@code trigger}, if any: the function's answer, or Cognito's refusal. */
    private Optional<Object> run(AuthTrigger trigger, String label, String source, String username,
            Map<String, Object> request, Map<String, Object> response) {
        String function = bindings.get(trigger);
        if (function == null) {
            return Optional.empty();
        }
        Map<String, Object> callerContext = new LinkedHashMap<>();
        callerContext.put("awsSdkVersion", "aws-sdk-unknown-unknown");
        callerContext.put("clientId", clientId);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "1");
        event.put("triggerSource", source);
        event.put("region", LambdaContext.REGION);
        event.put("userPoolId", poolId);
        event.put("userName", username);
        event.put("callerContext", callerContext);
        event.put("request", request);
        event.put("response", response);
        try {
            return Optional.ofNullable(functions.invoke(function, event));
        } catch (FunctionFailure e) {
            throw new UserPoolException("UserLambdaValidationException", label + " failed with error "
                    + e.getMessage() + (e.getMessage().endsWith(".") ? "" : "."));
        }
    }
}
