package io.amplify4j.client.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Misuse of typed filters must not compile. Each case compiles a snippet with javac and asserts the error, so a
 * loosened signature shows up as a failing test rather than as an AppSync validation error at run time.
 */
class CompileFailureTest {

    private static void assertCompileError(String statements, String... expectedFragments) throws Exception {
        assertThat(JavaSnippets.errors(statements))
                .as("javac errors for: %s", statements)
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains(expectedFragments));
    }

    @Test
    void theHarnessCompilesCorrectUseWithoutWarnings() throws Exception {
        assertThat(JavaSnippets.errors(String.join("\n",
                "listTodos(Item.ACTIVE.eq(true).and(Item.COUNT.gt(2)).or(Item.NAME.contains(\"x\")).not());",
                "listTodos(ModelFilter.allOf(Item.ID.eq(\"a\"), Item.PRICE.gt(10), Item.STATUS.eq(Item.Status.OPEN)));",
                "updateItem(Item.COUNT.ge(1).and(Item.DAY.lt(LocalDate.now())));",
                "updateItem(ModelCondition.anyOf(Item.SEEN.gt(Instant.now()), Item.AT.le(LocalTime.NOON)));",
                "onCreateItem(Item.NAME.subscription().in(\"a\", \"b\").and(Item.ACTIVE.subscription().eq(true)));",
                "onCreateItem(SubscriptionFilter.anyOf(Item.STATUS.subscription().in(Item.Status.OPEN),",
                "    Item.COUNT.subscription().notIn(1, 2)));",
                "KeyCondition<Item> key = Item.NAME_KEY.beginsWith(\"a\");",
                "KeyCondition<Item> range = Item.PLACED_KEY.between(Instant.EPOCH, Instant.now());")))
                .isEmpty();
    }

    @Test
    void aFilterOfOneModelCannotBePassedForAnother() throws Exception {
        assertCompileError("listTodos(Post.PUBLISHED.eq(true));", "incompatible types",
                "FieldPredicate<io.amplify4j.client.filter.Post>");
    }

    @Test
    void filtersOfDifferentModelsDoNotCombine() throws Exception {
        assertCompileError("Item.ACTIVE.eq(true).and(Post.PUBLISHED.eq(true));", "no suitable method found for and");
    }

    @Test
    void containsDoesNotExistOnABoolean() throws Exception {
        assertCompileError("listTodos(Item.ACTIVE.contains(\"x\"));", "cannot find symbol", "contains");
    }

    @Test
    void orderingDoesNotExistOnABoolean() throws Exception {
        assertCompileError("listTodos(Item.ACTIVE.gt(true));", "cannot find symbol", "gt");
    }

    @Test
    void textOperatorsDoNotExistOnNumbers() throws Exception {
        assertCompileError("listTodos(Item.COUNT.beginsWith(\"1\"));", "cannot find symbol", "beginsWith");
    }

    @Test
    void anEnumFieldTakesOnlyItsEnum() throws Exception {
        assertCompileError("listTodos(Item.STATUS.eq(\"OPEN\"));", "incompatible types");
    }

    @Test
    void aNumberFieldTakesOnlyNumbers() throws Exception {
        assertCompileError("listTodos(Item.COUNT.eq(\"3\"));", "incompatible types");
    }

    @Test
    void aDateTimeFieldTakesAnInstant() throws Exception {
        assertCompileError("listTodos(Item.PLACED_AT.gt(\"2026-01-01\"));", "incompatible types");
    }

    @Test
    void subscriptionFiltersHaveNoNot() throws Exception {
        assertCompileError("onCreateItem(Item.ACTIVE.subscription().eq(true).not());", "cannot find symbol", "not");
    }

    @Test
    void aListFilterIsNotASubscriptionFilter() throws Exception {
        assertCompileError("onCreateItem(Item.ACTIVE.eq(true));", "incompatible types");
    }

    @Test
    void booleanSubscriptionsHaveNoIn() throws Exception {
        assertCompileError("onCreateItem(Item.ACTIVE.subscription().in(true));", "cannot find symbol", "in");
    }

    @Test
    void aCombinedFilterIsNotACondition() throws Exception {
        assertCompileError("ModelFilter<Item> f = Item.ACTIVE.eq(true); updateItem(f.and(Item.COUNT.gt(1)));",
                "incompatible types");
    }

    @Test
    void beginsWithExistsOnlyOnTextSortKeys() throws Exception {
        assertCompileError("Item.PLACED_KEY.beginsWith(Instant.EPOCH);", "cannot find symbol", "beginsWith");
    }
}
