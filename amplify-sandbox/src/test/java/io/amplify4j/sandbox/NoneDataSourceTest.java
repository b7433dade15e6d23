package io.amplify4j.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.datasource.NoneDataSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoneDataSourceTest {
    @Test
    void returnsThePayload() {
        assertThat(new NoneDataSource().invoke(Map.of("payload", Map.of("a", 1L)))).isEqualTo(Map.of("a", 1L));
        assertThat(new NoneDataSource().invoke(Map.of())).isNull();
    }
}
