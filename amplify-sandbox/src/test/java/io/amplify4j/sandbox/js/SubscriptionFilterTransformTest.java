package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code util.transform.toSubscriptionFilter(filter, ignoredFields?, rules?)}. Unlike the DynamoDB transforms it
 * answers an object. Each operator of a field, each member of an {@code or} and each rule is an alternative, so
 * the groups multiply out; {@code not} is not special. The vectors follow outputs recorded from AppSync.
 */
class SubscriptionFilterTransformTest {
    private static ResolverEngine engine;

    @BeforeAll
    static void start() {
        engine = Guest.engine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                v("{ a: { eq: 1 } }", "[[['a','eq',1]]]"),
                v("{ a: { eq: 1 }, b: { eq: 2 } }", "[[['a','eq',1],['b','eq',2]]]"),
                v("{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }", "[[['a','eq',1],['b','eq',2]]]"),
                v("{ z: { eq: 0 }, and: [{ a: { eq: 1 } }] }", "[[['z','eq',0],['a','eq',1]]]"),
                v("{ 'loc.addr.country': { eq: 'USA' } }", "[[['loc.addr.country','eq','USA']]]"),
                v("{ a: { eq: 1, ne: 2 } }", "[[['a','eq',1]],[['a','ne',2]]]"),
                v("{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }", "[[['a','eq',1]],[['b','eq',2]]]"),
                v("{ and: [{ a: { eq: 1 } }, { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] }] }",
                        "[[['a','eq',1],['b','eq',2]],[['a','eq',1],['c','eq',3]]]"),
                v("{ percentageUp: { lte: 50, gte: 20 }, and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: 2000 } }],"
                                + " or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }] }",
                        "[[['percentageUp','lte',50],['title','ne','Book1'],['downvotes','gt',2000],['author','eq','Admin']],"
                                + "[['percentageUp','lte',50],['title','ne','Book1'],['downvotes','gt',2000],['isPublished','eq',false]],"
                                + "[['percentageUp','gte',20],['title','ne','Book1'],['downvotes','gt',2000],['author','eq','Admin']],"
                                + "[['percentageUp','gte',20],['title','ne','Book1'],['downvotes','gt',2000],['isPublished','eq',false]]]"),
                v("{ a: { le: 1 }, b: { lt: 2 }, c: { ge: 3 }, d: { gt: 4 } }",
                        "[[['a','le',1],['b','lt',2],['c','ge',3],['d','gt',4]]]"),
                v("{ a: { in: [1, 2] }, b: { notIn: ['x'] } }", "[[['a','in',[1,2]],['b','notIn',['x']]]]"),
                v("{ a: { between: [1, 9] } }", "[[['a','between',[1,9]]]]"),
                v("{ a: { contains: 'x' }, b: { notContains: 'y' }, c: { beginsWith: 'z' } }",
                        "[[['a','contains','x'],['b','notContains','y'],['c','beginsWith','z']]]"),
                v("{ a: { containsAny: ['x', 'y'] } }", "[[['a','containsAny',['x','y']]]]"),
                v("{ a: { eq: false } }", "[[['a','eq',false]]]"),
                v("{ a: { bogus: 1 } }", "[[['a','bogus',1]]]"),
                v("{ not: { a: { eq: 1 } } }", "[[['not','a',{'eq':1}]]]"),
                v("{}", "[]"),
                v("{ a: {} }", "[]"),
                v("{ and: [] }", "[]"));
    }

    static Stream<Arguments> withIgnoredFieldsAndRules() {
        return Stream.of(
                Arguments.of("{ a: { eq: 1 }, b: { eq: 2 } }, ['a']", "[[['b','eq',2]]]"),
                Arguments.of("{ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, ['b']", "[[['a','eq',1]]]"),
                Arguments.of("{ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: 'p' } }",
                        "[[['a','eq',1],['r1','gte',250]],[['a','eq',1],['r2','eq','p']]]"),
                Arguments.of("{}, [], { r1: { eq: 1 } }", "[[['r1','eq',1]]]"));
    }

    private static Arguments v(String filter, String groups) {
        return Arguments.of(filter, groups);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void filters(String filter, String groups) {
        assertThat(Guest.eval(engine, "util.transform.toSubscriptionFilter(" + filter + ")")).isEqualTo(expected(groups));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIgnoredFieldsAndRules")
    void ignoredFieldsAndRules(String arguments, String groups) {
        assertThat(Guest.eval(engine, "util.transform.toSubscriptionFilter(" + arguments + ")"))
                .isEqualTo(expected(groups));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "", "[]", "'{\"a\":{\"eq\":1}}'"})
    void whatCannotBeReadIsNull(String filter) {
        assertThat(Guest.eval(engine, "util.transform.toSubscriptionFilter(" + filter + ")")).isNull();
    }

    /** {@code [[[field, op, value], ...], ...]} as {@code {filterGroup: [{filters: [{fieldName, operator, value}]}]}}. */
    private static Object expected(String groups) {
        StringBuilder json = new StringBuilder("{\"filterGroup\":[");
        var parsed = Json.asList(Guest.json(groups.replace('\'', '"')));
        for (int g = 0; g < parsed.size(); g++) {
            json.append(g == 0 ? "" : ",").append("{\"filters\":[");
            var filters = Json.asList(parsed.get(g));
            for (int f = 0; f < filters.size(); f++) {
                var filter = Json.asList(filters.get(f));
                json.append(f == 0 ? "" : ",")
                        .append("{\"fieldName\":").append(Json.write(filter.get(0)))
                        .append(",\"operator\":").append(Json.write(filter.get(1)))
                        .append(",\"value\":").append(Json.write(filter.get(2))).append('}');
            }
            json.append("]}");
        }
        return Guest.json(json.append("]}").toString());
    }
}
