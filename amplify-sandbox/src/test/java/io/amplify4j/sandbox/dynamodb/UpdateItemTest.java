package io.amplify4j.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.datasource.DataSourceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UpdateItem: every update action, its type rules and errors, run through the data source. */
class UpdateItemTest {
    private static final String START = "{'id':{'S':'1'},'n':{'N':'5'},'s':{'S':'x'},'l':{'L':[{'N':'1'},{'N':'2'},"
            + "{'N':'3'}]},'m':{'M':{'a':{'N':'1'},'b':{'M':{'c':{'S':'deep'}}}}},'ss':{'SS':['a','b']},"
            + "'ns':{'NS':['1','2']},'bs':{'BS':['AA==']},'f':{'BOOL':true}}";

    private final Fixtures fixtures = new Fixtures();

    private Map<String, Object> update(String expression, String names, String values) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("expression", expression);
        if (names != null) {
            block.put("expressionNames", Json.obj(names));
        }
        if (values != null) {
            block.put("expressionValues", Json.obj(values));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("operation", "UpdateItem");
        request.put("key", Json.obj("{'id':{'S':'1'}}"));
        request.put("update", block);
        return request;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // SET: plain, nested, list index, arithmetic, functions
        "SET s = :v                  |                 | {':v':{'S':'y'}}    | {'s':'y'}",
        "SET z = :v                  |                 | {':v':{'S':'new'}}  | {'z':'new'}",
        "SET s = :v, z = :w          |                 | {':v':{'S':'y'},':w':{'N':'2'}} | {'s':'y','z':2}",
        "SET m.a = :v                |                 | {':v':{'N':'9'}}    | {'m':{'a':9,'b':{'c':'deep'}}}",
        "SET m.b.c = :v              |                 | {':v':{'S':'d'}}    | {'m':{'a':1,'b':{'c':'d'}}}",
        "SET m.added = :v              |                 | {':v':{'S':'d'}}    | {'m':{'a':1,'b':{'c':'deep'},'added':'d'}}",
        "SET l[1] = :v               |                 | {':v':{'S':'two'}}  | {'l':[1,'two',3]}",
        "SET l[3] = :v               |                 | {':v':{'N':'4'}}    | {'l':[1,2,3,4]}",
        "SET l[10] = :v              |                 | {':v':{'N':'4'}}    | {'l':[1,2,3,4]}",
        "SET n = n + :v              |                 | {':v':{'N':'2'}}    | {'n':7}",
        "SET n = n - :v              |                 | {':v':{'N':'7.5'}}  | {'n':-2.5}",
        "SET n = :v + n              |                 | {':v':{'N':'0.1'}}  | {'n':5.1}",
        "SET z = n + n               |                 |                     | {'z':10}",
        "SET z = :a - :b             |                 | {':a':{'N':'1'},':b':{'N':'3'}} | {'z':-2}",
        "SET n = if_not_exists(n, :v) |                | {':v':{'N':'0'}}    | {'n':5}",
        "SET z = if_not_exists(z, :v) |                | {':v':{'N':'0'}}    | {'z':0}",
        "SET z = if_not_exists(z, :v) + :one |         | {':v':{'N':'0'},':one':{'N':'1'}} | {'z':1}",
        "SET n = if_not_exists(n, :v) + :one |         | {':v':{'N':'0'},':one':{'N':'1'}} | {'n':6}",
        "SET l = list_append(l, :v)  |                 | {':v':{'L':[{'N':'4'}]}} | {'l':[1,2,3,4]}",
        "SET l = list_append(:v, l)  |                 | {':v':{'L':[{'N':'0'}]}} | {'l':[0,1,2,3]}",
        "SET z = list_append(if_not_exists(z, :e), :v) | | {':e':{'L':[]},':v':{'L':[{'S':'a'}]}} | {'z':['a']}",
        "SET z = s                   |                 |                     | {'z':'x'}",
        "SET s = n, n = s            |                 |                     | {'s':5,'n':'x'}",
        "SET #d = :v                 | {'#d':'data'}   | {':v':{'NULL':true}} | {'data':null}",
        "SET #a.#b = :v              | {'#a':'m','#b':'a'} | {':v':{'BOOL':false}} | {'m':{'a':false,'b':{'c':'deep'}}}",
        "SET s = :v                  |                 | {':v':{'S':''}}     | {'s':''}",
        "set s = :v                  |                 | {':v':{'S':'lower'}} | {'s':'lower'}",
        // REMOVE
        "REMOVE s                    |                 |                     | {'s':'<removed>'}",
        "REMOVE s, n                 |                 |                     | {'s':'<removed>','n':'<removed>'}",
        "REMOVE absent               |                 |                     | {}",
        "REMOVE m.a                  |                 |                     | {'m':{'b':{'c':'deep'}}}",
        "REMOVE m.nothing            |                 |                     | {}",
        "REMOVE l[0]                 |                 |                     | {'l':[2,3]}",
        "REMOVE l[0], l[2]           |                 |                     | {'l':[2]}",
        "REMOVE l[2], l[0]           |                 |                     | {'l':[2]}",
        "REMOVE l[7]                 |                 |                     | {}",
        // ADD
        "ADD n :v                    |                 | {':v':{'N':'3'}}    | {'n':8}",
        "ADD n :v                    |                 | {':v':{'N':'-5'}}   | {'n':0}",
        "ADD z :v                    |                 | {':v':{'N':'3'}}    | {'z':3}",
        "ADD ss :v                   |                 | {':v':{'SS':['b','c']}} | {'ss':['a','b','c']}",
        "ADD ns :v                   |                 | {':v':{'NS':['3','1.0']}} | {'ns':[1,2,3]}",
        "ADD bs :v                   |                 | {':v':{'BS':['AQ==']}} | {'bs':['AA==','AQ==']}",
        "ADD z :v                    |                 | {':v':{'SS':['q']}} | {'z':['q']}",
        "ADD m.a :v                  |                 | {':v':{'N':'1'}}    | {'m':{'a':2,'b':{'c':'deep'}}}",
        "add n :v                    |                 | {':v':{'N':'1'}}    | {'n':6}",
        // DELETE
        "DELETE ss :v                |                 | {':v':{'SS':['a']}} | {'ss':['b']}",
        "DELETE ss :v                |                 | {':v':{'SS':['a','b']}} | {'ss':'<removed>'}",
        "DELETE ss :v                |                 | {':v':{'SS':['zz']}} | {'ss':['a','b']}",
        "DELETE ns :v                |                 | {':v':{'NS':['2.00']}} | {'ns':[1]}",
        "DELETE bs :v                |                 | {':v':{'BS':['AA==']}} | {'bs':'<removed>'}",
        "DELETE z :v                 |                 | {':v':{'SS':['a']}} | {}",
        // all four clauses, any order
        "SET s = :s REMOVE f ADD n :one DELETE ss :a | | {':s':{'S':'y'},':one':{'N':'1'},':a':{'SS':['a']}} | {'s':'y','f':'<removed>','n':6,'ss':['b']}",
        "DELETE ss :a ADD n :one REMOVE f SET s = :s | | {':s':{'S':'y'},':one':{'N':'1'},':a':{'SS':['a']}} | {'s':'y','f':'<removed>','n':6,'ss':['b']}",
    })
    void applies(String expression, String names, String values, String changes) throws DataSourceException {
        fixtures.put("Todo", START);
        Object result = fixtures.table("Todo").invoke(update(expression, names, values));

        Map<String, Object> expected = new LinkedHashMap<>(Json.obj(
                Json.canon(AttributeValues.toJson(AttributeValues.fromTypedMap(Json.obj(START))))));
        for (Map.Entry<String, Object> change : Json.obj(changes).entrySet()) {
            if ("<removed>".equals(change.getValue())) {
                expected.remove(change.getKey());
            } else {
                expected.put(change.getKey(), change.getValue());
            }
        }
        assertThat(Json.canon(result)).isEqualTo(Json.canon(expected));
        assertThat(Json.canon(fixtures.get("Todo", "{'id':{'S':'1'}}"))).isEqualTo(Json.canon(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SET n = n + :v              |                 | {':v':{'S':'1'}}    | An operand in the update expression has an incorrect data type",
        "SET s = s + :v              |                 | {':v':{'N':'1'}}    | An operand in the update expression has an incorrect data type",
        "SET l = list_append(l, :v)  |                 | {':v':{'S':'1'}}    | An operand in the update expression has an incorrect data type",
        "SET l = list_append(s, l)   |                 |                     | An operand in the update expression has an incorrect data type",
        "SET z = absent              |                 |                     | The provided expression refers to an attribute that does not exist in the item",
        "SET z = absent + :v         |                 | {':v':{'N':'1'}}    | The provided expression refers to an attribute that does not exist in the item",
        "SET absent.x = :v           |                 | {':v':{'N':'1'}}    | The document path provided in the update expression is invalid for update",
        "SET s.x = :v                |                 | {':v':{'N':'1'}}    | The document path provided in the update expression is invalid for update",
        "SET s[0] = :v               |                 | {':v':{'N':'1'}}    | The document path provided in the update expression is invalid for update",
        "SET m[0] = :v               |                 | {':v':{'N':'1'}}    | The document path provided in the update expression is invalid for update",
        "REMOVE absent.x             |                 |                     | The document path provided in the update expression is invalid for update",
        "ADD s :v                    |                 | {':v':{'N':'1'}}    | An operand in the update expression has an incorrect data type",
        "ADD ss :v                   |                 | {':v':{'NS':['1']}} | An operand in the update expression has an incorrect data type",
        "ADD n :v                    |                 | {':v':{'SS':['1']}} | An operand in the update expression has an incorrect data type",
        "ADD n :v                    |                 | {':v':{'S':'1'}}    | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
        "ADD l :v                    |                 | {':v':{'L':[]}}     | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST",
        "DELETE ss :v                |                 | {':v':{'S':'a'}}    | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: STRING",
        "DELETE n :v                 |                 | {':v':{'N':'1'}}    | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER",
        "DELETE s :v                 |                 | {':v':{'SS':['x']}} | An operand in the update expression has an incorrect data type",
        "DELETE ss :v                |                 | {':v':{'NS':['1']}} | An operand in the update expression has an incorrect data type",
        "SET n = :v                  |                 | {':v':{'N':'1'},':w':{'N':'2'}} | Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}",
        "SET n = :v                  | {'#x':'x'}      | {':v':{'N':'1'}}    | Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}",
        "SET n = :v, n = :v          |                 | {':v':{'N':'1'}}    | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [n], path two: [n]",
        "SET m = :v REMOVE m.a       |                 | {':v':{'N':'1'}}    | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, a]",
        "SET l[1] = :v REMOVE l[1]   |                 | {':v':{'N':'1'}}    | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [l, [1]], path two: [l, [1]]",
        "SET n = :v SET s = :v       |                 | {':v':{'N':'1'}}    | Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
        "REMOVE s REMOVE n           |                 |                     | Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;",
        "SET id = :v                 |                 | {':v':{'S':'2'}}    | One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key",
        "REMOVE id                   |                 |                     | One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key",
        "SET status = :v             |                 | {':v':{'S':'x'}}    | Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status",
        "SET n = :v +                |                 | {':v':{'N':'1'}}    | Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \":v +\"",
        "SET n = :a + :b + :c        |                 | {':a':{'N':'1'},':b':{'N':'1'},':c':{'N':'1'}} | Invalid UpdateExpression: Syntax error; token: \"+\", near: \"+ :b + :c\"",
        "SET n :v                    |                 | {':v':{'N':'1'}}    | Invalid UpdateExpression: Syntax error; token: \":v\", near: \"SET n :v\"",
        "UPSERT n = :v               |                 | {':v':{'N':'1'}}    | Invalid UpdateExpression: Syntax error; token: \"UPSERT\", near: \"UPSERT n\"",
        "ADD n n                     |                 |                     | Invalid UpdateExpression: Syntax error; token: \"n\", near: \"ADD n n\"",
        "SET n = size(s)             |                 |                     | Invalid UpdateExpression: The function is not allowed in an update expression; function: size",
        "SET n = foo(s)              |                 |                     | Invalid UpdateExpression: Invalid function name; function: foo",
        "SET n = :v                  |                 | {':v':{'N':'1e126'}} | Number overflow. Attempting to store a number with magnitude larger than supported range",
        "SET n = n + :v              |                 | {':v':{'N':'0.00000000000000000000000000000000000001'}} | Attempting to store more than 38 significant digits in a Number",
        "SET z = :a + :a             |                 | {':a':{'N':'9E+125'}} | Number overflow. Attempting to store a number with magnitude larger than supported range",
    })
    void rejects(String expression, String names, String values, String message) {
        fixtures.put("Todo", START);
        Map<String, Object> request = update(expression, names, values);
        DataSourceException error = org.assertj.core.api.Assertions.catchThrowableOfType(DataSourceException.class,
                () -> fixtures.table("Todo").invoke(request));
        assertThat(error).isNotNull();
        assertThat(error.type()).isEqualTo("DynamoDB:ValidationException");
        assertThat(error.getMessage()).isEqualTo(message);
        // A failed update changes nothing.
        assertThat(Json.canon(fixtures.get("Todo", "{'id':{'S':'1'}}")))
                .isEqualTo(Json.canon(AttributeValues.toJson(AttributeValues.fromTypedMap(Json.obj(START)))));
    }

    @Test
    void updateOfMissingItemCreatesItFromTheKey() {
        Object result = fixtures.run("Todo", "{'operation':'UpdateItem','key':{'id':{'S':'new'}},"
                + "'update':{'expression':'SET title = :t ADD #c :one','expressionNames':{'#c':'count'},"
                + "'expressionValues':{':t':{'S':'hi'},':one':{'N':'1'}}}}");
        assertThat(Json.canon(result)).isEqualTo(Json.canon("{'id':'new','title':'hi','count':1}"));
        assertThat(fixtures.store.itemCount("Todo")).isEqualTo(1);
    }

    @Test
    void updateConditionIsCheckedAgainstTheItemBeforeTheUpdate() {
        fixtures.put("Todo", "{'id':{'S':'1'},'version':{'N':'1'}}");
        String request = "{'operation':'UpdateItem','key':{'id':{'S':'1'}},"
                + "'update':{'expression':'SET version = version + :one','expressionValues':{':one':{'N':'1'}}},"
                + "'condition':{'expression':'version = :expected','expressionValues':{':expected':{'N':'1'}}}}";
        assertThat(Json.canon(fixtures.run("Todo", request))).isEqualTo(Json.canon("{'id':'1','version':2}"));
        DataSourceException error = fixtures.fail("Todo", request);
        assertThat(error.type()).isEqualTo("DynamoDB:ConditionalCheckFailedException");
        assertThat(error.getMessage()).isEqualTo("The conditional request failed");
        assertThat(Json.canon(error.result().orElseThrow())).isEqualTo(Json.canon("{'id':'1','version':2}"));
    }

    @Test
    void aFailedUpdateConditionIsReportedEvenWhenTheUpdateCouldNotApply() {
        fixtures.put("Todo", "{'id':{'S':'1'},'n':{'S':'text'}}");
        DataSourceException error = fixtures.fail("Todo", "{'operation':'UpdateItem','key':{'id':{'S':'1'}},"
                + "'update':{'expression':'SET n = n + :one','expressionValues':{':one':{'N':'1'}}},"
                + "'condition':{'expression':'attribute_not_exists(id)'}}");
        assertThat(error.type()).isEqualTo("DynamoDB:ConditionalCheckFailedException");
    }

    @Test
    void anUpdateWhoseResultIsAlreadyInPlaceSucceedsDespiteItsCondition() {
        fixtures.put("Todo", "{'id':{'S':'1'},'done':{'BOOL':true}}");
        Object result = fixtures.run("Todo", "{'operation':'UpdateItem','key':{'id':{'S':'1'}},"
                + "'update':{'expression':'SET done = :t','expressionValues':{':t':{'BOOL':true},':f':{'BOOL':false}}},"
                + "'condition':{'expression':'done = :f'}}");
        assertThat(Json.canon(result)).isEqualTo(Json.canon("{'id':'1','done':true}"));
    }

    @Test
    void updateThatGrowsTheItemPastTheLimitIsRejected() {
        fixtures.put("Todo", "{'id':{'S':'1'},'a':{'S':'" + "x".repeat(300_000) + "'}}");
        Map<String, Object> request = update("SET b = :v", null,
                "{':v':{'S':'" + "y".repeat(200_000) + "'}}");
        DataSourceException error = org.assertj.core.api.Assertions.catchThrowableOfType(DataSourceException.class,
                () -> fixtures.table("Todo").invoke(request));
        assertThat(error.type()).isEqualTo("DynamoDB:ValidationException");
        assertThat(error.getMessage()).isEqualTo("Item size has exceeded the maximum allowed size");
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) fixtures.get("Todo", "{'id':{'S':'1'}}");
        assertThat(stored).doesNotContainKey("b");
    }
}
