package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void runs() {
        try (var engine = ResolverEngine.builder()
                .log(OutputStream.nullOutputStream())
                .module("r.js", """
                        import { util } from '@aws-appsync/utils';
                        export function request(ctx) { return { a: 1, b: 1.5, id: util.autoId(), t: util.authType(), x: ctx.args.x }; }
                        export function response(ctx) { return ctx.prev.result; }
                        """)
                .build()) {
            var result = engine.execute(Pipeline.of("r.js"),
                    RequestContext.builder(ResolverInfo.of("Query", "f")).arguments(Map.of("x", 5L)).build());
            System.out.println(result);
            assertThat(result.errors()).isEmpty();
        }
    }
}
