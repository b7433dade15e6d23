package io.amplify4j.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.client.AuthMode;
import io.amplify4j.client.GraphQLClient;
import io.amplify4j.client.GraphQLRequest;
import io.amplify4j.client.Page;
import io.amplify4j.client.UnauthorizedException;
import io.amplify4j.client.auth.AuthProviders;
import io.amplify4j.client.filter.StringField;
import io.amplify4j.fixtures.BlogBackend;
import io.amplify4j.sandbox.server.Sandbox;
import io.amplify4j.sandbox.server.junit.SandboxTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client against the Blog fixture through {@code @SandboxTest}: signed-in users write, the API key reads,
 * and relationships come back as nested records, a hasMany as a filtered {@link Page} inside the parent.
 */
@SandboxTest(definition = BlogBackend.class, users = "writer", resetData = true, logRequests = false)
class BlogApiTest {
    record Post(String id, String title, String blogId) {
        static final StringField<Post> TITLE = StringField.of(Post.class, "title");
    }

    record Blog(String id, String name, Page<Post> posts) {}

    static final String CREATE_BLOG = "mutation B($input: CreateBlogInput!) { createBlog(input: $input) { id name } }";
    static final String CREATE_POST = "mutation P($input: CreatePostInput!) { createPost(input: $input) "
            + "{ id title blogId } }";
    static final String GET_BLOG = "query G($id: ID!, $filter: ModelPostFilterInput) { getBlog(id: $id) { id name "
            + "posts(filter: $filter, limit: 10) { items { id title blogId } nextToken } } }";

    private static GraphQLClient writer(Sandbox sandbox) {
        return GraphQLClient.builder().endpoint(sandbox.graphqlEndpoint())
                .auth(AuthProviders.userPool(() -> sandbox.idToken("writer")))
                .auth(AuthMode.API_KEY, AuthProviders.apiKey(sandbox.apiKey().orElseThrow()))
                .build();
    }

    @Test
    void aBlogComesBackWithItsPostsAsANestedPage(Sandbox sandbox) {
        try (GraphQLClient client = writer(sandbox)) {
            Blog blog = client.execute(GraphQLRequest.builder(Blog.class).document(CREATE_BLOG)
                    .variable("input", Map.of("name", "Notes")).responseField("createBlog").build());
            for (String title : new String[] {"First", "Second", "Third"}) {
                client.execute(GraphQLRequest.builder(Post.class).document(CREATE_POST)
                        .variable("input", Map.of("title", title, "blogId", blog.id())).responseField("createPost")
                        .build());
            }
            Blog read = client.execute(GraphQLRequest.builder(Blog.class).document(GET_BLOG)
                    .variable("id", blog.id()).variable("filter", Post.TITLE.ne("Second"))
                    .responseField("getBlog").authMode(AuthMode.API_KEY).build());
            assertThat(read.name()).isEqualTo("Notes");
            assertThat(read.posts().items()).extracting(Post::title)
                    .containsExactlyInAnyOrder("First", "Third");
            assertThat(read.posts().hasNext()).isFalse();
        }
    }

    @Test
    void theApiKeyCannotWrite(Sandbox sandbox) {
        try (GraphQLClient client = writer(sandbox)) {
            assertThatThrownBy(() -> client.execute(GraphQLRequest.builder(Blog.class).document(CREATE_BLOG)
                    .variable("input", Map.of("name", "Spam")).responseField("createBlog")
                    .authMode(AuthMode.API_KEY).build()))
                    .isInstanceOf(UnauthorizedException.class);
        }
    }
}
