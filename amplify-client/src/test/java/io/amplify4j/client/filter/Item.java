package io.amplify4j.client.filter;

/** A test model with a field of every kind, as generated code would declare them. */
public record Item(String id) {
    public enum Status { OPEN, DONE }

    public static final IdField<Item> ID = IdField.of(Item.class, "id");
    public static final StringField<Item> NAME = StringField.of(Item.class, "name");
    public static final BooleanField<Item> ACTIVE = BooleanField.of(Item.class, "active");
    public static final IntField<Item> COUNT = IntField.of(Item.class, "count");
    public static final FloatField<Item> PRICE = FloatField.of(Item.class, "price");
    public static final EnumField<Item, Status> STATUS = EnumField.of(Item.class, "status", Status.class);
    public static final DateField<Item> DAY = DateField.of(Item.class, "day");
    public static final TimeField<Item> AT = TimeField.of(Item.class, "at");
    public static final DateTimeField<Item> PLACED_AT = DateTimeField.of(Item.class, "placedAt");
    public static final TimestampField<Item> SEEN = TimestampField.of(Item.class, "seen");
    public static final StringSortKeyField<Item> NAME_KEY = SortKeyField.string(Item.class, "name");
    public static final SortKeyField<Item, java.time.Instant> PLACED_KEY = SortKeyField.dateTime(Item.class,
            "placedAt");
}
