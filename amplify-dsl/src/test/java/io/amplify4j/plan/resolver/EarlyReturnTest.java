package io.amplify4j.plan.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.plan.DataPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No generated module early-returns null: on AppSync {@code runtime.earlyReturn(null)} and
 * {@code runtime.earlyReturn()} fail with a "Runtime Error" (aws-appsync-community#280), which the sandbox does not
 * reproduce. Null fields are early-returned as {@link Modules#NULL_RESULT} instead.
 */
class EarlyReturnTest {
    private static final String CALL = "runtime.earlyReturn(";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

    static Stream<Arguments> plans() {
        return ResolverFixtures.plans().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void noModuleEarlyReturnsNull(String name, DataPlan plan) {
        for (Map.Entry<String, String> module : ResolverFixtures.modules(plan).entrySet()) {
            assertThat(nullEarlyReturns(module.getValue())).as(module.getKey()).isEmpty();
        }
    }

    @Test
    void theFixturesDoEarlyReturnSoTheScanSeesTheCalls() {
        // Every early return of the relationship fields: the denied read, the null foreign key, the hasOne and
        // hasMany with no key to query.
        List<String> arguments = new ArrayList<>();
        for (DataPlan plan : ResolverFixtures.plans().values()) {
            ResolverFixtures.modules(plan).values().forEach(code -> arguments.addAll(earlyReturnArguments(code)));
        }
        assertThat(arguments).contains(Modules.NULL_RESULT_NAME, "EMPTY");
    }

    @Test
    void theScanFindsEveryFormOfNull() {
        assertThat(nullEarlyReturns("runtime.earlyReturn();")).hasSize(1);
        assertThat(nullEarlyReturns("runtime.earlyReturn(null);")).hasSize(1);
        assertThat(nullEarlyReturns("runtime.earlyReturn( undefined );")).hasSize(1);
        assertThat(nullEarlyReturns("runtime.earlyReturn(null, { skipTo: 'END' });")).hasSize(1);
        assertThat(nullEarlyReturns("function a(ctx) {\n  const EMPTY = null;\n  runtime.earlyReturn(EMPTY);\n}\n"))
                .hasSize(1);
        // A constant of the same name is null in one branch of a merged module: the scan does not trust scopes.
        assertThat(nullEarlyReturns("""
                function a(ctx) {
                  const EMPTY = {"items":[]};
                  runtime.earlyReturn(EMPTY);
                }
                function b(ctx) {
                  const EMPTY = null;
                  return EMPTY;
                }
                """)).hasSize(1);
        assertThat(nullEarlyReturns("runtime.earlyReturn(MISSING);")).hasSize(1);
        assertThat(nullEarlyReturns("const NULL_RESULT = {\"a4jNull\":true};\n"
                + "runtime.earlyReturn(NULL_RESULT, { skipTo: 'END' });\nruntime.earlyReturn({ items: [] });"))
                .isEmpty();
    }

    /** The early returns of {@code code} whose value is (or may be) null, each as a message. */
    static List<String> nullEarlyReturns(String code) {
        List<String> found = new ArrayList<>();
        for (String argument : earlyReturnArguments(code)) {
            if (argument.isEmpty() || argument.equals("null") || argument.equals("undefined")) {
                found.add("runtime.earlyReturn(" + argument + ")");
            } else if (IDENTIFIER.matcher(argument).matches()) {
                List<String> values = constantValues(code, argument);
                if (values.isEmpty()) {
                    found.add("runtime.earlyReturn(" + argument + ") of no constant of the module");
                }
                for (String value : values) {
                    if (value.equals("null") || value.equals("undefined")) {
                        found.add("runtime.earlyReturn(" + argument + ") with " + argument + " = " + value);
                    }
                }
            }
        }
        return found;
    }

    /** The first argument of every {@code runtime.earlyReturn} call of {@code code}, trimmed ("" for none). */
    static List<String> earlyReturnArguments(String code) {
        List<String> arguments = new ArrayList<>();
        for (int at = code.indexOf(CALL); at >= 0; at = code.indexOf(CALL, at + 1)) {
            int depth = 0;
            int i = at + CALL.length();
            for (; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    break;
                }
            }
            arguments.add(code.substring(at + CALL.length(), i).trim());
        }
        return arguments;
    }

    /** The values of every {@code const name = value;} of {@code code}. */
    private static List<String> constantValues(String code, String name) {
        Matcher matcher = Pattern.compile("(?m)^\\s*const " + Pattern.quote(name) + " = (.*);$").matcher(code);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1).trim());
        }
        return values;
    }
}
