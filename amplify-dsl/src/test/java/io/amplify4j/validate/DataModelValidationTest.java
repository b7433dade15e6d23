package io.amplify4j.validate;

import static io.amplify4j.validate.ModelFixtures.*;

import io.amplify4j.model.data.DisabledOperation;
import io.amplify4j.model.data.FieldType;
import io.amplify4j.model.data.RelationshipDefinition;
import io.amplify4j.model.data.ScalarType;
import io.amplify4j.model.data.SecondaryIndexDefinition;
import io.amplify4j.model.data.SecondaryIndexDefinition.Projection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Models: refs (#13), identifiers (#12), implicit fields (#17), indexes (#16, #18), relationships (#14, #15). */
class DataModelValidationTest {

    // ---- refs (#13) ----

    @Test
    void refToMissingEnum() {
        Backend b = backend().model(openModel("Order").field("status", enumRef("Missing")).build());
        assertProblems(b, "data.Order.fields.status: Invalid ref: `Order.status` refers to `Missing`, which is not "
                + "defined. Declare an enum named `Missing` or fix the reference.");
    }

    @Test
    void refToMissingCustomType() {
        Backend b = backend().model(openModel("Order").field("address", typeRef("Address")).build());
        assertProblems(b, "data.Order.fields.address: Invalid ref: `Order.address` refers to `Address`, which is not "
                + "defined. Declare a custom type named `Address` or fix the reference.");
    }

    @Test
    void refToMissingModelInReturnType() {
        Backend b = backend().operation(query("find").returns(modelRef("Ghost")).js("find.js").rules(apiKeyRule())
                .build());
        assertProblems(b, "data.operations.find.returns: Invalid ref: `find` refers to `Ghost`, which is not defined. "
                + "Declare a model named `Ghost` or fix the reference.");
    }

    @Test
    void modelFieldMustNotReferToAModelDirectly() {
        Backend b = backend().model(openModel("User").build())
                .model(openModel("Todo").field("author", modelRef("User")).build());
        assertProblems(b, "data.Todo.fields.author: Field `Todo.author` refers to model `User` directly. Relate models "
                + "with hasMany, hasOne or belongsTo instead.");
    }

    @Test
    void customTypeMustNotReferToAModel() {
        Backend b = backend().model(openModel("User").build()).type("Address", field("resident", modelRef("User")));
        assertProblems(b, "data.types.Address.fields.resident: Cannot use .ref() to refer a model from a customType: "
                + "`Address.resident` refers to model `User`. Use a custom type or an enum instead.");
    }

    @Test
    void argumentMustNotBeAModel() {
        Backend b = backend().model(openModel("Todo").build()).operation(mutation("save")
                .argument("todo", modelRef("Todo")).returns(t(ScalarType.BOOLEAN)).js("save.js").rules(apiKeyRule())
                .build());
        assertProblems(b, "data.operations.save.arguments.todo: Argument `save.todo` refers to model `Todo`, but "
                + "arguments cannot be models. Use scalars, enums or custom types.");
    }

    // ---- custom types and enums (#21) ----

    @Test
    void customTypeNeedsFields() {
        assertProblems(backend().type("Empty"), "data.types.Empty: Custom type `Empty` has no fields. Add at least one "
                + "field.");
    }

    @Test
    void customTypeFieldsTakeNoDefaultsOrRulesAndTheirValidatorsAreChecked() {
        Backend b = backend().type("Address",
                withDefault("city", t(ScalarType.STRING), "Paris"),
                validated("zip", t(ScalarType.STRING), v(io.amplify4j.model.data.ValidatorKind.GT, "0")),
                validated("country", t(ScalarType.STRING), v(io.amplify4j.model.data.ValidatorKind.MAX_LENGTH, "2")),
                ruled("note", t(ScalarType.STRING), authenticated()),
                field("city", ScalarType.STRING));
        assertProblems(b,
                "data.types.Address.fields.city: Field `city` of custom type `Address` has a default value, but "
                        + "defaults apply to model fields only. Remove the default.",
                "data.types.Address.fields.zip.validators[0]: Validator `gt` on field `Address.zip` checks numbers, "
                        + "but the field is `String`. Use minLength, maxLength, startsWith, endsWith or matches on text "
                        + "fields.",
                "data.types.Address.fields.note: Fields of custom types cannot have authorization rules; a custom "
                        + "type is readable by whoever may call the operation that returns it. Remove "
                        + "authorization(...) from this field.",
                "data.types.Address.fields.city: Field `city` is declared more than once in custom type `Address`. "
                        + "Remove or rename one.");
    }

    @Test
    void enumNeedsValues() {
        assertProblems(backend().enumType("Status"), "data.enums.Status: Enum `Status` has no values. Add at least one "
                + "value.");
    }

    @Test
    void enumValuesMustNotContainWhitespace() {
        assertProblems(backend().enumType("Status", "OPEN", "IN PROGRESS"), "data.enums.Status: Values of the enum type "
                + "`Status` should not contain whitespace: `IN PROGRESS`. Use underscores instead.");
    }

    @Test
    void enumValuesMustBeGraphqlNames() {
        assertProblems(backend().enumType("Rank", "1ST", "null"),
                "data.enums.Rank: Value `1ST` of enum `Rank` is not a valid GraphQL name. Start with a letter or "
                        + "underscore and use only letters, digits and underscores.",
                "data.enums.Rank: Value `null` of enum `Rank` is reserved by GraphQL. Choose another value.");
    }

    @Test
    void enumValuesAreUnique() {
        assertProblems(backend().enumType("Status", "OPEN", "OPEN"), "data.enums.Status: Value `OPEN` appears more "
                + "than once in enum `Status`. Remove the duplicate.");
    }

    // ---- identifiers (#12) and implicit fields (#17) ----

    @Test
    void identifierFieldMustExist() {
        Backend b = backend().model(openModel("Product").identifier("sku").build());
        assertProblems(b, "data.Product.identifier: Identifier field `sku` is not a field of model `Product`. Declare "
                + "the field or fix the identifier.");
    }

    @Test
    void identifierFieldMustBeRequired() {
        Backend b = backend().model(openModel("Product").field("sku", ScalarType.STRING).identifier("sku").build());
        assertProblems(b, "data.Product.identifier: Identifiers must reference required fields; `Product.sku` is "
                + "optional. Make it required.");
    }

    @Test
    void identifierFieldMustBeAKeyType() {
        Backend b = backend().model(openModel("Product")
                .field("tags", new FieldType(io.amplify4j.model.data.TypeRef.scalar(ScalarType.STRING), true, true,
                        false))
                .field("data", req(ScalarType.JSON)).identifier("tags", "data").build());
        assertProblems(b,
                "data.Product.identifier: Identifier field `Product.tags` is `[String]!`; identifier fields must be "
                        + "single String, ID, number, AWS scalar or enum values (not lists, Boolean, AWSJSON or custom "
                        + "types). Change its type or choose another field.",
                "data.Product.identifier: Identifier field `Product.data` is `AWSJSON!`; identifier fields must be "
                        + "single String, ID, number, AWS scalar or enum values (not lists, Boolean, AWSJSON or custom "
                        + "types). Change its type or choose another field.");
    }

    @Test
    void identifierMayUseImplicitTimestampsAndId() {
        Backend b = backend().model(openModel("Order").field("customerId", req(ScalarType.ID))
                .identifier("customerId", "createdAt").index(index("id")).build());
        assertProblems(b);
    }

    @Test
    void identifierListsEachFieldOnce() {
        Backend b = backend().model(openModel("Product").field("sku", req(ScalarType.STRING)).identifier("sku", "sku")
                .build());
        assertProblems(b, "data.Product.identifier: Identifier of model `Product` lists `sku` twice. List each field "
                + "once.");
    }

    @Test
    void implicitIdWithAnotherType() {
        Backend b = backend().model(openModel("Todo").field("id", req(ScalarType.INT)).build());
        assertProblems(b, "data.Todo.fields.id: Implicit field `id` conflicts with explicit definition: `Todo.id` is "
                + "declared as `Int!`, but the implicit primary key is `ID!`. Declare it as an ID or String, or rename "
                + "the field.");
    }

    @Test
    void implicitTimestampWithAnotherType() {
        Backend b = backend().model(openModel("Todo").field("createdAt", ScalarType.STRING).build());
        assertProblems(b, "data.Todo.fields.createdAt: Implicit field `createdAt` conflicts with explicit definition: "
                + "`Todo.createdAt` is declared as `String`, but the generated timestamp is `AWSDateTime!`. Declare it "
                + "as AWSDateTime or rename the field.");
    }

    @Test
    void explicitImplicitFieldsWithTheirOwnTypesAreFine() {
        Backend b = backend().model(model("Todo").rules(owner())
                .field("id", req(ScalarType.ID)).field("createdAt", ScalarType.DATETIME)
                .field("owner", ScalarType.STRING).build());
        assertProblems(b);
    }

    @Test
    void ownerFieldWithAnotherType() {
        Backend b = backend().model(model("Todo").rules(owner()).field("owner", ScalarType.INT).build());
        assertProblems(b, "data.Todo.fields.owner: Implicit field `owner` conflicts with explicit definition: the "
                + "`owner` rule needs `Todo.owner` to be a String, but it is declared as `Int`. Declare it as a String "
                + "or remove it so the rule adds it.");
    }

    @Test
    void ownerDefinedInFieldMustBeAString() {
        Backend b = backend().model(model("Todo").rules(ownerIn("author")).field("author", listOf(ScalarType.STRING))
                .build());
        assertProblems(b, "data.Todo.fields.author: Implicit field `author` conflicts with explicit definition: the "
                + "`ownerDefinedIn` rule needs `Todo.author` to be a String, but it is declared as `[String]`. Declare "
                + "it as a String or remove it so the rule adds it.");
    }

    @Test
    void ownersDefinedInNeedsAStringList() {
        Backend b = backend().model(model("Todo").rules(ownersIn("editors")).field("editors", ScalarType.STRING)
                .build());
        assertProblems(b, "data.Todo.fields.editors: Implicit field `editors` conflicts with explicit definition: the "
                + "`ownersDefinedIn` rule needs `Todo.editors` to be a list of Strings (`[String]`), but it is "
                + "declared as `String`. Declare it as [String] or remove it so the rule adds it.");
    }

    @Test
    void groupDefinedInFieldMustBeAString() {
        Backend b = backend().model(model("Todo").rules(groupIn("team")).field("team", ScalarType.INT).build());
        assertProblems(b, "data.Todo.fields.team: Implicit field `team` conflicts with explicit definition: the "
                + "`groupDefinedIn` rule needs `Todo.team` to be a String, but it is declared as `Int`. Declare it as "
                + "a String or remove it so the rule adds it.");
    }

    @Test
    void authFieldCannotBeARelationship() {
        Backend b = backend().model(openModel("User").field("postId", ScalarType.ID)
                        .belongsTo("post", "Post", "postId").build())
                .model(model("Post").rules(ownerIn("author")).hasOne("author", "User", "postId").build());
        assertProblems(b, "data.Post.fields.author: Field `Post.author` named by the `ownerDefinedIn` rule is a "
                + "relationship of model `Post`, but owner and group rules need a String field. Name another field.");
    }

    @Test
    void oneAuthFieldCannotBeSingleAndList() {
        Backend b = backend().model(model("Todo").rules(ownerIn("people"), ownersIn("people")).build());
        assertProblems(b, "data.Todo.fields.people: Field `Todo.people` is used by one rule as a single owner or group "
                + "and by another as a list. Use separate fields.");
    }

    @Test
    void versionFieldMustBeAnIntOutsideTheIdentifier() {
        Backend b = backend().model(openModel("Todo").field("version", req(ScalarType.STRING)).identifier("version")
                .versionField("version").build());
        assertProblems(b,
                "data.Todo.versionField: Version field `Todo.version` must be an Int; it is declared as `String!`. "
                        + "Declare it as an Int or remove it so the plan adds it.",
                "data.Todo.versionField: Version field `Todo.version` is part of the identifier; a key cannot change "
                        + "on every update. Use a separate field.");
    }

    @Test
    void tableNamesAreValidAndUnique() {
        Backend b = backend().model(openModel("A").tableName("shared").build())
                .model(openModel("B").tableName("shared").build()).model(openModel("C").tableName("x!").build());
        assertProblems(b,
                "data.B.tableName: Table name `shared` is already used by model `A`. Give each model its own table.",
                "data.C.tableName: Table name `x!` is invalid. Use 3 to 255 letters, digits, `_`, `.` or `-`.");
    }

    // ---- indexes (#16, #18) ----

    @Test
    void indexDefinedTwice() {
        Backend b = backend().model(openModel("Todo").field("status", ScalarType.STRING)
                .index(namedIndex("byStatus", "status")).index(namedIndex("byStatus", "status")).build());
        assertProblems(b,
                "data.Todo.indexes.byStatus: Index `byStatus` is defined twice on model `Todo`. Give each index its "
                        + "own name.",
                "data.Todo.indexes.byStatus: Query field `listTodoByStatus` is used by more than one index of model "
                        + "`Todo`. Give each index its own query field.");
    }

    @Test
    void unnamedIndexesOnTheSameKeysGetTheSameDefaultName() {
        SecondaryIndexDefinition noQuery = new SecondaryIndexDefinition("status", List.of(), Optional.empty(),
                Optional.empty(), false, Projection.all());
        Backend b = backend().model(openModel("Todo").field("status", ScalarType.STRING)
                .index(index("status")).index(noQuery).build());
        assertProblems(b, "data.Todo.indexes[1]: Index `todosByStatus` is defined twice on model `Todo`. Give each "
                + "index its own name.");
    }

    @Test
    void indexFieldNotFound() {
        Backend b = backend().model(openModel("Todo").field("status", ScalarType.STRING).index(index("stat")).build());
        assertProblems(b, "data.Todo.indexes[0]: Index `todosByStat` of model `Todo` uses field `stat`, which is not found. "
                + "Declare the field or fix the index.");
    }

    @Test
    void indexKeysMustBeSingleScalarsOrEnums() {
        Backend b = backend().model(openModel("Todo").field("tags", listOf(ScalarType.STRING))
                .field("done", ScalarType.BOOLEAN).index(namedIndex("byTags", "tags", "done")).build());
        assertProblems(b,
                "data.Todo.indexes.byTags: Index `byTags` of model `Todo` uses field `tags` of type `[String]`; index "
                        + "keys must be single scalar or enum fields (not lists, Boolean, AWSJSON or custom types). "
                        + "Choose another field.",
                "data.Todo.indexes.byTags: Index `byTags` of model `Todo` uses field `done` of type `Boolean`; index "
                        + "keys must be single scalar or enum fields (not lists, Boolean, AWSJSON or custom types). "
                        + "Choose another field.");
    }

    @Test
    void indexOnEnumAndImplicitFieldsIsFine() {
        Backend b = backend().enumType("Status", "OPEN").model(model("Todo").rules(owner())
                .field("status", enumRef("Status")).index(index("status", "createdAt")).index(index("owner")).build());
        assertProblems(b);
    }

    @Test
    void ownerFieldCannotBeASortKey() {
        Backend b = backend().model(model("Todo").rules(owner()).field("status", ScalarType.STRING)
                .index(namedIndex("byStatus", "status", "owner")).build());
        assertProblems(b, "data.Todo.indexes.byStatus: Owner field `owner` cannot be used as a sort key of index "
                + "`byStatus` on model `Todo`. Use it as the partition key or index another field.");
    }

    @Test
    void queryFieldsAreUniqueAndNeedAQuery() {
        SecondaryIndexDefinition a = new SecondaryIndexDefinition("status", List.of(), Optional.of("byStatus"),
                Optional.of("listByStatus"), true, Projection.all());
        SecondaryIndexDefinition c = new SecondaryIndexDefinition("status", List.of(), Optional.of("byStatus2"),
                Optional.of("listByStatus"), false, Projection.all());
        SecondaryIndexDefinition d = new SecondaryIndexDefinition("title", List.of(), Optional.of("byTitle"),
                Optional.of("listByStatus"), true, Projection.all());
        Backend b = backend().model(openModel("Todo").field("status", ScalarType.STRING)
                .field("title", ScalarType.STRING).index(a).index(c).index(d).build());
        assertProblems(b,
                "data.Todo.indexes.byStatus2: Index `byStatus2` of model `Todo` names the query field `listByStatus` "
                        + "but generates no query. Remove the query field or enable the query.",
                "data.Todo.indexes.byTitle: Query field `listByStatus` is used by more than one index of model "
                        + "`Todo`. Give each index its own query field.");
    }

    @Test
    void includeProjectionNeedsExistingNonKeyAttributes() {
        SecondaryIndexDefinition empty = new SecondaryIndexDefinition("status", List.of(), Optional.of("byStatus"),
                Optional.empty(), true, new Projection(Projection.Type.INCLUDE, List.of()));
        SecondaryIndexDefinition missing = new SecondaryIndexDefinition("status", List.of(), Optional.of("byStatus2"),
                Optional.empty(), false, new Projection(Projection.Type.INCLUDE, List.of("title", "ghost")));
        SecondaryIndexDefinition notInclude = new SecondaryIndexDefinition("status", List.of(), Optional.of("byStatus3"),
                Optional.empty(), false, new Projection(Projection.Type.KEYS_ONLY, List.of("title")));
        Backend b = backend().model(openModel("Todo").field("status", ScalarType.STRING).field("title", ScalarType.STRING)
                .index(empty).index(missing).index(notInclude).build());
        assertProblems(b,
                "data.Todo.indexes.byStatus: Index `byStatus` of model `Todo` uses the INCLUDE projection without "
                        + "non-key attributes. List the attributes to include, or use ALL or KEYS_ONLY.",
                "data.Todo.indexes.byStatus2: Index `byStatus2` of model `Todo` includes attribute `ghost`, which is "
                        + "not a field. Declare the field or fix the projection.",
                "data.Todo.indexes.byStatus3: Index `byStatus3` of model `Todo` lists non-key attributes, but only the "
                        + "INCLUDE projection takes them. Use INCLUDE or remove the attributes.");
    }

    // ---- relationships (#14, #15) ----

    @Test
    void hasManyWithoutBelongsTo() {
        Backend b = backend().model(openModel("Post").hasMany("comments", "Comment", "postId").build())
                .model(openModel("Comment").field("postId", ScalarType.ID).build());
        assertProblems(b, "data.Post.relationships.comments: Cannot find counterpart to relationship definition for "
                + "`Post.comments`. Add a belongsTo relationship to `Post` on `Comment` with references [`postId`].");
    }

    @Test
    void belongsToWithoutHasManyOrHasOne() {
        Backend b = backend().model(openModel("Post").build())
                .model(openModel("Comment").field("postId", ScalarType.ID).belongsTo("post", "Post", "postId").build());
        assertProblems(b, "data.Comment.relationships.post: Cannot find counterpart to relationship definition for "
                + "`Comment.post`. Add a hasMany or hasOne relationship to `Comment` on `Post` with references "
                + "[`postId`].");
    }

    @Test
    void matchedRelationshipsAreFine() {
        Backend b = backend().model(openModel("Post").hasMany("comments", "Comment", "postId")
                        .hasOne("cover", "Image", "postId").build())
                .model(openModel("Comment").field("postId", ScalarType.STRING).belongsTo("post", "Post", "postId").build())
                .model(openModel("Image").field("postId", req(ScalarType.ID)).belongsTo("post", "Post", "postId").build());
        assertProblems(b);
    }

    @Test
    void relatedModelMustExist() {
        Backend b = backend().model(openModel("Post").hasMany("comments", "Coment", "postId").build());
        assertProblems(b, "data.Post.relationships.comments: Relationship `Post.comments` refers to model `Coment`, "
                + "which is not defined. Declare the model or fix the name.");
    }

    @Test
    void referenceFieldMustExistOnTheChild() {
        Backend b = backend().model(openModel("Post").hasMany("comments", "Comment", "postId").build())
                .model(openModel("Comment").belongsTo("post", "Post", "postId").build());
        assertProblems(b,
                "data.Post.relationships.comments: Reference field `postId` must be defined on `Comment` for "
                        + "relationship `Post.comments`. Add the field to `Comment`.",
                "data.Comment.relationships.post: Reference field `postId` must be defined on `Comment` for "
                        + "relationship `Comment.post`. Add the field to `Comment`.");
    }

    @Test
    void referenceCountMustMatchTheParentIdentifier() {
        Backend b = backend()
                .model(openModel("Post").field("blog", req(ScalarType.STRING)).field("slug", req(ScalarType.STRING))
                        .identifier("blog", "slug").hasMany("comments", "Comment", "postBlog").build())
                .model(openModel("Comment").field("postBlog", ScalarType.STRING)
                        .belongsTo("post", "Post", "postBlog").build());
        assertProblems(b,
                "data.Post.relationships.comments: The identifiers defined on `Post` must match the reference fields "
                        + "defined on `Comment` for `Post.comments` (2 vs 1). Use one reference field per identifier "
                        + "field of `Post`, in order.",
                "data.Comment.relationships.post: The identifiers defined on `Post` must match the reference fields "
                        + "defined on `Comment` for `Comment.post` (2 vs 1). Use one reference field per identifier "
                        + "field of `Post`, in order.");
    }

    @Test
    void referenceTypeMustMatchTheParentIdentifier() {
        Backend b = backend().model(openModel("Post").hasMany("comments", "Comment", "postId").build())
                .model(openModel("Comment").field("postId", ScalarType.INT).belongsTo("post", "Post", "postId").build());
        assertProblems(b,
                "data.Post.relationships.comments: Reference field `Comment.postId` is `Int`, but identifier field "
                        + "`Post.id` is `ID!`. Give them the same type (ID and String are interchangeable).",
                "data.Comment.relationships.post: Reference field `Comment.postId` is `Int`, but identifier field "
                        + "`Post.id` is `ID!`. Give them the same type (ID and String are interchangeable).");
    }

    @Test
    void relationshipNeedsReferences() {
        Backend b = backend().model(openModel("Post").hasMany("comments", "Comment").build())
                .model(openModel("Comment").belongsTo("post", "Post").build());
        assertProblems(b,
                "data.Post.relationships.comments: Relationship `Post.comments` has no reference fields. Name the "
                        + "fields on `Comment` that hold the identifier of `Post`.",
                "data.Comment.relationships.post: Relationship `Comment.post` has no reference fields. Name the fields "
                        + "on `Comment` that hold the identifier of `Post`.");
    }

    @Test
    void relationshipNameMustNotCollideWithAField() {
        Backend b = backend().model(openModel("Post").field("comments", ScalarType.STRING)
                        .hasMany("comments", "Comment", "postId").build())
                .model(openModel("Comment").field("postId", ScalarType.ID).belongsTo("post", "Post", "postId").build());
        assertProblems(b, "data.Post.relationships.comments: Relationship `comments` has the same name as a field of "
                + "model `Post`. Rename one of them.");
    }

    @Test
    void valueRequiredAppliesToHasManyOnly() {
        Backend b = backend().model(openModel("Post").hasMany("comments", "Comment", "postId").build())
                .model(openModel("Comment").field("postId", ScalarType.ID).relationship(new RelationshipDefinition(
                        "post", RelationshipDefinition.Kind.BELONGS_TO, "Post", List.of("postId"), false, true,
                        List.of(), Optional.empty())).build());
        assertProblems(b, "data.Comment.relationships.post: valueRequired() applies to hasMany relationships only. "
                + "Use required() instead.");
    }

    @Test
    void subscriptionSourceFromDisabledMutation() {
        Backend b = backend().model(openModel("Todo").disable(DisabledOperation.MUTATIONS).build())
                .operation(subscription("onTodo").returns(modelRef("Todo")).forModel("Todo",
                        io.amplify4j.model.data.CustomOperation.MutationKind.CREATE).rules(apiKeyRule()).build());
        assertProblems(b, "data.operations.onTodo.sources[0]: Subscription `onTodo` publishes the create mutation of "
                + "model `Todo`, which the model disables. Enable the mutation or remove it from the source.");
    }
}
