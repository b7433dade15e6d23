package io.amplify4j.sandbox.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.faults.EnvHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parts behind the function runtime: message sanitising, class rewriting, field ARNs, input types. */
class FunctionPartsTest {
    @Test
    void messagesKeepTheirFirstLineWithoutPaths() {
        assertThat(Sanitizer.text("Cannot open /var/lib/shop/ledger.db now\n\tat com.example.X.y(X.java:1)"))
                .isEqualTo("Cannot open <path> now");
        assertThat(Sanitizer.text("Missing C:\\Users\\dev\\shop\\config.json")).isEqualTo("Missing <path>");
        assertThat(Sanitizer.text("See https://docs.example.com/errors/42 and a/b")).isEqualTo(
                "See https://docs.example.com/errors/42 and a/b");
        assertThat(Sanitizer.text("x".repeat(400))).hasSize(Sanitizer.MAX_LENGTH + 3).endsWith("...");
        assertThat(Sanitizer.message(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void onlyClassesCallingGetenvAreRewrittenAndOnlyTheirGetenvCalls() throws IOException {
        byte[] plain = classBytes(FunctionPartsTest.class);
        assertThat(EnvironmentRewriter.rewrite(plain)).isSameAs(plain);
        byte[] reading = classBytes(EnvHandler.class);
        byte[] rewritten = EnvironmentRewriter.rewrite(reading);
        assertThat(rewritten).isNotSameAs(reading);
        String text = new String(rewritten, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains(EnvironmentRewriter.TARGET).contains("java/lang/System");
        assertThat(EnvironmentRewriter.rewrite("not a class getenv".getBytes())).isNotNull();
    }

    @Test
    void deniedFieldsAreCoordinatesOrArnsOfThisApi() {
        assertThat(LambdaAuthorizer.coordinate("Query.getNote", "api")).contains("Query.getNote");
        assertThat(LambdaAuthorizer.coordinate(
                "arn:aws:appsync:us-east-1:123456789012:apis/api/types/Note/fields/text", "api")).contains("Note.text");
        assertThat(LambdaAuthorizer.coordinate(
                "arn:aws:appsync:us-east-1:123456789012:apis/other/types/Note/fields/text", "api")).contains("");
        assertThat(LambdaAuthorizer.coordinate("getNote", "api")).isEmpty();
        assertThat(LambdaAuthorizer.coordinate("arn:aws:appsync:us-east-1:1:apis/api/types/Note", "api"))
                .isEqualTo(Optional.empty());
    }

    static final class Typed implements RequestHandler<Map<String, List<Integer>>, String> {
        @Override
        public String handleRequest(Map<String, List<Integer>> input, Context context) {
            return input.toString();
        }
    }

    abstract static class Base<T> implements RequestHandler<T, String> {}

    static final class Bound extends Base<String> {
        @Override
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    @SuppressWarnings("rawtypes")
    static final class Raw implements RequestHandler {
        @Override
        public Object handleRequest(Object input, Context context) {
            return input;
        }
    }

    @Test
    void theInputTypeComesFromTheRequestHandlerInterface() {
        assertThat(LocalFunction.inputType(Typed.class).getTypeName())
                .isEqualTo("java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>");
        assertThat(LocalFunction.inputType(Bound.class)).isEqualTo(String.class);
        assertThat(LocalFunction.inputType(Raw.class)).isEqualTo(Object.class);
    }
}
