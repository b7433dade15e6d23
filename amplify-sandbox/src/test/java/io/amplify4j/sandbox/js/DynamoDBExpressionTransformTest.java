package io.amplify4j.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code util.transform.toDynamoDBFilterExpression} and {@code toDynamoDBConditionExpression}. The expected
 * expression texts follow outputs recorded from AppSync's EvaluateCode API (the value names, the parentheses, the
 * missing space after a function's comma, the dangling joiner of an empty member, null for what it cannot render).
 * AppSync orders the keys of expressionNames/expressionValues arbitrarily; ours are in insertion order and the
 * assertions compare them as maps.
 */
class DynamoDBExpressionTransformTest {
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
                // comparisons
                v("{ v: { eq: 'x' } }", "(#v = :v_eq)", "{'#v':'v'}", "{':v_eq':{'S':'x'}}"),
                v("{ v: { ne: 'x' } }", "(#v <> :v_ne)", "{'#v':'v'}", "{':v_ne':{'S':'x'}}"),
                v("{ v: { lt: 'x' } }", "(#v < :v_lt)", "{'#v':'v'}", "{':v_lt':{'S':'x'}}"),
                v("{ v: { le: 'x' } }", "(#v <= :v_le)", "{'#v':'v'}", "{':v_le':{'S':'x'}}"),
                v("{ v: { gt: 'x' } }", "(#v > :v_gt)", "{'#v':'v'}", "{':v_gt':{'S':'x'}}"),
                v("{ v: { ge: 'x' } }", "(#v >= :v_ge)", "{'#v':'v'}", "{':v_ge':{'S':'x'}}"),
                // operand types
                v("{ v: { eq: 10 } }", "(#v = :v_eq)", "{'#v':'v'}", "{':v_eq':{'N':10}}"),
                v("{ v: { eq: 1.5 } }", "(#v = :v_eq)", "{'#v':'v'}", "{':v_eq':{'N':1.5}}"),
                v("{ v: { eq: true } }", "(#v = :v_eq)", "{'#v':'v'}", "{':v_eq':{'BOOL':true}}"),
                v("{ v: { eq: null } }", "(#v = :v_eq)", "{'#v':'v'}", "{':v_eq':{'NULL':null}}"),
                v("{ v: { eq: { a: 1 } } }", "(#v = :v_eq)", "{'#v':'v'}", "{':v_eq':{'M':{'a':{'N':1}}}}"),
                v("{ v: { eq: [1, 2] } }", "(#v = :v_eq)", "{'#v':'v'}", "{':v_eq':{'L':[{'N':1},{'N':2}]}}"),
                // functions
                v("{ v: { contains: 'x' } }", "(contains(#v,:v_contains))", "{'#v':'v'}", "{':v_contains':{'S':'x'}}"),
                v("{ v: { notContains: 'x' } }", "(NOT contains(#v,:v_notContains))", "{'#v':'v'}",
                        "{':v_notContains':{'S':'x'}}"),
                v("{ v: { beginsWith: 'x' } }", "(begins_with(#v,:v_beginsWith))", "{'#v':'v'}",
                        "{':v_beginsWith':{'S':'x'}}"),
                // between and in
                v("{ v: { between: ['1', '9'] } }", "(#v BETWEEN :v_between_start AND :v_between_end)", "{'#v':'v'}",
                        "{':v_between_start':{'S':'1'},':v_between_end':{'S':'9'}}"),
                v("{ v: { between: [1, 9, 3] } }", "(#v BETWEEN :v_between_start AND :v_between_end)", "{'#v':'v'}",
                        "{':v_between_start':{'N':1},':v_between_end':{'N':9}}"),
                v("{ v: { in: ['a', 'b'] } }", "(#v IN (:v_in_0, :v_in_1))", "{'#v':'v'}",
                        "{':v_in_0':{'S':'a'},':v_in_1':{'S':'b'}}"),
                v("{ v: { in: ['a'] } }", "(#v IN (:v_in_0))", "{'#v':'v'}", "{':v_in_0':{'S':'a'}}"),
                v("{ v: { in: [] } }", "(null)", "{'#v':'v'}", "{}"),
                // attributes
                v("{ v: { attributeExists: true } }", "(attribute_exists(#v))", "{'#v':'v'}", "{}"),
                v("{ v: { attributeExists: false } }", "(attribute_not_exists(#v))", "{'#v':'v'}", "{}"),
                v("{ a: { attributeType: '_null' }, b: { attributeType: 'stringSet' }, c: { attributeType: 'map' } }",
                        "(attribute_type(#a,:a_attributeType)) AND (attribute_type(#b,:b_attributeType))"
                                + " AND (attribute_type(#c,:c_attributeType))",
                        "{'#a':'a','#b':'b','#c':'c'}",
                        "{':a_attributeType':{'S':'NULL'},':b_attributeType':{'S':'SS'},':c_attributeType':{'S':'M'}}"),
                v("{ a: { attributeType: 'string' }, b: { attributeType: 'number' }, c: { attributeType: 'numberSet' },"
                                + " d: { attributeType: 'binary' }, e: { attributeType: 'binarySet' },"
                                + " f: { attributeType: 'boolean' }, g: { attributeType: 'list' } }",
                        "(attribute_type(#a,:a_attributeType)) AND (attribute_type(#b,:b_attributeType))"
                                + " AND (attribute_type(#c,:c_attributeType)) AND (attribute_type(#d,:d_attributeType))"
                                + " AND (attribute_type(#e,:e_attributeType)) AND (attribute_type(#f,:f_attributeType))"
                                + " AND (attribute_type(#g,:g_attributeType))",
                        "{'#a':'a','#b':'b','#c':'c','#d':'d','#e':'e','#f':'f','#g':'g'}",
                        "{':a_attributeType':{'S':'S'},':b_attributeType':{'S':'N'},':c_attributeType':{'S':'NS'},"
                                + "':d_attributeType':{'S':'B'},':e_attributeType':{'S':'BS'},"
                                + "':f_attributeType':{'S':'BOOL'},':g_attributeType':{'S':'L'}}"),
                // size
                v("{ v: { size: { gt: 2 } } }", "(size(#v) > :v_size_gt)", "{'#v':'v'}", "{':v_size_gt':{'N':2}}"),
                v("{ v: { size: { between: [1, 3] } } }",
                        "(size(#v) BETWEEN :v_size_between_start AND :v_size_between_end)", "{'#v':'v'}",
                        "{':v_size_between_start':{'N':1},':v_size_between_end':{'N':3}}"),
                v("{ v: { size: { contains: 'x' } } }", "(contains(size(#v),:v_size_contains))", "{'#v':'v'}",
                        "{':v_size_contains':{'S':'x'}}"),
                v("{ v: { size: { attributeExists: true } } }", "(attribute_exists(size(#v)))", "{'#v':'v'}", "{}"),
                v("{ v: { size: { gt: 2, lt: 5 } } }", "((size(#v) > :v_size_gt) AND (size(#v) < :v_size_lt))",
                        "{'#v':'v'}", "{':v_size_gt':{'N':2},':v_size_lt':{'N':5}}"),
                v("{ v: { size: { size: { gt: 1 } } } }", "(size(#v) > :v_size_size_gt)", "{'#v':'v'}",
                        "{':v_size_size_gt':{'N':1}}"),
                // grouping
                v("{ a: { eq: 1 }, b: { eq: 2 } }", "(#a = :a_eq) AND (#b = :b_eq)", "{'#a':'a','#b':'b'}",
                        "{':a_eq':{'N':1},':b_eq':{'N':2}}"),
                v("{ v: { ge: 1, le: 5 } }", "((#v >= :v_ge) AND (#v <= :v_le))", "{'#v':'v'}",
                        "{':v_ge':{'N':1},':v_le':{'N':5}}"),
                v("{ and: [{ a: { eq: 1 } }] }", "(#a = :and_0_a_eq)", "{'#a':'a'}", "{':and_0_a_eq':{'N':1}}"),
                v("{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }", "((#a = :and_0_a_eq) AND (#b = :and_1_b_eq))",
                        "{'#a':'a','#b':'b'}", "{':and_0_a_eq':{'N':1},':and_1_b_eq':{'N':2}}"),
                v("{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }", "((#a = :or_0_a_eq) OR (#b = :or_1_b_eq))",
                        "{'#a':'a','#b':'b'}", "{':or_0_a_eq':{'N':1},':or_1_b_eq':{'N':2}}"),
                v("{ not: { a: { eq: 1 } } }", "(NOT (#a = :not_a_eq))", "{'#a':'a'}", "{':not_a_eq':{'N':1}}"),
                v("{ not: { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] } }",
                        "(NOT ((#a = :not_and_0_a_eq) AND (#b = :not_and_1_b_eq)))", "{'#a':'a','#b':'b'}",
                        "{':not_and_0_a_eq':{'N':1},':not_and_1_b_eq':{'N':2}}"),
                v("{ not: { not: { a: { eq: 1 } } } }", "(NOT (NOT (#a = :not_not_a_eq)))", "{'#a':'a'}",
                        "{':not_not_a_eq':{'N':1}}"),
                v("{ and: [{ not: { a: { eq: 1 } } }, { b: { eq: 2 } }] }",
                        "((NOT (#a = :and_0_not_a_eq)) AND (#b = :and_1_b_eq))", "{'#a':'a','#b':'b'}",
                        "{':and_0_not_a_eq':{'N':1},':and_1_b_eq':{'N':2}}"),
                v("{ or: [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] }",
                        "(((#a = :or_0_and_0_a_eq) AND (#b = :or_0_and_1_b_eq)) OR (#c = :or_1_c_eq))",
                        "{'#a':'a','#b':'b','#c':'c'}",
                        "{':or_0_and_0_a_eq':{'N':1},':or_0_and_1_b_eq':{'N':2},':or_1_c_eq':{'N':3}}"),
                v("{ and: [{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] }",
                        "(((#a = :and_0_or_0_a_eq) OR (#b = :and_0_or_1_b_eq)) AND (#c = :and_1_c_eq))",
                        "{'#a':'a','#b':'b','#c':'c'}",
                        "{':and_0_or_0_a_eq':{'N':1},':and_0_or_1_b_eq':{'N':2},':and_1_c_eq':{'N':3}}"),
                v("{ and: [{ or: [{ and: [{ a: { eq: 1 } }] }] }] }", "(#a = :and_0_or_0_and_0_a_eq)", "{'#a':'a'}",
                        "{':and_0_or_0_and_0_a_eq':{'N':1}}"),
                v("{ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }", "(#a = :a_eq) AND (#b = :and_0_b_eq)",
                        "{'#a':'a','#b':'b'}", "{':a_eq':{'N':1},':and_0_b_eq':{'N':2}}"),
                v("{ 'a.b': { eq: 1 } }", "(#a.b = :a.b_eq)", "{'#a.b':'a.b'}", "{':a.b_eq':{'N':1}}"),
                // what renders no expression
                v("{}", "", "{}", "{}"),
                v("{ and: [] }", "", "{}", "{}"),
                v("{ v: {} }", "", "{'#v':'v'}", "{}"),
                v("{ v: { size: {} } }", "", "{'#v':'v'}", "{}"),
                v("{ not: {} }", "(NOT )", "{}", "{}"),
                v("{ a: { eq: 1 }, b: {} }", "(#a = :a_eq) AND ", "{'#a':'a','#b':'b'}", "{':a_eq':{'N':1}}"),
                v("{ and: [{ a: { eq: 1 } }, {}] }", "((#a = :and_0_a_eq) AND )", "{'#a':'a'}",
                        "{':and_0_a_eq':{'N':1}}"),
                // what Amplify's model resolvers send
                v("{ and: [{ id: { attributeExists: false } }] }", "(attribute_not_exists(#id))", "{'#id':'id'}", "{}"),
                v("{ and: [{ id: { attributeExists: true } }, { _version: { eq: 1 } }] }",
                        "((attribute_exists(#id)) AND (#_version = :and_1__version_eq))",
                        "{'#id':'id','#_version':'_version'}", "{':and_1__version_eq':{'N':1}}"),
                v("{ or: [{ content: { beginsWith: 'a' } }, { id: { between: ['1', '9'] } }] }",
                        "((begins_with(#content,:or_0_content_beginsWith)) OR"
                                + " (#id BETWEEN :or_1_id_between_start AND :or_1_id_between_end))",
                        "{'#content':'content','#id':'id'}",
                        "{':or_0_content_beginsWith':{'S':'a'},':or_1_id_between_start':{'S':'1'},"
                                + "':or_1_id_between_end':{'S':'9'}}"));
    }

    private static Arguments v(String filter, String expression, String names, String values) {
        return Arguments.of(filter, expression, names, values);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("vectors")
    void filterExpressions(String filter, String expression, String names, String values) {
        assertRendered("toDynamoDBFilterExpression", filter, expression, names, values);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("vectors")
    void conditionExpressionsAreRenderedTheSameWay(String filter, String expression, String names, String values) {
        assertRendered("toDynamoDBConditionExpression", filter, expression, names, values);
    }

    private static void assertRendered(String function, String filter, String expression, String names, String values) {
        Object text = Guest.eval(engine, "util.transform." + function + "(" + filter + ")");
        assertThat(text).isInstanceOf(String.class);
        var rendered = Guest.map(Guest.json((String) text));
        assertThat(rendered).containsOnlyKeys("expression", "expressionNames", "expressionValues");
        assertThat(rendered.get("expression")).isEqualTo(expression);
        assertThat(rendered.get("expressionNames")).isEqualTo(Guest.json(names.replace('\'', '"')));
        assertThat(rendered.get("expressionValues")).isEqualTo(Guest.json(values.replace('\'', '"')));
    }

    @Test
    void theResultIsAJsonStringWithTheKeysInAppSyncsOrder() {
        assertThat(Guest.eval(engine, "util.transform.toDynamoDBFilterExpression({ content: { contains: 'foo' } })"))
                .isEqualTo("{\"expression\":\"(contains(#content,:content_contains))\","
                        + "\"expressionNames\":{\"#content\":\"content\"},"
                        + "\"expressionValues\":{\":content_contains\":{\"S\":\"foo\"}}}");
        assertThat(Guest.eval(engine,
                        "util.transform.toDynamoDBConditionExpression({ and: [{ id: { attributeExists: false } }] })"))
                .isEqualTo("{\"expression\":\"(attribute_not_exists(#id))\",\"expressionNames\":{\"#id\":\"id\"},"
                        + "\"expressionValues\":{}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "null", "[]", "'string'", "{ v: { foo: 1 } }", "{ v: 'x' }", "{ a: { b: { eq: 1 } } }",
        "{ and: { a: { eq: 1 } } }", "{ and: null }", "{ and: [{ a: { eq: 1 } }, null] }", "{ not: [{ a: { eq: 1 } }] }",
        "{ v: { between: [1] } }", "{ v: { between: 'x' } }", "{ v: { in: 'x' } }", "{ v: { attributeExists: 'yes' } }",
        "{ v: { attributeType: 'S' } }", "{ v: { attributeType: 'bogus' } }", "{ v: { size: 3 } }"
    })
    void whatCannotBeRenderedIsNull(String filter) {
        assertThat(Guest.eval(engine, "util.transform.toDynamoDBFilterExpression(" + filter + ")")).isNull();
        assertThat(Guest.eval(engine, "util.transform.toDynamoDBConditionExpression(" + filter + ")")).isNull();
    }
}
