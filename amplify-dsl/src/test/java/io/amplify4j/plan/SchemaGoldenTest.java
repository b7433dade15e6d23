package io.amplify4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLSchema;
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

/** The SDL of the three fixture backends and the ledger (composite keys), compared with reviewed golden copies and validated by graphql-java. */
class SchemaGoldenTest {

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("todo", new TodoBackend()),
                Arguments.of("blog", new BlogBackend()),
                Arguments.of("shop", new ShopBackend()),
                Arguments.of("ai", new AiBackend()),
                Arguments.of("ledger", new LedgerBackend()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void sdlMatchesGolden(String name, BackendDefinition backend) {
        String sdl = schema(backend);
        Golden.assertMatches("sdl/" + name + ".graphql", sdl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void sdlParsesAndValidates(String name, BackendDefinition backend) {
        GraphQLSchema schema = AppSyncSchemas.parse(schema(backend));
        assertThat(schema.getQueryType()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void planningTwiceGivesIdenticalBytes(String name, BackendDefinition backend) {
        BackendPlan first = BackendPlan.of(backend.define());
        BackendPlan second = BackendPlan.of(backend.define());
        assertThat(second.data().orElseThrow().schema()).isEqualTo(first.data().orElseThrow().schema());
        assertThat(second).isEqualTo(first);
    }

    private static String schema(BackendDefinition backend) {
        return BackendPlan.of(backend.define()).data().orElseThrow().schema();
    }
}
