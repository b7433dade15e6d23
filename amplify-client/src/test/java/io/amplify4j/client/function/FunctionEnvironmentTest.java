package io.amplify4j.client.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {
    private final Map<String, String> env = new HashMap<>();
    private final List<String> fetches = new ArrayList<>();
    private final FunctionEnvironment.Store store = new FunctionEnvironment.Store() {
        @Override
        public String ssmParameter(String path) {
            fetches.add("ssm:" + path);
            return path.endsWith("/missing") ? null : "value-of-" + path;
        }

        @Override
        public String secret(String secretId) {
            fetches.add("secret:" + secretId);
            return "secret-of-" + secretId;
        }
    };
    private final FunctionEnvironment environment = FunctionEnvironment.of(env::get, store);

    @Test
    void plainValuesAreReturnedAsTheyAreWithoutFetching() {
        env.put("amplifyData_GRAPHQL_ENDPOINT", "http://127.0.0.1:8080/graphql");
        assertThat(environment.value("amplifyData_GRAPHQL_ENDPOINT")).isEqualTo("http://127.0.0.1:8080/graphql");
        assertThat(environment.findValue("UNSET")).isEmpty();
        assertThat(fetches).isEmpty();
    }

    @Test
    void placeholdersAreFetchedOnceFromSsmOrSecretsManager() {
        env.put("amplifyData_GRAPHQL_ENDPOINT", FunctionEnvironment.RUNTIME_PLACEHOLDER);
        env.put("SUPPLIER_API_KEY", FunctionEnvironment.RUNTIME_PLACEHOLDER);
        env.put(FunctionEnvironment.SSM_CONFIG,
                "{\"amplifyData_GRAPHQL_ENDPOINT\":{\"path\":\"/amplify/shop/data/endpoint\"}}");
        env.put(FunctionEnvironment.SECRETS_MANAGER_CONFIG, "{\"SUPPLIER_API_KEY\":{\"secretId\":\"shop/supplier\"}}");

        assertThat(environment.value("amplifyData_GRAPHQL_ENDPOINT")).isEqualTo("value-of-/amplify/shop/data/endpoint");
        assertThat(environment.value("amplifyData_GRAPHQL_ENDPOINT")).isEqualTo("value-of-/amplify/shop/data/endpoint");
        assertThat(environment.value("SUPPLIER_API_KEY")).isEqualTo("secret-of-shop/supplier");
        assertThat(fetches).containsExactly("ssm:/amplify/shop/data/endpoint", "secret:shop/supplier");
    }

    @Test
    void aPlaceholderWithoutConfigurationIsAClearError() {
        env.put("media_BUCKET_NAME", FunctionEnvironment.RUNTIME_PLACEHOLDER);
        env.put(FunctionEnvironment.SSM_CONFIG, "{\"other\":{\"path\":\"/x\"}}");
        assertThatThrownBy(() -> environment.value("media_BUCKET_NAME"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("`media_BUCKET_NAME`")
                .hasMessageContaining(FunctionEnvironment.SSM_CONFIG);
        assertThat(fetches).isEmpty();
    }

    @Test
    void unsetVariablesAndFailedFetchesNameTheVariable() {
        assertThatThrownBy(() -> environment.value("amplifyData_GRAPHQL_ENDPOINT"))
                .hasMessageContaining("`amplifyData_GRAPHQL_ENDPOINT` is not set");
        env.put("X", FunctionEnvironment.RUNTIME_PLACEHOLDER);
        env.put(FunctionEnvironment.SSM_CONFIG, "{\"X\":{\"path\":\"/p/missing\"}}");
        assertThatThrownBy(() -> environment.value("X"))
                .hasMessageContaining("`X`").hasMessageContaining("SSM parameter `/p/missing`");
        env.put(FunctionEnvironment.SSM_CONFIG, "{not json");
        assertThatThrownBy(() -> environment.value("X"))
                .hasMessageContaining(FunctionEnvironment.SSM_CONFIG).hasMessageContaining("not valid JSON");
    }
}
