package io.amplify4j.plan.resolver;

import io.amplify4j.plan.Names;
import java.util.Locale;

/**
 * The names of data sources, pipeline functions, module files and environment variables: computed here and nowhere
 * else. CDK and the sandbox read them from the plan.
 */
public final class ResolverNames {
    /** The NONE data source: auth and response filter functions, subscriptions. */
    public static final String NONE_DATA_SOURCE = "NONE";

    /** The HTTP data source of generation routes: Bedrock's runtime. */
    public static final String BEDROCK_DATA_SOURCE = "Bedrock";

    /** Bedrock's runtime endpoint, {@code {region}} standing for the API's region. */
    public static final String BEDROCK_ENDPOINT_TEMPLATE = "https://bedrock-runtime.{region}.amazonaws.com";

    /** The SigV4 signing name of Bedrock's runtime. */
    public static final String BEDROCK_SIGNING_SERVICE = "bedrock";

    /** {@code ctx.env} variable holding the identity pool id. */
    public static final String IDENTITY_POOL_ID_ENV = "AMPLIFY_IDENTITY_POOL_ID";

    /** {@code ctx.env} variable holding the user pool's issuer URL. */
    public static final String USER_POOL_ISSUER_ENV = "AMPLIFY_USER_POOL_ISSUER";

    /** Prefix of the {@code ctx.env} variables holding granted functions' role ARNs. */
    public static final String FUNCTION_ROLE_ARN_ENV_PREFIX = "AMPLIFY_FUNCTION_ROLE_ARN_";

    private ResolverNames() {}

    /** {@code <Model>Table}. */
    public static String tableDataSource(String model) {
        return identifier(model) + "Table";
    }

    /** {@code Fn<Function>}: {@code FnRecommend}. */
    public static String functionDataSource(String function) {
        return "Fn" + Names.upperFirst(identifier(function));
    }

    /** {@code AMPLIFY_FUNCTION_ROLE_ARN_<FUNCTION>}, the function's name in upper snake case. */
    public static String functionRoleArnEnv(String function) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < function.length(); i++) {
            char c = function.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(function.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        String name = FUNCTION_ROLE_ARN_ENV_PREFIX + out.toString().toUpperCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** A pipeline function's name: {@code <Type><Field><Step>}, {@code QueryGetTodoAuth}. */
    public static String function(String typeName, String fieldName, String step) {
        return identifier(typeName) + Names.upperFirst(identifier(fieldName)) + step;
    }

    /** The resolver module's path in a module tree: {@code Query/getTodo/resolver.js}. */
    public static String resolverModulePath(String typeName, String fieldName) {
        return typeName + "/" + fieldName + "/resolver.js";
    }

    /** A generated function module's path: {@code Query/getTodo/QueryGetTodoAuth.js}. */
    public static String functionModulePath(String typeName, String fieldName, String functionName) {
        return typeName + "/" + fieldName + "/" + functionName + ".js";
    }

    private static String identifier(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
        }
        return out.toString();
    }
}
