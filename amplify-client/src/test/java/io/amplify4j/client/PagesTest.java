package io.amplify4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.amplify4j.client.json.AmplifyJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pages are fetched lazily, across empty pages, until a page has no next token. */
class PagesTest {
    private final List<Optional<String>> fetched = new ArrayList<>();

    /** Pages keyed by their start token: "" is the first. */
    private Pages.Paged<String> pages(Map<String, Page<String>> byToken) {
        return Pages.iterate(token -> {
            fetched.add(token);
            return byToken.get(token.orElse(""));
        });
    }

    private static Page<String> page(String next, String... items) {
        return new Page<>(Arrays.asList(items), Optional.ofNullable(next));
    }

    @Test
    void followsNextTokensAcrossEmptyPagesAndStopsAtTheLast() {
        Pages.Paged<String> all = pages(Map.of("", page("a", "1", "2"), "a", page("b"), "b", page("c"),
                "c", page(null, "3")));
        assertThat(all.stream().toList()).containsExactly("1", "2", "3");
        assertThat(fetched).containsExactly(Optional.empty(), Optional.of("a"), Optional.of("b"), Optional.of("c"));
    }

    @Test
    void fetchesOnlyWhatIsConsumed() {
        Iterator<String> items = pages(Map.of("", page("a", "1", "2"), "a", page(null, "3"))).iterator();
        assertThat(fetched).isEmpty();
        assertThat(items.next()).isEqualTo("1");
        assertThat(items.next()).isEqualTo("2");
        assertThat(fetched).hasSize(1);
        assertThat(pages(Map.of("", page("a", "1"), "a", page(null))).stream().findFirst()).contains("1");
    }

    @Test
    void anEmptyFirstPageWithoutATokenIsTheEnd() {
        assertThat(pages(Map.of("", page(null))).stream().toList()).isEmpty();
        assertThat(fetched).hasSize(1);
    }

    @Test
    void eachIterationStartsAgainAndPagesAreVisible() {
        Pages.Paged<String> all = pages(Map.of("", page("a", "1"), "a", page(null, "2")));
        assertThat(all).containsExactly("1", "2");
        assertThat(all.pages().map(p -> p.items().size()).toList()).containsExactly(1, 1);
    }

    @Test
    void aServerRepeatingItsTokenIsStoppedInsteadOfLoopingForever() {
        Pages.Paged<String> looping = pages(Map.of("", page("a", "1"), "a", page("a", "2")));
        assertThatThrownBy(() -> looping.stream().toList()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("same nextToken");
    }

    @Test
    void aConnectionObjectReadsAsAPageWithoutNullItems() throws Exception {
        Page<String> read = AmplifyJson.mapper().readValue("{\"items\":[\"a\",null,\"b\"],\"nextToken\":null}",
                new TypeReference<Page<String>>() {});
        assertThat(read.items()).containsExactly("a", "b");
        assertThat(read.hasNext()).isFalse();
        assertThat(Page.last(List.of("x")).nextToken()).isEmpty();
    }
}
