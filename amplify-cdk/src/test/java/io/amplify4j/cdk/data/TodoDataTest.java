package io.amplify4j.cdk.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.TodoBackend;
import io.amplify4j.model.BackendModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The todo backend: API key plus user pool, one model, sandbox profile. One synthesis for every assertion. */
class TodoDataTest {
    static AmplifyData data;
    static Template root;
    static Template models;

    @BeforeAll
    static void synthesize() {
        BackendModel model = new TodoBackend().define();
        DataStacks.Synthesized synthesized = DataStacks.synthesize(model, (stack, b) -> { });
        data = synthesized.data();
        root = Template.fromStack(synthesized.stack());
        models = Template.fromStack(data.shards().get(1));
    }

    @Test
    void one_shard_holds_the_model() {
        assertThat(data.shards()).containsOnlyKeys(1);
        assertThat(data.placement()).containsExactly(Map.entry("Todo", 1));
    }

    @Test
    void table() {
        models.resourceCountIs("AWS::DynamoDB::Table", 1);
        models.hasResource("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Delete",
                "Properties", Map.of(
                        "TableName", "todo-Todo",
                        "BillingMode", "PAY_PER_REQUEST",
                        "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                        "SSESpecification", Map.of("SSEEnabled", true),
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "DeletionProtectionEnabled", false)));
    }
}
