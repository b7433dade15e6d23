package io.amplify4j.sandbox.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.faults.EnvHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loader behind the library's conversation handler running from the class path: the classes of the handler's
 * code source are its own and read the function's environment, everything else (Jackson, the AWS SDK) is the class
 * path's, and the Lambda interfaces are the sandbox's.
 */
class ClassPathHandlerLoaderTest {
    @Test
    @SuppressWarnings("unchecked")
    void theHandlersOwnClassesReadTheFunctionsEnvironmentAndTheRestComesFromTheClassPath() throws Exception {
        URL codeSource = EnvHandler.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader classPath = ClassPathHandlerLoaderTest.class.getClassLoader();
        try (HandlerClassLoader loader = HandlerClassLoader.overClassPath("chat", codeSource, classPath,
                FunctionRuntime.class.getClassLoader())) {
            Class<?> handlerClass = loader.loadClass(EnvHandler.class.getName());

            assertThat(handlerClass).isNotSameAs(EnvHandler.class);
            assertThat(handlerClass.getClassLoader()).isSameAs(loader);
            assertThat(loader.loadClass(ObjectMapper.class.getName())).isSameAs(ObjectMapper.class);
            assertThat(loader.loadClass(RequestHandler.class.getName())).isSameAs(RequestHandler.class);
            assertThat(loader.getResource("com/fasterxml/jackson/databind/ObjectMapper.class")).isNotNull();

            RequestHandler<Map<String, Object>, Map<String, Object>> handler =
                    (RequestHandler<Map<String, Object>, Map<String, Object>>) handlerClass
                            .getConstructor().newInstance();
            Map<String, Object> seen = LambdaEnvironment.with(Map.of("GREETING", "hello from the function",
                    "AWS_REGION", "eu-west-1"), () -> handler.handleRequest(Map.of(), null));

            assertThat(seen).containsEntry("greeting", "hello from the function")
                    .containsEntry("viaMethodReference", "hello from the function")
                    .containsEntry("fromThread", "hello from the function")
                    .containsEntry("region", "eu-west-1")
                    .containsEntry("home", null);
        }
    }
}
