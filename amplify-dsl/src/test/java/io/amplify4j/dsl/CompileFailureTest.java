package io.amplify4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Misuse the type system can rule out must not compile. Each case compiles a snippet with javac and asserts the
 * error, so that a loosened signature shows up as a failing test rather than as a runtime surprise.
 */
class CompileFailureTest {

    private static void assertCompileError(String statements, String... expectedFragments) throws Exception {
        assertThat(JavaSnippets.errors(statements))
                .as("javac errors for: %s", statements)
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains(expectedFragments));
    }

    @Test
    void theHarnessCompilesCorrectUse() throws Exception {
        assertThat(JavaSnippets.errors(String.join("\n",
                "StringField owner = todo.string(\"owner\");",
                "ListField<String> editors = todo.string(\"editors\").array();",
                "todo.integer(\"n\").gt(3).defaultValue(5);",
                "todo.enumeration(\"s\", status).defaultValue(OrderStatus.PAID);",
                "todo.enumeration(\"c\", color).defaultValue(\"RED\");",
                "todo.authorization(allow -> List.of(allow.ownerDefinedIn(owner), allow.ownersDefinedIn(editors),",
                "    allow.group(admins).withClaimIn(\"groups\"), allow.owner().identityClaim(\"sub\")));",
                "todo.string(\"x\").authorization(allow -> List.of(allow.owner().to(FieldOperation.READ)));",
                "data.query(\"q\").returns(DataType.string()).handler(fn)",
                "    .authorization(allow -> List.of(allow.authenticated(), allow.group(admins)));",
                "backend.storage(\"media\").access(\"a/*\", allow -> List.of(allow.guest().to(StorageAction.READ)));")))
                .isEmpty();
    }

    @Test
    void theHarnessCompilesTheAiRoutes() throws Exception {
        assertThat(JavaSnippets.errors(String.join("\n",
                "QueryBuilder q = data.query(\"q\").returns(DataType.string()).handler(fn)",
                "    .authorization(allow -> List.of(allow.authenticated()));",
                "data.generation(\"g\").aiModel(AiModel.CLAUDE_3_5_HAIKU).systemPrompt(\"p\")",
                "    .inferenceConfiguration(c -> c.maxTokens(10).temperature(0.5).topP(0.9))",
                "    .argument(\"a\", DataType.string()).returns(DataType.ref(color))",
                "    .authorization(allow -> List.of(allow.authenticated()));",
                "data.conversation(\"c\").aiModel(AiModel.AMAZON_NOVA_PRO).systemPrompt(\"p\")",
                "    .tool(\"t\", \"d\", todo).tool(\"u\", \"d\", q).handler(fn)",
                "    .authorization(allow -> List.of(allow.owner().identityClaim(\"sub\")));")))
                .isEmpty();
    }

    @Test
    void generationRoutesTakeNoOtherHandler() throws Exception {
        assertCompileError("data.generation(\"g\").customHandler(\"src/main/js/g.js\");", "cannot find symbol",
                "customHandler");
        assertCompileError("data.generation(\"g\").handler(fn);", "cannot find symbol", "handler");
    }

    @Test
    void conversationsAreOwnedOnly() throws Exception {
        assertCompileError("data.conversation(\"c\").authorization(allow -> List.of(allow.authenticated()));",
                "cannot find symbol", "authenticated()");
    }

    @Test
    void conversationToolsRunQueriesOrModelsOnly() throws Exception {
        assertCompileError("data.conversation(\"c\").tool(\"t\", \"d\", data.mutation(\"m\"));",
                "no suitable method found for tool");
    }

    @Test
    void numericChecksExistOnlyOnNumbers() throws Exception {
        assertCompileError("todo.string(\"name\").gt(3);", "cannot find symbol", "gt(int)");
    }

    @Test
    void textChecksExistOnlyOnText() throws Exception {
        assertCompileError("todo.integer(\"n\").minLength(3);", "cannot find symbol", "minLength(int)");
    }

    @Test
    void aStringFieldsDefaultTakesAString() throws Exception {
        assertCompileError("todo.string(\"name\").defaultValue(5);", "incompatible types", "int");
    }

    @Test
    void anIntegerFieldsDefaultTakesANumber() throws Exception {
        assertCompileError("todo.integer(\"n\").defaultValue(\"5\");", "incompatible types", "String");
    }

    @Test
    void anEnumFieldsDefaultIsOneOfItsValues() throws Exception {
        assertCompileError("todo.enumeration(\"s\", status).defaultValue(\"PAID\");", "incompatible types");
    }

    @Test
    void customOperationsHaveNoOwnerRules() throws Exception {
        assertCompileError("data.query(\"q\").authorization(allow -> List.of(allow.owner()));",
                "cannot find symbol", "owner()");
    }

    @Test
    void customOperationRulesHaveNoOperationList() throws Exception {
        assertCompileError(
                "data.query(\"q\").authorization(allow -> List.of(allow.publicApiKey().to(ModelOperation.READ)));",
                "cannot find symbol", "to(");
    }

    @Test
    void fieldRulesAcceptOnlyFieldOperations() throws Exception {
        assertCompileError(
                "todo.string(\"x\").authorization(allow -> List.of(allow.owner().to(ModelOperation.LIST)));",
                "ModelOperation cannot be converted to io.amplify4j.dsl.FieldOperation");
    }

    @Test
    void ownersDefinedInNeedsAListField() throws Exception {
        assertCompileError(
                "StringField single = todo.string(\"single\");\n"
                        + "todo.authorization(allow -> List.of(allow.ownersDefinedIn(single)));",
                "incompatible types");
    }

    @Test
    void ownerDefinedInNeedsAStringField() throws Exception {
        assertCompileError(
                "IntField n = todo.integer(\"n\");\n"
                        + "todo.authorization(allow -> List.of(allow.ownerDefinedIn(n)));",
                "incompatible types");
    }

    @Test
    void ownerRulesAcceptOnlyTokenProviders() throws Exception {
        // Catalogue #2: an owner rule with the API key or identity pool provider.
        assertCompileError("todo.authorization(allow -> List.of(allow.owner().provider(AuthenticatedProvider.IDENTITY_POOL)));",
                "incompatible types");
        assertCompileError("todo.authorization(allow -> List.of(allow.owner().provider(TokenProvider.API_KEY)));",
                "cannot find symbol", "API_KEY");
    }

    @Test
    void identityClaimIsOnlyForOwnerRulesAndGroupClaimOnlyForGroupRules() throws Exception {
        // Catalogue #9.
        assertCompileError("todo.authorization(allow -> List.of(allow.group(admins).identityClaim(\"sub\")));",
                "cannot find symbol", "identityClaim");
        assertCompileError("todo.authorization(allow -> List.of(allow.owner().withClaimIn(\"groups\")));",
                "cannot find symbol", "withClaimIn");
    }

    @Test
    void staticAndDynamicGroupsCannotBeMixedInOneRule() throws Exception {
        // Catalogue #6: there is no way to add static groups to a groupDefinedIn rule.
        assertCompileError(
                "StringField team = todo.string(\"team\");\n"
                        + "todo.authorization(allow -> List.of(allow.groupDefinedIn(team).groups(admins)));",
                "cannot find symbol", "groups(");
    }

    @Test
    void functionAccessIsGrantedOnlyAtSchemaLevel() throws Exception {
        assertCompileError("todo.authorization(allow -> List.of(allow.resource(fn)));",
                "cannot find symbol", "resource(");
    }

    @Test
    void subscriptionsCannotBeBackedByAFunction() throws Exception {
        assertCompileError("data.subscription(\"s\").handler(fn);", "cannot find symbol", "handler(");
    }

    @Test
    void aStorageRuleNeedsItsActions() throws Exception {
        assertCompileError("backend.storage(\"media\").access(\"a/*\", allow -> List.of(allow.guest()));",
                "incompatible types");
    }

    @Test
    void storageRulesTakeStorageActions() throws Exception {
        assertCompileError(
                "backend.storage(\"media\").access(\"a/*\", allow -> List.of(allow.guest().to(ModelOperation.READ)));",
                "ModelOperation cannot be converted to io.amplify4j.model.storage.StorageAction");
    }

    @Test
    void storageHasNoOwnerRules() throws Exception {
        assertCompileError("backend.storage(\"media\").access(\"a/*\", allow -> List.of(allow.owner()));",
                "cannot find symbol", "owner()");
    }
}
