package io.amplify4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.dsl.BackendDefinition;
import io.amplify4j.fixtures.AiBackend;
import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.fixtures.ShopBackend;
import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.testing.Golden;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden file per generated file of the Todo, Blog and Shop fixtures and of a backend of awkward names, under {@code golden/client/<backend>/}.
 * Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class ClientGoldenTest {
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
    void everyGeneratedFileMatchesItsGolden(String name, BackendDefinition backend) {
        GeneratedSources sources = ClientGenerator.generate(backend, CodegenOptions.of("com.example." + name));
        assertThat(sources.files()).isNotEmpty();
        for (GeneratedFile file : sources.files()) {
            Golden.assertMatches("client/" + name + "/" + file.typeName() + ".java", file.content());
        }
        GeneratedSources again = ClientGenerator.generate(backend, CodegenOptions.of("com.example." + name));
        assertThat(again).as("the same definition gives byte-identical sources").isEqualTo(sources);
    }
}
