package io.amplify4j.plan.resolver;

import java.util.Objects;
import java.util.Optional;

/**
 * An AppSync environment variable ({@code ctx.env}) the generated resolvers read: a value only known at deployment
 * (CDK sets it) or sandbox start (the sandbox sets it). Resolvers fail closed when one is missing: the callers it
 * would admit are denied.
 *
 * @param name the variable's name, valid for AppSync ({@code [A-Za-z]\w{1,63}})
 * @param kind what value it holds
 * @param function for {@link Kind#FUNCTION_ROLE_ARN}: the function whose execution role it names
 */
public record EnvironmentVariablePlan(String name, Kind kind, Optional<String> function) {
    public EnvironmentVariablePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(function, "function");
    }

    /** The values resolvers need from their environment. */
    public enum Kind {
        /** The identity pool's id, {@code region:uuid}: IAM callers from another pool are denied. */
        IDENTITY_POOL_ID,
        /** The user pool's issuer URL ({@code https://cognito-idp.<region>.amazonaws.com/<poolId>}). */
        USER_POOL_ISSUER,
        /** The execution role ARN of a function granted {@code allow.resource(fn)}. */
        FUNCTION_ROLE_ARN
    }
}
