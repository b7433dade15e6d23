package io.amplify4j.plan.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.plan.DataPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Writes every generated module of the todo, blog and shop plans to {@code target/resolvers/<schema>/...}, where the
 * build's {@code verify} phase lints them with {@code @aws-appsync/eslint-plugin} (see {@code resolver-lint/}).
 */
class ResolverModulesWriterTest {
    static final Path OUT = Path.of("target", "resolvers");

    @Test
    void writesEveryGeneratedModuleForTheLinter() throws IOException {
        if (Files.exists(OUT)) {
            try (Stream<Path> old = Files.walk(OUT)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        int written = 0;
        for (Map.Entry<String, DataPlan> plan : ResolverFixtures.plans().entrySet()) {
            for (Map.Entry<String, String> module : ResolverFixtures.modules(plan.getValue()).entrySet()) {
                Path file = OUT.resolve(plan.getKey()).resolve(module.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, module.getValue(), StandardCharsets.UTF_8);
                written++;
            }
        }
        assertThat(written).isGreaterThan(100);
    }
}
