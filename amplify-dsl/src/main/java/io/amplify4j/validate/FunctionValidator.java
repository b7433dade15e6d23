package io.amplify4j.validate;

import static io.amplify4j.validate.NameRules.q;

import io.amplify4j.model.BackendModel;
import io.amplify4j.model.function.FunctionCode;
import io.amplify4j.model.function.FunctionDefinition;
import io.amplify4j.model.function.Schedule;
import io.amplify4j.model.storage.StorageAccessor;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Functions (#27): names, code, sizes, environment, layers and schedules. Places start with
 * {@code functions.<name>}; environment variables are placed by name, e.g. {@code functions.f.environment.1BAD}.
 *
 * <p>Reserved environment names are Lambda's documented reserved variables, anything starting with
 * {@code AWS_LAMBDA_} (except the two Lambda lets users set) or {@code LAMBDA_},
 * and the names the backend injects for the access a function is granted.
 */
final class FunctionValidator {
    private FunctionValidator() {}

    /** Amplify's rule, which also keeps names valid as shell and Java identifiers. */
    static final Pattern ENV_NAME = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    private static final Pattern LAYER_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:layer:[a-zA-Z0-9_-]{1,140}:\\d+");
    private static final Pattern ASSET_HANDLER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*\\.[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> LAMBDA_RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    /** AWS_LAMBDA_ variables Lambda documents as settable. */
    private static final Set<String> LAMBDA_SETTABLE = Set.of("AWS_LAMBDA_EXEC_WRAPPER", "AWS_LAMBDA_DOTNET_PREJIT");
    private static final Set<Integer> LOG_RETENTION_DAYS = new TreeSet<>(List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150,
            180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653));
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_");

    static void check(Context ctx, BackendModel backend) {
        Set<String> names = new HashSet<>();
        for (FunctionDefinition fn : backend.functions()) {
            String place = "functions." + fn.name();
            NameRules.checkResourceName(ctx, place, "function", fn.name());
            if (!names.add(fn.name())) {
                ctx.addf(place, "Function %s is defined more than once. Give each function its own name.", q(fn.name()));
            }
            checkCode(ctx, place, fn);
            range(ctx, place + ".timeoutSeconds", "timeoutSeconds", fn.timeoutSeconds(), 1, 900);
            range(ctx, place + ".memoryMb", "memoryMb", fn.memoryMb(), 128, 10240);
            range(ctx, place + ".ephemeralStorageMb", "ephemeralStorageMb", fn.ephemeralStorageMb(), 512, 10240);
            if (!LOG_RETENTION_DAYS.contains(fn.logRetentionDays())) {
                ctx.addf(place + ".logRetentionDays", "logRetentionDays %d is not a CloudWatch retention period. Use "
                        + "one of %s.", fn.logRetentionDays(), LOG_RETENTION_DAYS);
            }
            checkEnvironment(ctx, place, fn, injectedNames(ctx, backend, fn));
            checkLayers(ctx, place, fn.layers());
            for (int i = 0; i < fn.schedules().size(); i++) {
                checkSchedule(ctx, place + ".schedules[" + i + "]", fn, fn.schedules().get(i));
            }
        }
    }

    private static void range(Context ctx, String place, String what, int value, int min, int max) {
        if (value < min || value > max) {
            ctx.addf(place, "%s must be a whole number between %d and %d; got %d.", what, min, max, value);
        }
    }

    private static void checkCode(Context ctx, String place, FunctionDefinition fn) {
        if (fn.code() instanceof FunctionCode.Java java) {
            if (!isJavaHandler(java.handlerClass())) {
                ctx.addf(place + ".code.handlerClass", "Java handler class %s is not a valid class name. Use a fully "
                        + "qualified name such as `com.example.Handler`, optionally with `::method`.",
                        q(java.handlerClass()));
            }
            if (java.artifact().isBlank()) {
                ctx.add(place + ".code.artifact", "Java handler artifact is empty. Name the jar or class directory "
                        + "that holds the handler.");
            }
        } else if (fn.code() instanceof FunctionCode.Asset asset) {
            if (asset.directory().isBlank()) {
                ctx.add(place + ".code.directory", "Asset directory is empty. Name the folder that holds the code.");
            }
            if (!ASSET_HANDLER.matcher(asset.handler()).matches()) {
                ctx.addf(place + ".code.handler", "Handler %s of function %s must look like `file.function`, for "
                        + "example `index.handler`.", q(asset.handler()), q(fn.name()));
            }
        }
    }

    static boolean isJavaHandler(String handler) {
        String className = handler;
        int colons = handler.indexOf("::");
        if (colons >= 0) {
            className = handler.substring(0, colons);
            if (!isJavaIdentifier(handler.substring(colons + 2))) {
                return false;
            }
        }
        for (String part : className.split("\\.", -1)) {
            if (!isJavaIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJavaIdentifier(String s) {
        if (s.isEmpty() || JAVA_KEYWORDS.contains(s) || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(Character::isJavaIdentifierPart);
    }

    /** Variables the backend sets for the grants this function has; a user value would be overwritten. */
    private static Set<String> injectedNames(Context ctx, BackendModel backend, FunctionDefinition fn) {
        Set<String> names = new TreeSet<>();
        if (!fn.secrets().isEmpty()) {
            names.add("AMPLIFY_SSM_ENV_CONFIG");
        }
        backend.storage().forEach(bucket -> {
            boolean granted = bucket.access().stream().flatMap(a -> a.rules().stream())
                    .anyMatch(r -> r.accessor() instanceof StorageAccessor.Resource res && res.function().equals(fn.name()));
            if (granted) {
                names.add(bucket.name() + "_BUCKET_NAME");
            }
        });
        backend.auth().filter(a -> a.access().stream().anyMatch(g -> g.function().equals(fn.name())))
                .ifPresent(a -> names.add(a.name() + "_USERPOOL_ID"));
        // A conversation route's handler function is granted the API by the route (see AiRoutes).
        backend.data().filter(d -> d.functionAccess().stream().anyMatch(g -> g.function().equals(fn.name()))
                        || d.conversations().stream().anyMatch(c -> c.handlerFunction().filter(fn.name()::equals)
                                .isPresent()))
                .ifPresent(d -> {
                    names.add(d.name() + "_GRAPHQL_ENDPOINT");
                    names.add(d.name() + "_MODEL_INTROSPECTION_SCHEMA_BUCKET_NAME");
                    names.add(d.name() + "_MODEL_INTROSPECTION_SCHEMA_KEY");
                    names.add("AMPLIFY_DATA_DEFAULT_NAME");
                });
        return names;
    }

    private static void checkEnvironment(Context ctx, String place, FunctionDefinition fn, Set<String> injected) {
        fn.environment().keySet().forEach(key -> {
            String keyPlace = place + ".environment." + key;
            checkEnvName(ctx, keyPlace, key, injected);
            if (fn.secrets().containsKey(key)) {
                ctx.addf(keyPlace, "Environment variable %s is both a plain variable and a secret. Keep one.", q(key));
            }
        });
        fn.secrets().forEach((key, secret) -> {
            String keyPlace = place + ".secrets." + key;
            checkEnvName(ctx, keyPlace, key, injected);
            NameRules.checkSecretName(ctx, keyPlace, secret);
        });
    }

    private static void checkEnvName(Context ctx, String place, String key, Set<String> injected) {
        if (!ENV_NAME.matcher(key).matches()) {
            ctx.addf(place, "Environment variable name %s is invalid. Start with a letter and use at least two "
                    + "letters, digits or underscores.", q(key));
        } else if (LAMBDA_RESERVED.contains(key) || key.startsWith("LAMBDA_")
                || (key.startsWith("AWS_LAMBDA_") && !LAMBDA_SETTABLE.contains(key))) {
            ctx.addf(place, "Environment variable %s is reserved by Lambda. Choose another name.", q(key));
        } else if (injected.contains(key)) {
            ctx.addf(place, "Environment variable %s is set by the backend for the access this function is "
                    + "granted. Choose another name.", q(key));
        }
    }

    private static void checkLayers(Context ctx, String place, List<String> layers) {
        Set<String> distinct = new HashSet<>(layers);
        if (distinct.size() > 5) {
            ctx.addf(place + ".layers", "Function has %d layers; Lambda allows at most 5. Remove some.", distinct.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            String layer = layers.get(i);
            if (!LAYER_ARN.matcher(layer).matches()) {
                ctx.addf(place + ".layers[" + i + "]", "Layer %s is not a layer version ARN. Use "
                        + "`arn:aws:lambda:<region>:<account>:layer:<name>:<version>`.", q(layer));
            }
            if (!seen.add(layer)) {
                ctx.addf(place + ".layers[" + i + "]", "Layer %s is listed more than once. Remove the duplicate.", q(layer));
            }
        }
    }

    private static void checkSchedule(Context ctx, String place, FunctionDefinition fn, Schedule schedule) {
        if (schedule.expression() instanceof Schedule.Rate rate) {
            if (rate.amount() < 1) {
                ctx.addf(place, "Schedule rate must be a whole number of at least 1; got %d.", rate.amount());
            } else if ((long) rate.amount() * rate.unit().seconds() <= fn.timeoutSeconds()) {
                // A run would still be going when the next one starts.
                ctx.addf(place, "Schedule %s is not longer than the function's %d second timeout. Use a longer rate "
                        + "or a shorter timeout.", q(rate.schedulerExpression()), fn.timeoutSeconds());
            }
        } else if (schedule.expression() instanceof Schedule.Cron cron) {
            CronRules.problem(cron.expression()).ifPresent(p -> ctx.addf(place, "Cron expression %s is invalid: %s. "
                    + "Fix the expression.", q(cron.expression()), p));
        }
        if (!ZoneId.getAvailableZoneIds().contains(schedule.timeZone())) {
            ctx.addf(place, "Time zone %s is not a valid IANA time zone. Use a name such as `UTC` or `Europe/Berlin`.",
                    q(schedule.timeZone()));
        }
    }
}
