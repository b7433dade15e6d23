package io.amplify4j.client.e2e;

import io.amplify4j.client.filter.BooleanField;
import io.amplify4j.client.filter.DateTimeField;
import io.amplify4j.client.filter.IdField;
import io.amplify4j.client.filter.IntField;
import io.amplify4j.client.filter.StringField;
import java.time.Instant;

/** The fixture TodoBackend's model, written as the generator would write it. */
public record Todo(String id, String content, boolean done, Integer priority, Instant createdAt, Instant updatedAt,
        String owner) {
    public static final IdField<Todo> ID = IdField.of(Todo.class, "id");
    public static final StringField<Todo> CONTENT = StringField.of(Todo.class, "content");
    public static final BooleanField<Todo> DONE = BooleanField.of(Todo.class, "done");
    public static final IntField<Todo> PRIORITY = IntField.of(Todo.class, "priority");
    public static final DateTimeField<Todo> CREATED_AT = DateTimeField.of(Todo.class, "createdAt");
    public static final StringField<Todo> OWNER = StringField.of(Todo.class, "owner");

    static final String FIELDS = "id content done priority createdAt updatedAt owner";
}
