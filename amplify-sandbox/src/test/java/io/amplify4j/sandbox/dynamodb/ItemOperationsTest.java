package io.amplify4j.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.datasource.DataSourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GetItem, PutItem, DeleteItem with conditions, key and item rules; batches and transactions. */
class ItemOperationsTest {
    private final Fixtures fixtures = new Fixtures();

    @Test
    void putReturnsTheItemAndGetReadsIt() {
        Object put = fixtures.run("Todo", "{'operation':'PutItem','key':{'id':{'S':'1'}},'attributeValues':{"
                + "'title':{'S':'t'},'n':{'N':'2'},'tags':{'SS':['x']},'blank':{'S':''}}}");
        assertThat(Json.canon(put)).isEqualTo(Json.canon("{'id':'1','title':'t','n':2,'tags':['x'],'blank':''}"));
        assertThat(Json.canon(fixtures.get("Todo", "{'id':{'S':'1'}}"))).isEqualTo(Json.canon(put));
        assertThat(fixtures.get("Todo", "{'id':{'S':'2'}}")).isNull();
    }

    @Test
    void clearEmptiesEveryTableAndKeepsThem() {
        fixtures.put("Todo", "{'id':{'S':'1'}}");
        fixtures.put("Todo", "{'id':{'S':'2'}}");
        fixtures.store.clear();
        assertThat(fixtures.store.itemCount("Todo")).isZero();
        assertThat(fixtures.get("Todo", "{'id':{'S':'1'}}")).isNull();
        fixtures.put("Todo", "{'id':{'S':'1'}}");
        assertThat(fixtures.store.itemCount("Todo")).isEqualTo(1);
    }

    @Test
    void putReplacesTheWholeItem() {
        fixtures.put("Todo", "{'id':{'S':'1'},'a':{'S':'x'},'b':{'S':'y'}}");
        fixtures.put("Todo", "{'id':{'S':'1'},'c':{'S':'z'}}");
        assertThat(Json.canon(fixtures.get("Todo", "{'id':{'S':'1'}}"))).isEqualTo(Json.canon("{'id':'1','c':'z'}"));
        assertThat(fixtures.store.itemCount("Todo")).isEqualTo(1);
    }

    @Test
    void putWithAttributeNotExistsRefusesASecondPut() {
        String request = "{'operation':'PutItem','key':{'id':{'S':'1'}},'attributeValues':{'v':{'N':'1'}},"
                + "'condition':{'expression':'attribute_not_exists(#id)','expressionNames':{'#id':'id'}}}";
        fixtures.run("Todo", request);
        String different = request.replace("{'N':'1'}", "{'N':'2'}");
        DataSourceException error = fixtures.fail("Todo", different);
        assertThat(error.type()).isEqualTo("DynamoDB:ConditionalCheckFailedException");
        assertThat(error.getMessage()).isEqualTo("The conditional request failed");
        assertThat(Json.canon(error.result().orElseThrow())).isEqualTo(Json.canon("{'id':'1','v':1}"));
        assertThat(Json.canon(fixtures.get("Todo", "{'id':{'S':'1'}}"))).isEqualTo(Json.canon("{'id':'1','v':1}"));
    }

    @Test
    void aFailedConditionWhoseWriteIsAlreadyInPlaceSucceeds() {
        // AppSync: when the current item already equals the desired result, the write counts as done.
        String request = "{'operation':'PutItem','key':{'id':{'S':'1'}},'attributeValues':{'v':{'N':'1'}},"
                + "'condition':{'expression':'attribute_not_exists(id)'}}";
        fixtures.run("Todo", request);
        assertThat(Json.canon(fixtures.run("Todo", request))).isEqualTo(Json.canon("{'id':'1','v':1}"));
        // equalsIgnore leaves attributes out of that comparison.
        String versioned = "{'operation':'PutItem','key':{'id':{'S':'1'}},'attributeValues':{'v':{'N':'1'},"
                + "'version':{'N':'7'}},'condition':{'expression':'attribute_not_exists(id)',"
                + "'equalsIgnore':['version']}}";
        assertThat(Json.canon(fixtures.run("Todo", versioned))).isEqualTo(Json.canon("{'id':'1','v':1}"));
        DataSourceException error = fixtures.fail("Todo", versioned.replace(",'equalsIgnore':['version']", ""));
        assertThat(error.type()).isEqualTo("DynamoDB:ConditionalCheckFailedException");
    }

    @Test
    void deleteReturnsTheDeletedItemOrNull() {
        fixtures.put("Todo", "{'id':{'S':'1'},'v':{'N':'1'}}");
        Object deleted = fixtures.run("Todo", "{'operation':'DeleteItem','key':{'id':{'S':'1'}}}");
        assertThat(Json.canon(deleted)).isEqualTo(Json.canon("{'id':'1','v':1}"));
        assertThat(fixtures.run("Todo", "{'operation':'DeleteItem','key':{'id':{'S':'1'}}}")).isNull();
        assertThat(fixtures.store.itemCount("Todo")).isZero();
    }

    @Test
    void deleteWithConditions() {
        fixtures.put("Todo", "{'id':{'S':'1'},'owner':{'S':'alice'},'createdAt':{'S':'x'}}");
        String byOwner = "{'operation':'DeleteItem','key':{'id':{'S':'1'}},'condition':{'expression':"
                + "'#o = :me','expressionNames':{'#o':'owner'},'expressionValues':{':me':{'S':'bob'}}}}";
        DataSourceException error = fixtures.fail("Todo", byOwner);
        assertThat(error.type()).isEqualTo("DynamoDB:ConditionalCheckFailedException");
        assertThat(fixtures.store.itemCount("Todo")).isEqualTo(1);
        fixtures.run("Todo", byOwner.replace("bob", "alice"));
        assertThat(fixtures.store.itemCount("Todo")).isZero();
        // A missing item fails attribute_exists, with no current item in the result.
        error = fixtures.fail("Todo", "{'operation':'DeleteItem','key':{'id':{'S':'1'}},"
                + "'condition':{'expression':'attribute_exists(id)'}}");
        assertThat(error.type()).isEqualTo("DynamoDB:ConditionalCheckFailedException");
        assertThat(error.result()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Todo  | {'operation':'GetItem','key':{'id':{'N':'1'}}}                          | The provided key element does not match the schema",
        "Todo  | {'operation':'GetItem','key':{'id':{'S':'1'},'x':{'S':'1'}}}            | The provided key element does not match the schema",
        "Todo  | {'operation':'GetItem','key':{'other':{'S':'1'}}}                       | The provided key element does not match the schema",
        "Todo  | {'operation':'GetItem','key':{}}                                        | The provided key element does not match the schema",
        "Event | {'operation':'GetItem','key':{'pk':{'S':'1'}}}                          | The provided key element does not match the schema",
        "Event | {'operation':'GetItem','key':{'pk':{'S':'1'},'sk':{'S':'1'}}}           | The provided key element does not match the schema",
        "Todo  | {'operation':'GetItem','key':{'id':{'S':''}}}                           | One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id",
        "Blob  | {'operation':'GetItem','key':{'pk':{'S':'x'},'sk':{'B':''}}}            | One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: sk",
        "Todo  | {'operation':'PutItem','key':{'id':{'S':''}}}                           | One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id",
        "Todo  | {'operation':'PutItem','key':{'id':{'S':'1'}},'attributeValues':{'a':{'SS':[]}}} | One or more parameter values were invalid: An string set  may not be empty",
        "Todo  | {'operation':'PutItem','key':{'id':{'S':'1'}},'attributeValues':{'a':'plain'}}  | Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
        "Todo  | {'operation':'PutItem','attributeValues':{'a':{'S':'x'}}}               | The request is missing the required field 'key'",
        "Todo  | {'operation':'UpdateItem','key':{'id':{'S':'1'}}}                       | The request is missing the required field 'update'",
        "Todo  | {'operation':'Query'}                                                   | The request is missing the required field 'query'",
        "Todo  | {'key':{'id':{'S':'1'}}}                                                | The request is missing the required field 'operation'",
        "Todo  | {'operation':'Explode'}                                                 | Unsupported operation 'Explode'",
        "Todo  | {'operation':'PutItem','key':{'id':{'S':'1'}},'condition':{'expression':'attribute_not_exists(id)','expressionValues':{':x':{'S':'1'}}}} | Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}",
        "Todo  | {'operation':'GetItem','key':{'id':{'S':'1'}},'projection':{'expression':'a','expressionNames':{'#b':'b'}}} | Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}",
        "Todo  | {'operation':'DeleteItem','key':{'id':{'S':'1'}},'condition':{'expression':'status = :s','expressionValues':{':s':{'S':'x'}}}} | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
    })
    void rejectsInvalidRequests(String table, String request, String message) {
        DataSourceException error = fixtures.fail(table, request);
        assertThat(error.type()).isEqualTo("DynamoDB:ValidationException");
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(fixtures.store.itemCount(table)).isZero();
    }

    @Test
    void unknownTablesAreResourceNotFound() {
        DynamoDbDataSource nowhere = fixtures.store.dataSource("Nowhere");
        DataSourceException error = org.assertj.core.api.Assertions.catchThrowableOfType(DataSourceException.class,
                () -> nowhere.invoke(Json.obj("{'operation':'GetItem','key':{'id':{'S':'1'}}}")));
        assertThat(error.type()).isEqualTo("DynamoDB:ResourceNotFoundException");
        assertThat(error.getMessage()).isEqualTo("Requested resource not found");
        error = fixtures.fail("Todo", "{'operation':'BatchGetItem','tables':{'Nowhere':{'keys':[{'id':{'S':'1'}}]}}}");
        assertThat(error.type()).isEqualTo("DynamoDB:ResourceNotFoundException");
    }

    @Test
    void itemSizeLimitIsFourHundredKilobytes() {
        // id (2 bytes + 1) + name 'a' (1) + value: exactly 409,600 bytes in total is allowed.
        String exact = "x".repeat(400 * 1024 - 4);
        fixtures.put("Todo", "{'id':{'S':'1'},'a':{'S':'" + exact + "'}}");
        DataSourceException error = fixtures.fail("Todo", "{'operation':'PutItem','key':{'id':{'S':'2'}},"
                + "'attributeValues':{'a':{'S':'" + exact + "x'}}}");
        assertThat(error.type()).isEqualTo("DynamoDB:ValidationException");
        assertThat(error.getMessage()).isEqualTo("Item size has exceeded the maximum allowed size");
        // Attribute names count too.
        error = fixtures.fail("Todo", "{'operation':'PutItem','key':{'id':{'S':'2'}},"
                + "'attributeValues':{'ab':{'S':'" + exact + "'}}}");
        assertThat(error.getMessage()).isEqualTo("Item size has exceeded the maximum allowed size");
        assertThat(fixtures.store.itemCount("Todo")).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ batches

    @Test
    void batchGetReturnsItemsPerTableInRequestOrderWithNullsForMissing() {
        fixtures.put("Todo", "{'id':{'S':'1'},'t':{'S':'one'}}");
        fixtures.put("Todo", "{'id':{'S':'3'},'t':{'S':'three'}}");
        fixtures.put("Event", "{'pk':{'S':'a'},'sk':{'N':'1'},'x':{'N':'1'}}");
        Object result = fixtures.run("Todo", "{'operation':'BatchGetItem','tables':{"
                + "'Todo':{'keys':[{'id':{'S':'3'}},{'id':{'S':'2'}},{'id':{'S':'1'}}],'projection':"
                + "{'expression':'#t','expressionNames':{'#t':'t'}}},"
                + "'Event':{'keys':[{'pk':{'S':'a'},'sk':{'N':'1'}}],'consistentRead':true}}}");
        assertThat(Json.canon(result)).isEqualTo(Json.canon("{'data':{'Todo':[{'t':'three'},null,{'t':'one'}],"
                + "'Event':[{'pk':'a','sk':1,'x':1}]},'unprocessedKeys':{'Todo':[],'Event':[]}}"));
    }

    @Test
    void batchPutAndDeleteWriteEveryItemAndReportThem() {
        Object put = fixtures.run("Todo", "{'operation':'BatchPutItem','tables':{"
                + "'Todo':[{'id':{'S':'1'},'t':{'S':'a'}},{'id':{'S':'2'}}],"
                + "'Event':[{'pk':{'S':'p'},'sk':{'N':'1'}}]}}");
        assertThat(Json.canon(put)).isEqualTo(Json.canon("{'data':{'Todo':[{'id':'1','t':'a'},{'id':'2'}],"
                + "'Event':[{'pk':'p','sk':1}]},'unprocessedItems':{'Todo':[],'Event':[]}}"));
        assertThat(fixtures.store.itemCount("Todo")).isEqualTo(2);
        assertThat(fixtures.store.itemCount("Event")).isEqualTo(1);
        Object deleted = fixtures.run("Event", "{'operation':'BatchDeleteItem','tables':{"
                + "'Todo':[{'id':{'S':'1'}},{'id':{'S':'9'}}],'Event':[{'pk':{'S':'p'},'sk':{'N':'1'}}]}}");
        assertThat(Json.canon(deleted)).isEqualTo(Json.canon("{'data':{'Todo':[{'id':'1'},{'id':'9'}],"
                + "'Event':[{'pk':'p','sk':1}]},'unprocessedKeys':{'Todo':[],'Event':[]}}"));
        assertThat(fixtures.store.itemCount("Todo")).isEqualTo(1);
        assertThat(fixtures.store.itemCount("Event")).isZero();
    }

    @Test
    void batchLimitsAndDuplicates() {
        StringBuilder keys = new StringBuilder();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            keys.append(i == 0 ? "" : ",").append("{'id':{'S':'k").append(i).append("'}}");
            if (i < 26) {
                items.append(i == 0 ? "" : ",").append("{'id':{'S':'k").append(i).append("'}}");
            }
        }
        DataSourceException error = fixtures.fail("Todo", "{'operation':'BatchGetItem','tables':{'Todo':{'keys':["
                + keys + "]}}}");
        assertThat(error.getMessage()).isEqualTo("Too many items requested for the BatchGetItem call");
        String hundred = keys.substring(0, keys.lastIndexOf(",{"));
        assertThat(fixtures.runMap("Todo", "{'operation':'BatchGetItem','tables':{'Todo':{'keys':[" + hundred
                + "]}}}")).containsKey("data");
        error = fixtures.fail("Todo", "{'operation':'BatchPutItem','tables':{'Todo':[" + items + "]}}");
        assertThat(error.getMessage()).isEqualTo("Too many items requested for the BatchWriteItem call");
        error = fixtures.fail("Todo", "{'operation':'BatchDeleteItem','tables':{'Todo':[" + items + "]}}");
        assertThat(error.getMessage()).isEqualTo("Too many items requested for the BatchWriteItem call");
        error = fixtures.fail("Todo", "{'operation':'BatchPutItem','tables':{'Todo':[{'id':{'S':'1'}},"
                + "{'id':{'S':'1'},'x':{'S':'y'}}]}}");
        assertThat(error.getMessage()).isEqualTo("Provided list of item keys contains duplicates");
        error = fixtures.fail("Todo", "{'operation':'BatchGetItem','tables':{'Todo':{'keys':[{'id':{'S':'1'}},"
                + "{'id':{'S':'1'}}]}}}");
        assertThat(error.getMessage()).isEqualTo("Provided list of item keys contains duplicates");
        error = fixtures.fail("Todo", "{'operation':'BatchPutItem','tables':{}}");
        assertThat(error.type()).isEqualTo("DynamoDB:ValidationException");
        assertThat(fixtures.store.itemCount("Todo")).isZero();
    }

    @Test
    void aBatchWithOneInvalidItemWritesNothing() {
        DataSourceException error = fixtures.fail("Todo", "{'operation':'BatchPutItem','tables':{"
                + "'Todo':[{'id':{'S':'1'}}],'Event':[{'pk':{'S':'p'}}]}}");
        assertThat(error.getMessage()).isEqualTo("One or more parameter values were invalid: Missing the key sk in the item");
        assertThat(fixtures.store.itemCount("Todo")).isZero();
    }

    // ------------------------------------------------------------------------------------------ transactions

    @Test
    void transactGetReturnsItemsInRequestOrder() {
        fixtures.put("Todo", "{'id':{'S':'1'},'t':{'S':'one'}}");
        fixtures.put("Event", "{'pk':{'S':'a'},'sk':{'N':'1'}}");
        Object result = fixtures.run("Todo", "{'operation':'TransactGetItems','transactItems':["
                + "{'table':'Event','key':{'pk':{'S':'a'},'sk':{'N':'1'}}},"
                + "{'table':'Todo','key':{'id':{'S':'2'}}},"
                + "{'table':'Todo','key':{'id':{'S':'1'}},'projection':{'expression':'t'}}]}");
        assertThat(Json.canon(result)).isEqualTo(Json.canon(
                "{'items':[{'pk':'a','sk':1},null,{'t':'one'}],'cancellationReasons':null}"));
    }

    @Test
    void transactWriteAppliesEverythingAndReturnsTheKeys() {
        fixtures.put("Todo", "{'id':{'S':'acc1'},'balance':{'N':'100'}}");
        fixtures.put("Todo", "{'id':{'S':'acc2'},'balance':{'N':'0'}}");
        fixtures.put("Todo", "{'id':{'S':'gone'}}");
        fixtures.put("Event", "{'pk':{'S':'lock'},'sk':{'N':'0'},'open':{'BOOL':true}}");
        Object result = fixtures.run("Todo", transfer(30) .replace("]}", ",{'table':'Todo','operation':'DeleteItem',"
                + "'key':{'id':{'S':'gone'}}},{'table':'Todo','operation':'PutItem','key':{'id':{'S':'log'}},"
                + "'attributeValues':{'amount':{'N':'30'}}}]}"));
        assertThat(Json.canon(result)).isEqualTo(Json.canon("{'keys':[{'id':'acc1'},{'id':'acc2'},"
                + "{'pk':'lock','sk':0},{'id':'gone'},{'id':'log'}],'cancellationReasons':null}"));
        assertThat(balance("acc1")).isEqualTo(70L);
        assertThat(balance("acc2")).isEqualTo(30L);
        assertThat(fixtures.get("Todo", "{'id':{'S':'gone'}}")).isNull();
        assertThat(fixtures.get("Todo", "{'id':{'S':'log'}}")).isNotNull();
    }

    @Test
    void transactWriteIsAllOrNothing() {
        fixtures.put("Todo", "{'id':{'S':'acc1'},'balance':{'N':'100'}}");
        fixtures.put("Todo", "{'id':{'S':'acc2'},'balance':{'N':'0'}}");
        fixtures.put("Event", "{'pk':{'S':'lock'},'sk':{'N':'0'},'open':{'BOOL':true}}");
        DataSourceException error = fixtures.fail("Todo", transfer(130));
        assertThat(error.type()).isEqualTo("DynamoDB:TransactionCanceledException");
        assertThat(error.getMessage()).isEqualTo("Transaction cancelled, please refer cancellation reasons for"
                + " specific reasons [ConditionalCheckFailed, None, None]");
        assertThat(Json.canon(error.result().orElseThrow())).isEqualTo(Json.canon("{'keys':null,"
                + "'cancellationReasons':[{'item':{'id':'acc1','balance':100},'type':'ConditionalCheckFailed',"
                + "'message':'The conditional request failed'},{'type':'None','message':null},"
                + "{'type':'None','message':null}]}"));
        assertThat(balance("acc1")).isEqualTo(100L);
        assertThat(balance("acc2")).isEqualTo(0L);

        // A failing ConditionCheck on another table cancels too; returnValuesOnConditionCheckFailure false
        // leaves the item out.
        fixtures.put("Event", "{'pk':{'S':'lock'},'sk':{'N':'0'},'open':{'BOOL':false}}");
        error = fixtures.fail("Todo", transfer(10).replace("'returnValuesOnConditionCheckFailure':true",
                "'returnValuesOnConditionCheckFailure':false"));
        assertThat(Json.canon(error.result().orElseThrow())).isEqualTo(Json.canon("{'keys':null,"
                + "'cancellationReasons':[{'type':'None','message':null},{'type':'None','message':null},"
                + "{'type':'ConditionalCheckFailed','message':'The conditional request failed'}]}"));
        assertThat(balance("acc1")).isEqualTo(100L);

        // An update that fails at run time is a ValidationError reason.
        fixtures.put("Event", "{'pk':{'S':'lock'},'sk':{'N':'0'},'open':{'BOOL':true}}");
        fixtures.put("Todo", "{'id':{'S':'acc2'},'balance':{'S':'not a number'}}");
        error = fixtures.fail("Todo", transfer(10));
        assertThat(error.getMessage()).endsWith("[None, ValidationError, None]");
        assertThat(Json.canon(((Map<?, ?>) error.result().orElseThrow()).get("cancellationReasons")))
                .contains("An operand in the update expression has an incorrect data type");
        assertThat(balance("acc1")).isEqualTo(100L);
    }

    @Test
    void transactWriteValidation() {
        DataSourceException error = fixtures.fail("Todo", "{'operation':'TransactWriteItems','transactItems':["
                + "{'table':'Todo','operation':'PutItem','key':{'id':{'S':'1'}}},"
                + "{'table':'Todo','operation':'DeleteItem','key':{'id':{'S':'1'}}}]}");
        assertThat(error.type()).isEqualTo("DynamoDB:ValidationException");
        assertThat(error.getMessage()).isEqualTo("Transaction request cannot include multiple operations on one item");
        error = fixtures.fail("Todo", "{'operation':'TransactWriteItems','transactItems':["
                + "{'table':'Todo','operation':'ConditionCheck','key':{'id':{'S':'1'}}}]}");
        assertThat(error.getMessage()).isEqualTo("A ConditionCheck in TransactWriteItems requires a condition");
        error = fixtures.fail("Todo", "{'operation':'TransactWriteItems','transactItems':[]}");
        assertThat(error.type()).isEqualTo("DynamoDB:ValidationException");
        error = fixtures.fail("Todo", "{'operation':'TransactWriteItems','transactItems':["
                + "{'table':'Todo','operation':'UpdateItem','key':{'id':{'S':'1'}},'update':{'expression':'SET a = :a',"
                + "'expressionValues':{':a':{'S':'x'},':b':{'S':'y'}}}}]}");
        assertThat(error.getMessage())
                .isEqualTo("Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}");
        error = fixtures.fail("Todo", "{'operation':'TransactWriteItems','transactItems':["
                + "{'table':'Nowhere','operation':'DeleteItem','key':{'id':{'S':'1'}}}]}");
        assertThat(error.type()).isEqualTo("DynamoDB:ResourceNotFoundException");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{'table':'Todo','operation':'DeleteItem','key':{'id':{'S':'")
                    .append(i).append("'}}}");
        }
        error = fixtures.fail("Todo", "{'operation':'TransactWriteItems','transactItems':[" + many + "]}");
        assertThat(error.getMessage()).isEqualTo("1 validation error detected: Value at 'transactItems' failed to"
                + " satisfy constraint: Member must have length less than or equal to 100");
        assertThat(fixtures.store.itemCount("Todo")).isZero();
    }

    @Test
    void oneHundredTransactionItemsAreAllowed() {
        List<String> puts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            puts.add("{'table':'Todo','operation':'PutItem','key':{'id':{'S':'" + i + "'}}}");
        }
        fixtures.run("Todo", "{'operation':'TransactWriteItems','transactItems':[" + String.join(",", puts) + "]}");
        assertThat(fixtures.store.itemCount("Todo")).isEqualTo(100);
    }

    private static String transfer(int amount) {
        return "{'operation':'TransactWriteItems','transactItems':["
                + "{'table':'Todo','operation':'UpdateItem','key':{'id':{'S':'acc1'}},"
                + "'update':{'expression':'SET balance = balance - :a','expressionValues':{':a':{'N':'" + amount + "'}}},"
                + "'condition':{'expression':'balance >= :a','expressionValues':{':a':{'N':'" + amount + "'}},"
                + "'returnValuesOnConditionCheckFailure':true}},"
                + "{'table':'Todo','operation':'UpdateItem','key':{'id':{'S':'acc2'}},"
                + "'update':{'expression':'SET balance = balance + :a','expressionValues':{':a':{'N':'" + amount + "'}}}},"
                + "{'table':'Event','operation':'ConditionCheck','key':{'pk':{'S':'lock'},'sk':{'N':'0'}},"
                + "'condition':{'expression':'#o = :t','expressionNames':{'#o':'open'},"
                + "'expressionValues':{':t':{'BOOL':true}},'returnValuesOnConditionCheckFailure':true}}]}";
    }

    @SuppressWarnings("unchecked")
    private long balance(String id) {
        return (Long) ((Map<String, Object>) fixtures.get("Todo", "{'id':{'S':'" + id + "'}}")).get("balance");
    }
}
