package io.amplify4j.validate;

import static io.amplify4j.validate.ModelFixtures.*;

import io.amplify4j.model.data.ScalarType;
import org.junit.jupiter.api.Test;

class NameValidationTest {

    @Test
    void defaultFixtureIsValid() {
        assertProblems(backend());
    }

    @Test
    void backendNameMustBeAResourceName() {
        Backend b = backend();
        b.name = "1bucket!";
        assertProblems(b, "name: Resource name `1bucket!` of the backend contains invalid characters. Start with a "
                + "letter and use only letters, digits, `-`, `_` and spaces.");
    }

    @Test
    void storageNameMustBeAResourceName() {
        assertProblems(backend().storage(bucket("1bucket!")),
                "storage.1bucket!: Resource name `1bucket!` of storage contains invalid characters. Start with a "
                        + "letter and use only letters, digits, `-`, `_` and spaces.");
    }

    @Test
    void functionNameMustBeAResourceName() {
        assertProblems(backend().functions("my.fn"),
                "functions.my.fn: Resource name `my.fn` of function contains invalid characters. Start with a "
                        + "letter and use only letters, digits, `-`, `_` and spaces.");
    }

    @Test
    void dataAndAuthNamesMustBeResourceNames() {
        Backend b = backend().auth(a -> a.set(x -> x.name = "_auth"));
        b.dataName = "my/api";
        assertProblems(b,
                "auth.name: Resource name `_auth` of auth contains invalid characters. Start with a letter and use "
                        + "only letters, digits, `-`, `_` and spaces.",
                "data.name: Resource name `my/api` of data contains invalid characters. Start with a letter and use "
                        + "only letters, digits, `-`, `_` and spaces.");
    }

    @Test
    void modelNameMustBeAGraphqlName() {
        assertProblems(backend().model(openModel("1Todo").build()),
                "data.1Todo: Model name `1Todo` is not a valid GraphQL name. Start with a letter or underscore, use "
                        + "only letters, digits and underscores, and do not start with `__`.");
    }

    @Test
    void modelNameMustNotStartWithTwoUnderscores() {
        assertProblems(backend().model(openModel("__Todo").build()),
                "data.__Todo: Model name `__Todo` is not a valid GraphQL name. Start with a letter or underscore, use "
                        + "only letters, digits and underscores, and do not start with `__`.");
    }

    @Test
    void enumTypeFieldAndOperationNamesMustBeGraphqlNames() {
        Backend b = backend()
                .enumType("Sta-tus", "A")
                .type("Add ress", field("city", ScalarType.STRING))
                .model(openModel("Todo").field("due-date", ScalarType.STRING).build())
                .operation(query("echo!").returns(t(ScalarType.STRING)).js("echo.js").rules(apiKeyRule()).build());
        assertProblems(b,
                "data.enums.Sta-tus: Enum name `Sta-tus` is not a valid GraphQL name. Start with a letter or "
                        + "underscore, use only letters, digits and underscores, and do not start with `__`.",
                "data.types.Add ress: Custom type name `Add ress` is not a valid GraphQL name. Start with a letter or "
                        + "underscore, use only letters, digits and underscores, and do not start with `__`.",
                "data.Todo.fields.due-date: Field name `due-date` is not a valid GraphQL name. Start with a letter or "
                        + "underscore, use only letters, digits and underscores, and do not start with `__`.",
                "data.operations.echo!: Custom operation name `echo!` is not a valid GraphQL name. Start with a "
                        + "letter or underscore, use only letters, digits and underscores, and do not start with `__`.");
    }

    @Test
    void typeNamesAreUniqueAcrossModelsEnumsAndCustomTypes() {
        Backend b = backend().model(openModel("Status").build()).enumType("Status", "OPEN")
                .type("Status", field("x", ScalarType.STRING));
        assertProblems(b,
                "data.enums.Status: Name `Status` is used by more than one model, enum or custom type. Rename one of "
                        + "them.",
                "data.types.Status: Name `Status` is used by more than one model, enum or custom type. Rename one of "
                        + "them.");
    }

    @Test
    void fieldsAreUniqueInAModel() {
        Backend b = backend().model(openModel("Todo").field("title", ScalarType.STRING)
                .field("title", ScalarType.STRING).build());
        assertProblems(b, "data.Todo.fields.title: Field `title` is declared more than once in model `Todo`. Remove or "
                + "rename one.");
    }

    @Test
    void fieldsMayNotUseThePrefixOfTheGeneratedCode() {
        Backend b = backend().model(openModel("Todo").field("a4jNull", ScalarType.BOOLEAN).build());
        assertProblems(b, "data.Todo.fields.a4jNull: Field `a4jNull` of model `Todo` starts with `a4j`, which the "
                + "generated resolver code reserves for its own names (expression names, the null marker of "
                + "relationship reads). Rename the field.");
    }

    @Test
    void reservedNamesAreRefused() {
        Backend b = backend().model(openModel("Query").build()).type("AWSDateTime", field("x", ScalarType.STRING));
        assertProblems(b,
                "data.Query: Model `Query` uses a reserved name (a GraphQL root type or an AppSync scalar). Choose "
                        + "another name.",
                "data.types.AWSDateTime: Custom type `AWSDateTime` uses a reserved name (a GraphQL root type or an "
                        + "AppSync scalar). Choose another name.");
    }

    @Test
    void namesOfAlwaysGeneratedTypesAreRefused() {
        assertProblems(backend().model(openModel("ModelSortDirection").build()),
                "data.ModelSortDirection: Model `ModelSortDirection` collides with a type the generated schema always "
                        + "defines. Choose another name.");
    }

    @Test
    void namesOfTypesGeneratedForAModelAreRefused() {
        Backend b = backend().model(openModel("Todo").build()).type("CreateTodoInput", field("x", ScalarType.STRING));
        assertProblems(b, "data.types.CreateTodoInput: Custom type `CreateTodoInput` collides with the type generated "
                + "for model `Todo`. Choose another name.");
    }

    @Test
    void namesOfTypesGeneratedForAnEnumAreRefused() {
        Backend b = backend().enumType("Status", "OPEN").type("ModelStatusInput", field("x", ScalarType.STRING));
        assertProblems(b, "data.types.ModelStatusInput: Custom type `ModelStatusInput` collides with the type "
                + "generated for enum `Status`. Choose another name.");
    }

    @Test
    void customOperationsMustNotTakeGeneratedOperationNames() {
        Backend b = backend().model(openModel("Todo").build())
                .operation(query("getTodo").returns(t(ScalarType.STRING)).js("get.js").rules(apiKeyRule()).build());
        assertProblems(b, "data.operations.getTodo: Custom operation `getTodo` collides with the operation generated "
                + "for model `Todo`. Choose another name.");
    }

    @Test
    void customOperationsMustNotTakeListOrIndexQueryNames() {
        Backend b = backend().model(openModel("Person").field("team", ScalarType.STRING).index(index("team")).build())
                .operation(query("listPeople").returns(t(ScalarType.STRING)).js("a.js").rules(apiKeyRule()).build())
                .operation(query("listPersonByTeam").returns(t(ScalarType.STRING)).js("b.js").rules(apiKeyRule())
                        .build());
        assertProblems(b,
                "data.operations.listPeople: Custom operation `listPeople` collides with the operation generated for "
                        + "model `Person`. Choose another name.",
                "data.operations.listPersonByTeam: Custom operation `listPersonByTeam` collides with the operation "
                        + "generated for model `Person`. Choose another name.");
    }

    @Test
    void namesOfInputsGeneratedForCustomTypesAreRefused() {
        Backend b = backend().type("Address", field("city", ScalarType.STRING))
                .type("AddressInput", field("city", ScalarType.STRING));
        assertProblems(b, "data.types.AddressInput: Custom type `AddressInput` collides with the type generated for "
                + "custom type `Address`. Choose another name.");
    }

    @Test
    void customOperationNamesAreUnique() {
        Backend b = backend()
                .operation(query("echo").returns(t(ScalarType.STRING)).js("a.js").rules(apiKeyRule()).build())
                .operation(mutation("echo").returns(t(ScalarType.STRING)).js("b.js").rules(apiKeyRule()).build());
        assertProblems(b, "data.operations.echo: Custom operation `echo` is declared more than once. Rename one of "
                + "them.");
    }

    @Test
    void groupNamesMustBeValid() {
        Backend b = backend().auth(a -> a.set(x -> x.groups.add(new io.amplify4j.model.auth.AuthDefinition.UserGroup(
                "bad group", 1))));
        assertProblems(b, "auth.groups.bad group: Group name `bad group` is invalid. Start with a letter and use up to "
                + "128 letters, digits, `_` or `-`.");
    }
}
