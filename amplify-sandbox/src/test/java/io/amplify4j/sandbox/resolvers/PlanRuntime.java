package io.amplify4j.sandbox.resolvers;

import io.amplify4j.plan.DataPlan;
import io.amplify4j.sandbox.dynamodb.DynamoDbStore;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.runtime.Caller;
import io.amplify4j.sandbox.runtime.PlanResolvers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A plan's resolvers through {@link PlanResolvers}, with {@code ctx.env} set from the plan's environment names the
 * way a deployment would: the user pool's issuer, the identity pool's id, and each granted function's role ARN.
 */
final class PlanRuntime implements AutoCloseable {
    static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_local";
    static final String IDENTITY_POOL = "eu-west-1:00000000-0000-0000-0000-000000000000";
    static final String ACCOUNT = "123456789012";

    private final PlanResolvers resolvers;
    final DynamoDbStore store;

    PlanRuntime(DataPlan plan, Map<String, Function<Map<String, Object>, Object>> lambdas) {
        this(plan, lambdas, Map.of());
    }

    /** With the text of the custom JS handlers the plan references by entry path. */
    PlanRuntime(DataPlan plan, Map<String, Function<Map<String, Object>, Object>> lambdas,
            Map<String, String> userModules) {
        this(plan, lambdas, userModules, (source, dataSource) -> dataSource);
    }

    /** With data sources replaced or wrapped by {@code wrapper} (for example a stand-in for an HTTP endpoint). */
    PlanRuntime(DataPlan plan, Map<String, Function<Map<String, Object>, Object>> lambdas,
            Map<String, String> userModules,
            java.util.function.BiFunction<io.amplify4j.plan.resolver.DataSourcePlan,
                    io.amplify4j.sandbox.datasource.DataSource, io.amplify4j.sandbox.datasource.DataSource> wrapper) {
        PlanResolvers.Builder builder = PlanResolvers.builder(plan).wrapDataSources(wrapper);
        userModules.forEach(builder::userModule);
        plan.environment().forEach(variable -> builder.env(variable.name(), switch (variable.kind()) {
            case IDENTITY_POOL_ID -> IDENTITY_POOL;
            case USER_POOL_ISSUER -> ISSUER;
            case FUNCTION_ROLE_ARN -> roleArn(variable.function().orElseThrow());
        }));
        lambdas.forEach((name, handler) -> builder.function(name, handler::apply));
        this.resolvers = builder.build();
        this.store = resolvers.store();
    }

    /** The execution role a function granted access calls with. */
    static String roleArn(String function) {
        return "arn:aws:iam::" + ACCOUNT + ":role/amplify-" + function + "-role";
    }

    ResolverResult call(Caller caller, String type, String field, Map<String, Object> arguments) {
        return call(caller, type, field, arguments, null);
    }

    ResolverResult call(Caller caller, String type, String field, Map<String, Object> arguments, Object source) {
        return resolvers.execute(type, field, arguments, source, caller);
    }

    @Override
    public void close() {
        resolvers.close();
    }

    static Optional<String> errorType(ResolverResult result) {
        return result.errors().isEmpty() ? Optional.empty() : result.errors().get(0).errorType();
    }

    /** The callers the tests use. */
    static final class Callers {
        private Callers() {}

        static Caller apiKey() {
            return Caller.apiKey();
        }

        static Caller user(String sub, String username, String... groups) {
            return Caller.user(ISSUER, sub, username, List.of(groups));
        }

        static Caller userWithIssuer(String issuer, String sub, String username, String... groups) {
            return Caller.user(issuer, sub, username, List.of(groups));
        }

        static Caller oidc(String sub, Map<String, Object> extraClaims) {
            Map<String, Object> claims = new LinkedHashMap<>(extraClaims);
            claims.put("sub", sub);
            claims.put("iss", "https://login.partners.example.com");
            return Caller.oidc(claims);
        }

        static Caller guest(String poolId) {
            return Caller.identityPool(poolId, "eu-west-1:guest-1", true);
        }

        static Caller identityPoolUser(String poolId) {
            return Caller.identityPool(poolId, "eu-west-1:user-1", false);
        }

        /** A function's execution role, calling with a session of it. */
        static Caller role(String roleName) {
            return Caller.iam("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/session");
        }

        static Caller lambdaAuthorizer() {
            return Caller.lambda(Map.of("partner", "acme"));
        }
    }
}
