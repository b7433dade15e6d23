package io.amplify4j.sandbox.resolvers;

import static io.amplify4j.sandbox.resolvers.PlanRuntime.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.plan.BackendPlan;
import io.amplify4j.sandbox.js.ResolverResult;
import io.amplify4j.sandbox.resolvers.PlanRuntime.Callers;
import io.amplify4j.sandbox.runtime.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The blog plan: signed-in users write, API key callers read, through hasMany, belongsTo and a join model. */
class BlogEndToEndTest {
    static final Caller ALICE = Callers.user("sub-a", "alice");
    static final Caller KEY = Callers.apiKey();

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(ResolverResult result) {
        assertThat(result.errors()).isEmpty();
        return (Map<String, Object>) result.data();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(ResolverResult result) {
        return (List<Map<String, Object>>) data(result).get("items");
    }

    @Test
    void readersTraverseHasManyBelongsToAndTheJoinModel() {
        try (PlanRuntime runtime = new PlanRuntime(BackendPlan.of(new BlogBackend().define()).data().orElseThrow(),
                Map.of())) {
            Map<String, Object> blog = data(runtime.call(ALICE, "Mutation", "createBlog",
                    Map.of("input", Map.of("name", "Tea notes"))));
            Map<String, Object> post = data(runtime.call(ALICE, "Mutation", "createPost",
                    Map.of("input", Map.of("title", "Oolong", "blogId", blog.get("id")))));
            data(runtime.call(ALICE, "Mutation", "createComment",
                    Map.of("input", Map.of("postId", post.get("id"), "content", "Lovely"))));
            Map<String, Object> tag = data(runtime.call(ALICE, "Mutation", "createTag",
                    Map.of("input", Map.of("label", "china"))));
            data(runtime.call(ALICE, "Mutation", "createPostTag",
                    Map.of("input", Map.of("postId", post.get("id"), "tagId", tag.get("id")))));
            assertThat(errorType(runtime.call(KEY, "Mutation", "createBlog", Map.of("input", Map.of("name", "x")))))
                    .contains("Unauthorized");

            List<Map<String, Object>> posts = items(runtime.call(KEY, "Blog", "posts", Map.of(), blog));
            assertThat(posts).extracting(p -> p.get("title")).containsExactly("Oolong");
            List<Map<String, Object>> comments = items(runtime.call(KEY, "Post", "comments", Map.of(), posts.get(0)));
            assertThat(data(runtime.call(KEY, "Comment", "post", Map.of(), comments.get(0))))
                    .containsEntry("title", "Oolong");
            List<Map<String, Object>> postTags = items(runtime.call(KEY, "Post", "tags", Map.of(), post));
            assertThat(data(runtime.call(KEY, "PostTag", "tag", Map.of(), postTags.get(0))))
                    .containsEntry("label", "china");
            assertThat(items(runtime.call(KEY, "Tag", "posts", Map.of(), tag))).hasSize(1);
            assertThat(data(runtime.call(KEY, "Post", "blog", Map.of(), post))).containsEntry("name", "Tea notes");
        }
    }
}
