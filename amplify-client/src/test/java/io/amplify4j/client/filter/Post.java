package io.amplify4j.client.filter;

/** A second test model, to show filters do not cross models. */
public record Post(String id) {
    public static final StringField<Post> TITLE = StringField.of(Post.class, "title");
    public static final BooleanField<Post> PUBLISHED = BooleanField.of(Post.class, "published");
}
