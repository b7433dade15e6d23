package io.amplify4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated source compiles against the runtime, without a warning (-Xlint:all) or a javadoc error. */
class GeneratedCodeCompilesTest {
    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("todo", new TodoBackend()),
                Arguments.of("blog", new BlogBackend()),
                Arguments.of("shop", new ShopBackend()),
                Arguments.of("names", new AwkwardNamesBackend()),
                Arguments.of("ai", new AiBackend()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void compilesCleanly(String name, BackendDefinition backend) {
        GeneratedSources sources = ClientGenerator.generate(backend, CodegenOptions.of("com.example." + name));
        Compiler.Result result = Compiler.compile(Compiler.sources(sources));
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }
}
