package io.amplify4j.sandbox.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amplify4j.sandbox.dynamodb.AttributeValue;
import io.amplify4j.sandbox.dynamodb.AttributeValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Condition and filter expressions: every comparator, function and connective, against one item. */
class ConditionExpressionTest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

    static final Map<String, AttributeValue> ITEM = typedMap("{"
            + "'id':{'S':'1'},'title':{'S':'hello world'},'count':{'N':'5'},'price':{'N':'2.5'},"
            + "'done':{'BOOL':false},'nothing':{'NULL':true},'tags':{'SS':['a','b']},'nums':{'NS':['1','2']},"
            + "'bins':{'BS':['AAE=']},'data':{'B':'AAEC'},"
            + "'list':{'L':[{'S':'x'},{'N':'1'},{'M':{'k':{'S':'v'}}}]},"
            + "'map':{'M':{'nested':{'M':{'deep':{'N':'7'}}},'name':{'S':'n'},'with space':{'S':'s'}}},"
            + "'blank':{'S':''},'word':{'S':'\u00e9t\u00e9'}}");

    static Map<String, AttributeValue> typedMap(String json) {
        try {
            return AttributeValues.fromTypedMap(JSON.readValue(json, Map.class));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static ExpressionAttributes attributes(String names, String values) {
        ExpressionAttributes attributes = new ExpressionAttributes();
        try {
            if (names != null && !names.isBlank()) {
                attributes.addNames(JSON.readValue(names, LinkedHashMap.class));
            }
            if (values != null && !values.isBlank()) {
                attributes.addValues(AttributeValues.fromTypedMap(JSON.readValue(values, Map.class)));
            }
        } catch (ExpressionException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return attributes;
    }

    static boolean evaluate(String expression, String names, String values) {
        ExpressionAttributes attributes = attributes(names, values);
        Condition condition = ExpressionParser.parseCondition(expression, ExpressionParser.CONDITION, attributes);
        attributes.checkAllUsed();
        return ConditionEvaluator.evaluate(condition, ITEM);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // = and <> on every type
        "id = :v             |                     | {':v':{'S':'1'}}                   | true",
        "id = :v             |                     | {':v':{'S':'2'}}                   | false",
        "id = :v             |                     | {':v':{'N':'1'}}                   | false",
        "id <> :v            |                     | {':v':{'N':'1'}}                   | true",
        "id <> :v            |                     | {':v':{'S':'1'}}                   | false",
        "#c = :v             | {'#c':'count'}      | {':v':{'N':'5.0'}}                 | true",
        "price = :v          |                     | {':v':{'N':'2.50'}}                | true",
        "done = :v           |                     | {':v':{'BOOL':false}}              | true",
        "done = :v           |                     | {':v':{'NULL':true}}               | false",
        "nothing = :v        |                     | {':v':{'NULL':true}}               | true",
        "tags = :v           |                     | {':v':{'SS':['b','a']}}            | true",
        "tags = :v           |                     | {':v':{'SS':['a']}}                | false",
        "nums = :v           |                     | {':v':{'NS':['2','1.0']}}          | true",
        "bins = :v           |                     | {':v':{'BS':['AAE=']}}             | true",
        "#d = :v             | {'#d':'data'}       | {':v':{'B':'AAEC'}}                | true",
        "#l = :v             | {'#l':'list'}       | {':v':{'L':[{'S':'x'},{'N':'1'},{'M':{'k':{'S':'v'}}}]}} | true",
        "#l = :v             | {'#l':'list'}       | {':v':{'L':[{'N':'1'},{'S':'x'},{'M':{'k':{'S':'v'}}}]}} | false",
        "#m.nested = :v       | {'#m':'map'}        | {':v':{'M':{'deep':{'N':'7'}}}}    | true",
        "blank = :v          |                     | {':v':{'S':''}}                    | true",
        // a absent attribute: = is false, <> is true, orderings are false
        "absent = :v        |                     | {':v':{'S':'1'}}                   | false",
        "absent <> :v       |                     | {':v':{'S':'1'}}                   | true",
        "absent < :v        |                     | {':v':{'S':'1'}}                   | false",
        "absent >= :v       |                     | {':v':{'S':'1'}}                   | false",
        // orderings: numbers numerically, strings by bytes; across types false
        "#c < :v             | {'#c':'count'}      | {':v':{'N':'10'}}                  | true",
        "#c <= :v            | {'#c':'count'}      | {':v':{'N':'5'}}                   | true",
        "#c > :v             | {'#c':'count'}      | {':v':{'N':'4.99'}}                | true",
        "#c >= :v            | {'#c':'count'}      | {':v':{'N':'5.01'}}                | false",
        "#c < :v             | {'#c':'count'}      | {':v':{'N':'-10'}}                 | false",
        "#c < :v             | {'#c':'count'}      | {':v':{'S':'9'}}                   | false",
        "#c > :v             | {'#c':'count'}      | {':v':{'S':'1'}}                   | false",
        "title > :v          |                     | {':v':{'S':'hello'}}               | true",
        "title < :v          |                     | {':v':{'S':'hello'}}               | false",
        "title < :v          |                     | {':v':{'S':'z'}}                   | true",
        "title < :v          |                     | {':v':{'S':'Z'}}                   | false",
        "word > :v           |                     | {':v':{'S':'z'}}                   | true",
        "#d > :v             | {'#d':'data'}       | {':v':{'B':'AAE='}}                | true",
        "#d < :v             | {'#d':'data'}       | {':v':{'B':'/w=='}}                | true",
        "done < :v           |                     | {':v':{'BOOL':true}}               | false",
        "tags < :v           |                     | {':v':{'SS':['z']}}                | false",
        "price < #c          | {'#c':'count'}      |                                    | true",
        ":a < :b             |                     | {':a':{'N':'1'},':b':{'N':'2'}}    | true",
        // BETWEEN
        "#c BETWEEN :a AND :b | {'#c':'count'}     | {':a':{'N':'1'},':b':{'N':'5'}}    | true",
        "#c BETWEEN :a AND :b | {'#c':'count'}     | {':a':{'N':'5'},':b':{'N':'5'}}    | true",
        "#c BETWEEN :a AND :b | {'#c':'count'}     | {':a':{'N':'6'},':b':{'N':'9'}}    | false",
        "#c BETWEEN :a AND :b | {'#c':'count'}     | {':a':{'S':'1'},':b':{'S':'9'}}    | false",
        "title BETWEEN :a AND :b |                 | {':a':{'S':'h'},':b':{'S':'i'}}    | true",
        "absent BETWEEN :a AND :b |               | {':a':{'N':'1'},':b':{'N':'9'}}    | false",
        "#c between :a and :b | {'#c':'count'}     | {':a':{'N':'1'},':b':{'N':'9'}}    | true",
        // IN
        "id IN (:a, :b)      |                     | {':a':{'S':'0'},':b':{'S':'1'}}    | true",
        "id IN (:a)          |                     | {':a':{'S':'0'}}                   | false",
        "id IN (:a, :b)      |                     | {':a':{'N':'1'},':b':{'S':'2'}}    | false",
        "absent IN (:a)     |                     | {':a':{'S':'0'}}                   | false",
        "tags IN (:a)        |                     | {':a':{'SS':['a','b']}}            | true",
        // functions
        "attribute_exists(id)            |         |                                    | true",
        "attribute_exists(absent)       |         |                                    | false",
        "attribute_exists(nothing)       |         |                                    | true",
        "attribute_exists(#m.nested.deep) | {'#m':'map'} |                               | true",
        "attribute_exists(#m.nested.nope) | {'#m':'map'} |                               | false",
        "attribute_exists(#m.#s)         | {'#m':'map','#s':'with space'} |             | true",
        "attribute_exists(#l[2].k)       | {'#l':'list'} |                              | true",
        "attribute_exists(#l[3])         | {'#l':'list'} |                              | false",
        "attribute_exists(id.child)        |         |                                    | false",
        "attribute_exists(id[0])         |         |                                    | false",
        "attribute_not_exists(id)        |         |                                    | false",
        "attribute_not_exists(absent)   |         |                                    | true",
        "attribute_type(id, :t)          |         | {':t':{'S':'S'}}                   | true",
        "attribute_type(#c, :t)          | {'#c':'count'} | {':t':{'S':'N'}}             | true",
        "attribute_type(#c, :t)          | {'#c':'count'} | {':t':{'S':'S'}}             | false",
        "attribute_type(tags, :t)        |         | {':t':{'S':'SS'}}                  | true",
        "attribute_type(nums, :t)        |         | {':t':{'S':'NS'}}                  | true",
        "attribute_type(bins, :t)        |         | {':t':{'S':'BS'}}                  | true",
        "attribute_type(#d, :t)          | {'#d':'data'} | {':t':{'S':'B'}}              | true",
        "attribute_type(done, :t)        |         | {':t':{'S':'BOOL'}}                | true",
        "attribute_type(nothing, :t)     |         | {':t':{'S':'NULL'}}                | true",
        "attribute_type(#l, :t)          | {'#l':'list'} | {':t':{'S':'L'}}              | true",
        "attribute_type(#m, :t)          | {'#m':'map'} | {':t':{'S':'M'}}               | true",
        "attribute_type(absent, :t)     |         | {':t':{'S':'S'}}                   | false",
        "begins_with(title, :p)          |         | {':p':{'S':'hell'}}                | true",
        "begins_with(title, :p)          |         | {':p':{'S':'hello world'}}         | true",
        "begins_with(title, :p)          |         | {':p':{'S':'world'}}               | false",
        "begins_with(title, :p)          |         | {':p':{'S':''}}                    | true",
        "begins_with(#d, :p)             | {'#d':'data'} | {':p':{'B':'AAE='}}           | true",
        "begins_with(#d, :p)             | {'#d':'data'} | {':p':{'B':'AQ=='}}           | false",
        "begins_with(#c, :p)             | {'#c':'count'} | {':p':{'S':'5'}}             | false",
        "begins_with(absent, :p)        |         | {':p':{'S':'a'}}                   | false",
        "contains(title, :s)             |         | {':s':{'S':'lo wo'}}               | true",
        "contains(title, :s)             |         | {':s':{'S':'xyz'}}                 | false",
        "contains(tags, :s)              |         | {':s':{'S':'a'}}                   | true",
        "contains(tags, :s)              |         | {':s':{'S':'c'}}                   | false",
        "contains(nums, :s)              |         | {':s':{'N':'2.0'}}                 | true",
        "contains(nums, :s)              |         | {':s':{'S':'2'}}                   | false",
        "contains(bins, :s)              |         | {':s':{'B':'AAE='}}                | true",
        "contains(#l, :s)                | {'#l':'list'} | {':s':{'S':'x'}}              | true",
        "contains(#l, :s)                | {'#l':'list'} | {':s':{'N':'1'}}              | true",
        "contains(#l, :s)                | {'#l':'list'} | {':s':{'M':{'k':{'S':'v'}}}}  | true",
        "contains(#l, :s)                | {'#l':'list'} | {':s':{'S':'y'}}              | false",
        "contains(#c, :s)                | {'#c':'count'} | {':s':{'N':'5'}}             | false",
        "contains(#m, :s)                | {'#m':'map'} | {':s':{'S':'name'}}            | false",
        "contains(absent, :s)           |         | {':s':{'S':'a'}}                   | false",
        "contains(title, title)          |         |                                    | true",
        // size
        "size(title) = :n                |         | {':n':{'N':'11'}}                  | true",
        "size(word) = :n                 |         | {':n':{'N':'5'}}                   | true",
        "size(tags) = :n                 |         | {':n':{'N':'2'}}                   | true",
        "size(nums) > :n                 |         | {':n':{'N':'1'}}                   | true",
        "size(#l) = :n                   | {'#l':'list'} | {':n':{'N':'3'}}              | true",
        "size(#m) = :n                   | {'#m':'map'} | {':n':{'N':'3'}}               | true",
        "size(#d) = :n                   | {'#d':'data'} | {':n':{'N':'3'}}              | true",
        "size(blank) = :n                |         | {':n':{'N':'0'}}                   | true",
        "size(#c) = :n                   | {'#c':'count'} | {':n':{'N':'1'}}             | false",
        "size(#c) <> :n                  | {'#c':'count'} | {':n':{'N':'1'}}             | true",
        "size(absent) >= :n             |         | {':n':{'N':'0'}}                   | false",
        "size(title) BETWEEN :a AND :b   |         | {':a':{'N':'10'},':b':{'N':'20'}}  | true",
        "size(title) IN (:a, :b)         |         | {':a':{'N':'10'},':b':{'N':'11'}}  | true",
        ":n < size(title)                |         | {':n':{'N':'3'}}                   | true",
        // connectives and precedence: NOT binds tighter than AND, AND tighter than OR
        "id = :a OR id = :b AND id = :c  |         | {':a':{'S':'1'},':b':{'S':'2'},':c':{'S':'3'}} | true",
        "(id = :a OR id = :b) AND id = :c |        | {':a':{'S':'1'},':b':{'S':'2'},':c':{'S':'3'}} | false",
        "id = :b AND id = :c OR id = :a  |         | {':a':{'S':'1'},':b':{'S':'2'},':c':{'S':'3'}} | true",
        "NOT id = :b AND id = :a         |         | {':a':{'S':'1'},':b':{'S':'2'}}    | true",
        "NOT (id = :a AND id = :b)       |         | {':a':{'S':'1'},':b':{'S':'2'}}    | true",
        "NOT id = :a                     |         | {':a':{'S':'1'}}                   | false",
        "NOT NOT id = :a                 |         | {':a':{'S':'1'}}                   | true",
        "not attribute_exists(absent) and attribute_exists(id) | |                     | true",
        "((((id = :a))))                 |         | {':a':{'S':'1'}}                   | true",
        "attribute_exists(id) AND (begins_with(title, :p) OR contains(tags, :t)) | | {':p':{'S':'x'},':t':{'S':'b'}} | true",
        "id = :a AND #c BETWEEN :lo AND :hi AND done = :f | {'#c':'count'} | {':a':{'S':'1'},':lo':{'N':'1'},':hi':{'N':'9'},':f':{'BOOL':false}} | true",
        "id=:a                           |         | {':a':{'S':'1'}}                   | true",
        "#l[0] = :x AND #l[2].k = :v     | {'#l':'list'} | {':x':{'S':'x'},':v':{'S':'v'}} | true",
        "#m.#i.deep = :n                 | {'#m':'map','#i':'nested'} | {':n':{'N':'7'}}   | true",
    })
    void evaluates(String expression, String names, String values, boolean expected) {
        assertThat(evaluate(expression, names, values)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "status = :v          |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
        "#s = :v AND name = :v | {'#s':'s'}      | {':v':{'S':'x'}} | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
        "a.data = :v          |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: data",
        "#x = :v              |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
        "a = :w               |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :w",
        "a = :v               | {'#unused':'x'}  | {':v':{'S':'x'}} | Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
        "a = :v               |                  | {':v':{'S':'x'},':z':{'S':'y'},':a':{'N':'1'}} | Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :z}",
        "a = :v AND           |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":v AND\"",
        "a = = :v             |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Syntax error; token: \"=\", near: \"a = = :v\"",
        "(a = :v              |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= :v\"",
        "a = :v)              |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Syntax error; token: \")\", near: \"= :v)\"",
        "a                    |                  |                  | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"",
        "a ! :v               |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Invalid character encountered; character: \"!\", position: 3",
        "a == :v              |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Syntax error; token: \"=\", near: \"a == :v\"",
        "a BETWEEN :v         |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"BETWEEN :v\"",
        "a BETWEEN :hi AND :lo |                 | {':lo':{'N':'1'},':hi':{'N':'5'}} | Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}",
        "a IN ()              |                  |                  | Invalid ConditionExpression: Syntax error; token: \")\", near: \"IN ()\"",
        "foo(a)               |                  |                  | Invalid ConditionExpression: Invalid function name; function: foo",
        "attribute_exists(a, b) |                |                  | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
        "attribute_exists(:v) |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists",
        "begins_with(a)       |                  |                  | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1",
        "begins_with(a, :n)   |                  | {':n':{'N':'1'}} | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        "attribute_type(a, :t) |                 | {':t':{'S':'STRING'}} | Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }",
        "attribute_type(a, :t) |                 | {':t':{'N':'1'}} | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N",
        "size(a)              |                  |                  | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a)\"",
        "size(:v) = :v        |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Operator or function requires a document path; operator or function: size",
        "a = attribute_exists(b) |               |                  | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists",
        "a[x] = :v            |                  | {':v':{'S':'x'}} | Invalid ConditionExpression: Syntax error; token: \"x\", near: \"a[x]\"",
        "#                    |                  |                  | Invalid ConditionExpression: Syntax error; token: \"#\", near: \"#\"",
        "`   `                |                  |                  | Invalid ConditionExpression: The expression can not be empty;",
        "a = :v               | {'x':'a'}        | {':v':{'S':'x'}} | ExpressionAttributeNames contains invalid key: Syntax error; key: \"x\"",
        "a = :v               | {'#':'a'}        | {':v':{'S':'x'}} | ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\"",
        "#a = :v              | {'#a':''}        | {':v':{'S':'x'}} | ExpressionAttributeNames contains invalid value: Empty attribute name for key: #a",
        "a = :v               |                  | {'v':{'S':'x'}}  | ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"",
        "a = :v               |                  | {':v-1':{'S':'x'}} | ExpressionAttributeValues contains invalid key: Syntax error; key: \":v-1\"",
    })
    void rejects(String expression, String names, String values, String message) {
        assertThatThrownBy(() -> evaluate(expression, names, values))
                .isInstanceOf(ExpressionException.class)
                .hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void inAcceptsAtMostOneHundredOperands() {
        StringBuilder values = new StringBuilder("{");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            values.append(i == 0 ? "" : ",").append("':v").append(i).append("':{'N':'").append(i).append("'}");
            list.append(i == 0 ? "" : ",").append(":v").append(i);
        }
        values.append('}');
        String hundredOne = "a IN (" + list + ")";
        assertThatThrownBy(() -> evaluate(hundredOne, null, values.toString()))
                .hasMessage("Invalid ConditionExpression: Too many operands for the IN operator; number of operands: 101");
        String hundred = "a IN (" + list.substring(0, list.lastIndexOf(",")) + ")";
        ExpressionAttributes attributes = attributes(null, values.toString());
        Condition parsed = ExpressionParser.parseCondition(hundred, ExpressionParser.FILTER, attributes);
        assertThat(parsed).isInstanceOf(Condition.In.class);
    }
}
