package io.amplify4j.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.amplify4j.sandbox.datasource.DataSourceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query and Scan: key conditions, DynamoDB's key order, indexes, filters, limits and pagination. */
class QueryScanTest {
    private final Fixtures fixtures = new Fixtures();

    @BeforeEach
    void events() {
        for (String sk : List.of("100", "2", "-5", "10", "1.5", "0")) {
            fixtures.put("Event", "{'pk':{'S':'a'},'sk':{'N':'" + sk + "'},'kind':{'S':'k" + sk + "'}}");
        }
        fixtures.put("Event", "{'pk':{'S':'b'},'sk':{'N':'1'}}");
        for (String sk : List.of("b", "B", "a", "ab", "abc", "\u00e9", "\uFF5E", "\uD83D\uDE00", "")) {
            if (!sk.isEmpty()) {
                fixtures.put("Word", "{'pk':{'S':'w'},'sk':{'S':'" + sk + "'}}");
            }
        }
        for (String sk : List.of("/w==", "AQ==", "AQA=", "gA==", "AA==")) {
            fixtures.put("Blob", "{'pk':{'S':'x'},'sk':{'B':'" + sk + "'}}");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> sortKeys(Object result) {
        List<Object> out = new ArrayList<>();
        for (Object item : (List<Object>) ((Map<String, Object>) result).get("items")) {
            out.add(((Map<String, Object>) item).get("sk"));
        }
        return out;
    }

    private Map<String, Object> query(String table, String expression, String values, String extra) {
        return fixtures.runMap(table, "{'operation':'Query','query':{'expression':'" + expression
                + "','expressionValues':" + values + "}" + extra + "}");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "pk = :p                          | {':p':{'S':'a'}}                       | [-5,0,1.5,2,10,100]",
        "pk = :p                          | {':p':{'S':'b'}}                       | [1]",
        "pk = :p                          | {':p':{'S':'zzz'}}                     | []",
        "pk = :p AND sk = :v              | {':p':{'S':'a'},':v':{'N':'2.0'}}      | [2]",
        "pk = :p AND sk < :v              | {':p':{'S':'a'},':v':{'N':'2'}}        | [-5,0,1.5]",
        "pk = :p AND sk <= :v             | {':p':{'S':'a'},':v':{'N':'2'}}        | [-5,0,1.5,2]",
        "pk = :p AND sk > :v              | {':p':{'S':'a'},':v':{'N':'2'}}        | [10,100]",
        "pk = :p AND sk >= :v             | {':p':{'S':'a'},':v':{'N':'2'}}        | [2,10,100]",
        "pk = :p AND sk BETWEEN :l AND :h | {':p':{'S':'a'},':l':{'N':'0'},':h':{'N':'10'}} | [0,1.5,2,10]",
        "sk > :v AND pk = :p              | {':p':{'S':'a'},':v':{'N':'50'}}       | [100]",
        "(pk = :p) AND (sk < :v)          | {':p':{'S':'a'},':v':{'N':'0'}}        | [-5]",
        "pk = :p and sk between :l and :h | {':p':{'S':'a'},':l':{'N':'3'},':h':{'N':'4'}} | []",
    })
    void queriesNumericSortKeysInNumericOrder(String expression, String values, String expected) {
        assertThat(Json.canon(sortKeys(query("Event", expression, values, "")))).isEqualTo(Json.canon(expected));
    }

    @Test
    void scanIndexForwardFalseReversesTheOrder() {
        Object result = query("Event", "pk = :p", "{':p':{'S':'a'}}", ",'scanIndexForward':false");
        assertThat(Json.canon(sortKeys(result))).isEqualTo("[100,10,2,1.5,0,-5]");
        result = query("Event", "pk = :p AND sk < :v", "{':p':{'S':'a'},':v':{'N':'2'}}",
                ",'scanIndexForward':false,'limit':2");
        assertThat(Json.canon(sortKeys(result))).isEqualTo("[1.5,0]");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "pk = :p                          | {':p':{'S':'w'}}                       | ['B','a','ab','abc','b','\u00e9','\uFF5E','\uD83D\uDE00']",
        "pk = :p AND begins_with(sk, :s)  | {':p':{'S':'w'},':s':{'S':'ab'}}       | ['ab','abc']",
        "pk = :p AND begins_with(sk, :s)  | {':p':{'S':'w'},':s':{'S':'A'}}        | []",
        "pk = :p AND sk > :s              | {':p':{'S':'w'},':s':{'S':'b'}}        | ['\u00e9','\uFF5E','\uD83D\uDE00']",
        "pk = :p AND sk < :s              | {':p':{'S':'w'},':s':{'S':'a'}}        | ['B']",
        "pk = :p AND sk BETWEEN :l AND :h | {':p':{'S':'w'},':l':{'S':'a'},':h':{'S':'b'}} | ['a','ab','abc','b']",
    })
    void queriesStringSortKeysInUtf8ByteOrder(String expression, String values, String expected) {
        assertThat(Json.canon(sortKeys(query("Word", expression, values, "")))).isEqualTo(Json.canon(expected));
    }

    @Test
    void queriesBinarySortKeysInUnsignedByteOrder() {
        Object result = query("Blob", "pk = :p", "{':p':{'S':'x'}}", "");
        assertThat(Json.canon(sortKeys(result))).isEqualTo("[\"AA==\",\"AQ==\",\"AQA=\",\"gA==\",\"/w==\"]");
        result = query("Blob", "pk = :p AND begins_with(sk, :b)", "{':p':{'S':'x'},':b':{'B':'AQ=='}}", "");
        assertThat(Json.canon(sortKeys(result))).isEqualTo("[\"AQ==\",\"AQA=\"]");
    }

    @ParameterizedTest(name = "[{index}] {0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "sk = :v                          | {':v':{'N':'1'}}                       | Query condition missed key schema element: pk",
        "pk < :p                          | {':p':{'S':'a'}}                       | Query key condition not supported",
        "pk = :p OR sk = :v               | {':p':{'S':'a'},':v':{'N':'1'}}        | Invalid operator used in KeyConditionExpression: OR",
        "pk = :p AND NOT sk = :v          | {':p':{'S':'a'},':v':{'N':'1'}}        | Invalid operator used in KeyConditionExpression: NOT",
        "pk = :p AND sk <> :v             | {':p':{'S':'a'},':v':{'N':'1'}}        | Invalid operator used in KeyConditionExpression: <>",
        "pk = :p AND sk IN (:v)           | {':p':{'S':'a'},':v':{'N':'1'}}        | Invalid operator used in KeyConditionExpression: IN",
        "pk = :p AND attribute_exists(sk) | {':p':{'S':'a'}}                       | Invalid operator used in KeyConditionExpression: attribute_exists",
        "pk = :p AND contains(sk, :v)     | {':p':{'S':'a'},':v':{'N':'1'}}        | Invalid operator used in KeyConditionExpression: contains",
        "pk = :p AND begins_with(sk, :v)  | {':p':{'S':'a'},':v':{'N':'1'}}        | Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        "pk = :p AND kind = :v            | {':p':{'S':'a'},':v':{'S':'x'}}        | Query condition missed key schema element: pk",
        "pk = :p AND sk = :v AND sk = :v  | {':p':{'S':'a'},':v':{'N':'1'}}        | Conditions can be of length 1 or 2 only",
        "pk = :p AND pk = :p              | {':p':{'S':'a'}}                       | KeyConditionExpressions must only contain one condition per key",
        "pk = :p                          | {':p':{'N':'1'}}                       | One or more parameter values were invalid: Condition parameter type does not match schema type",
        "pk = :p AND sk > :v              | {':p':{'S':'a'},':v':{'S':'1'}}        | One or more parameter values were invalid: Condition parameter type does not match schema type",
        "pk = :p AND sk = size(kind)      | {':p':{'S':'a'}}                       | Query key condition not supported",
        "pk = :p AND sk = kind            | {':p':{'S':'a'}}                       | Query key condition not supported",
        "pk = :p AND sk BETWEEN :h AND :l | {':p':{'S':'a'},':l':{'N':'1'},':h':{'N':'2'}} | Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}",
        "pk = :p                          | {':p':{'S':'a'},':x':{'S':'a'}}        | Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}",
        "pk = :p AND                      | {':p':{'S':'a'}}                       | Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \":p AND\"",
    })
    void rejectsInvalidKeyConditions(String expression, String values, String message) {
        DataSourceException error = fixtures.fail("Event", "{'operation':'Query','query':{'expression':'"
                + expression + "','expressionValues':" + values + "}}");
        assertThat(error.type()).isEqualTo("DynamoDB:ValidationException");
        assertThat(error.getMessage()).isEqualTo(message);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        ",'index':'nope'                                   | The table does not have the specified index: nope",
        ",'index':'byOwner','consistentRead':true          | Consistent reads are not supported on global secondary indexes",
        ",'limit':0                                        | 1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ",'select':'COUNT'                                 | 1 validation error detected: Value 'COUNT' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]",
        ",'index':'byStatus','select':'ALL_ATTRIBUTES'     | One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byStatus because its projection type is not ALL",
        ",'nextToken':'not a token'                        | Invalid nextToken: the token is malformed or belongs to another table or index",
        ",'segment':1                                      | The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
        ",'totalSegments':2                                | The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
        ",'segment':2,'totalSegments':2                    | The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2",
        ",'segment':0,'totalSegments':0                    | 1 validation error detected: Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value between 1 and 1000000",
    })
    void rejectsInvalidScans(String extra, String message) {
        DataSourceException error = fixtures.fail("Todo", "{'operation':'Scan'" + extra + "}");
        assertThat(error.type()).isEqualTo("DynamoDB:ValidationException");
        assertThat(error.getMessage()).isEqualTo(message);
    }

    @Test
    void queryFilterMayNotUseKeyAttributes() {
        DataSourceException error = fixtures.fail("Event", "{'operation':'Query','query':{'expression':'pk = :p',"
                + "'expressionValues':{':p':{'S':'a'}}},'filter':{'expression':'sk > :v',"
                + "'expressionValues':{':v':{'N':'1'}}}}");
        assertThat(error.getMessage())
                .isEqualTo("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
    }

    @Test
    void limitIsAppliedBeforeTheFilter() {
        // Items -5, 0, 1.5: only 1.5 passes the filter; 3 items were evaluated.
        Map<String, Object> result = query("Event", "pk = :p", "{':p':{'S':'a'}}",
                ",'limit':3,'filter':{'expression':'kind = :k','expressionValues':{':k':{'S':'k1.5'}}}");
        assertThat(Json.canon(sortKeys(result))).isEqualTo("[1.5]");
        assertThat(result.get("scannedCount")).isEqualTo(3L);
        assertThat(result.get("nextToken")).isNotNull();
        // With a filter matching nothing in the first 2, the page is empty but not the end.
        result = query("Event", "pk = :p", "{':p':{'S':'a'}}",
                ",'limit':2,'filter':{'expression':'kind = :k','expressionValues':{':k':{'S':'k100'}}}");
        assertThat(Json.canon(result.get("items"))).isEqualTo("[]");
        assertThat(result.get("nextToken")).isNotNull();
        assertThat(result.get("scannedCount")).isEqualTo(2L);
    }

    @Test
    void lastPageWithoutLimitHasNoToken() {
        Map<String, Object> result = query("Event", "pk = :p", "{':p':{'S':'a'}}", "");
        assertThat(result).containsEntry("nextToken", null).containsEntry("scannedCount", 6L);
        assertThat(result.keySet()).containsExactly("items", "nextToken", "scannedCount");
    }

    @Test
    void projectionSelectsPathsIncludingNested() {
        fixtures.put("Todo", "{'id':{'S':'p'},'title':{'S':'t'},'m':{'M':{'a':{'N':'1'},'b':{'N':'2'}}},"
                + "'l':{'L':[{'S':'x'},{'S':'y'},{'S':'z'}]},'other':{'S':'o'}}");
        Object item = fixtures.run("Todo", "{'operation':'GetItem','key':{'id':{'S':'p'}},'projection':"
                + "{'expression':'title, m.b, l[2], l[0], absent, #n','expressionNames':{'#n':'name'}}}");
        assertThat(Json.canon(item)).isEqualTo(Json.canon("{'title':'t','m':{'b':2},'l':['x','z']}"));
        DataSourceException error = fixtures.fail("Todo", "{'operation':'GetItem','key':{'id':{'S':'p'}},"
                + "'projection':{'expression':'m, m.a'}}");
        assertThat(error.getMessage()).isEqualTo("Invalid ProjectionExpression: Two document paths overlap with each"
                + " other; must remove or rewrite one of these paths; path one: [m], path two: [m, a]");
        error = fixtures.fail("Todo", "{'operation':'GetItem','key':{'id':{'S':'p'}},"
                + "'projection':{'expression':'title, status'}}");
        assertThat(error.getMessage()).isEqualTo(
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: status");
    }

    // ------------------------------------------------------------------------------------------ indexes

    @Test
    void globalSecondaryIndexesFollowEveryWriteAndAreSparse() {
        fixtures.put("Todo", "{'id':{'S':'1'},'owner':{'S':'alice'},'createdAt':{'S':'2024-03'},'title':{'S':'c'}}");
        fixtures.put("Todo", "{'id':{'S':'2'},'owner':{'S':'alice'},'createdAt':{'S':'2024-01'},'title':{'S':'a'}}");
        fixtures.put("Todo", "{'id':{'S':'3'},'owner':{'S':'bob'},'createdAt':{'S':'2024-02'}}");
        fixtures.put("Todo", "{'id':{'S':'4'},'owner':{'S':'alice'}}"); // no createdAt: not in byOwner
        fixtures.put("Todo", "{'id':{'S':'5'},'title':{'S':'no owner'}}");

        assertThat(ids(ownerQuery("alice", ""))).containsExactly("2", "1");
        assertThat(ids(ownerQuery("alice", ",'scanIndexForward':false"))).containsExactly("1", "2");
        assertThat(ids(ownerQuery("bob", ""))).containsExactly("3");

        // Update moves an item between index partitions; removing a key attribute drops it from the index.
        fixtures.run("Todo", "{'operation':'UpdateItem','key':{'id':{'S':'3'}},'update':{'expression':"
                + "'SET #o = :o','expressionNames':{'#o':'owner'},'expressionValues':{':o':{'S':'alice'}}}}");
        assertThat(ids(ownerQuery("alice", ""))).containsExactly("2", "3", "1");
        assertThat(ids(ownerQuery("bob", ""))).isEmpty();
        fixtures.run("Todo", "{'operation':'UpdateItem','key':{'id':{'S':'1'}},'update':{'expression':"
                + "'REMOVE createdAt'}}");
        assertThat(ids(ownerQuery("alice", ""))).containsExactly("2", "3");
        // Put replaces, delete removes.
        fixtures.put("Todo", "{'id':{'S':'2'},'owner':{'S':'carol'},'createdAt':{'S':'2024-09'}}");
        assertThat(ids(ownerQuery("alice", ""))).containsExactly("3");
        fixtures.run("Todo", "{'operation':'DeleteItem','key':{'id':{'S':'3'}}}");
        assertThat(ids(ownerQuery("alice", ""))).isEmpty();
        assertThat(ids(ownerQuery("carol", ""))).containsExactly("2");

        // A sort key condition on the index's sort key.
        fixtures.put("Todo", "{'id':{'S':'6'},'owner':{'S':'carol'},'createdAt':{'S':'2023-12'}}");
        Map<String, Object> result = fixtures.runMap("Todo", "{'operation':'Query','index':'byOwner','query':{"
                + "'expression':'#o = :o AND begins_with(createdAt, :y)','expressionNames':{'#o':'owner'},"
                + "'expressionValues':{':o':{'S':'carol'},':y':{'S':'2024'}}}}");
        assertThat(ids(result)).containsExactly("2");
        // Scanning the index sees only the items in it.
        assertThat(ids(fixtures.runMap("Todo", "{'operation':'Scan','index':'byOwner'}"))).containsExactly("6", "2");
    }

    @Test
    void equalIndexKeysAreAllKeptAndOrderedByTableKey() {
        for (String id : List.of("c", "a", "b")) {
            fixtures.put("Todo", "{'id':{'S':'" + id + "'},'owner':{'S':'o'},'createdAt':{'S':'same'}}");
        }
        assertThat(ids(ownerQuery("o", ""))).containsExactly("a", "b", "c");
        Map<String, Object> page = ownerQuery("o", ",'limit':2");
        assertThat(ids(page)).containsExactly("a", "b");
        Map<String, Object> next = ownerQuery("o", ",'limit':2,'nextToken':'" + page.get("nextToken") + "'");
        assertThat(ids(next)).containsExactly("c");
    }

    @Test
    void indexProjectionsLimitTheAttributesReturned() {
        fixtures.put("Todo", "{'id':{'S':'1'},'status':{'S':'open'},'priority':{'N':'2'},'title':{'S':'t'},"
                + "'body':{'S':'b'}}");
        Map<String, Object> keysOnly = fixtures.runMap("Todo", "{'operation':'Query','index':'byStatus','query':"
                + "{'expression':'#s = :s','expressionNames':{'#s':'status'},'expressionValues':{':s':{'S':'open'}}}}");
        assertThat(Json.canon(keysOnly.get("items"))).isEqualTo(Json.canon("[{'id':'1','status':'open'}]"));
        Map<String, Object> include = fixtures.runMap("Todo", "{'operation':'Query','index':'byPriority','query':"
                + "{'expression':'priority = :p','expressionValues':{':p':{'N':'2'}}}}");
        assertThat(Json.canon(include.get("items"))).isEqualTo(Json.canon("[{'id':'1','priority':2,'title':'t'}]"));
    }

    @Test
    void indexKeyAttributesMustHaveTheIndexType() {
        DataSourceException error = fixtures.fail("Todo", "{'operation':'PutItem','key':{'id':{'S':'1'}},"
                + "'attributeValues':{'priority':{'S':'high'}}}");
        assertThat(error.getMessage()).isEqualTo("One or more parameter values were invalid: Type mismatch for Index"
                + " Key priority Expected: N Actual: S IndexName: byPriority");
        error = fixtures.fail("Todo", "{'operation':'PutItem','key':{'id':{'S':'1'}},"
                + "'attributeValues':{'owner':{'S':''},'createdAt':{'S':'x'}}}");
        assertThat(error.getMessage()).isEqualTo("One or more parameter values are not valid. A value specified for a"
                + " secondary index key is not supported. The AttributeValue for a key attribute cannot contain an"
                + " empty string value. IndexName: byOwner, IndexKey: owner");
        assertThat(fixtures.store.itemCount("Todo")).isZero();
    }

    private Map<String, Object> ownerQuery(String owner, String extra) {
        return fixtures.runMap("Todo", "{'operation':'Query','index':'byOwner','query':{'expression':'#o = :o',"
                + "'expressionNames':{'#o':'owner'},'expressionValues':{':o':{'S':'" + owner + "'}}}" + extra + "}");
    }

    @SuppressWarnings("unchecked")
    static List<String> ids(Map<String, Object> result) {
        List<String> out = new ArrayList<>();
        for (Object item : (List<Object>) result.get("items")) {
            out.add((String) ((Map<String, Object>) item).get("id"));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ pagination

    @ParameterizedTest(name = "limit {0}, forward {1}")
    @CsvSource({"1, true", "3, true", "7, false", "10, true", "49, false", "50, true", "200, true"})
    @SuppressWarnings("unchecked")
    void queryPagesWithFilterLoseAndRepeatNothing(int limit, boolean forward) {
        for (int i = 0; i < 50; i++) {
            fixtures.put("Event", "{'pk':{'S':'p'},'sk':{'N':'" + i + "'},'even':{'BOOL':" + (i % 2 == 0) + "}}");
        }
        List<Object> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        long scanned = 0;
        do {
            Map<String, Object> request = Json.obj("{'operation':'Query','query':{'expression':'pk = :p',"
                    + "'expressionValues':{':p':{'S':'p'}}},'filter':{'expression':'even = :t','expressionValues':"
                    + "{':t':{'BOOL':true}}}}");
            request.put("limit", limit);
            request.put("scanIndexForward", forward);
            if (token != null) {
                request.put("nextToken", token);
            }
            Map<String, Object> page = (Map<String, Object>) invoke("Event", request);
            assertThat((Long) page.get("scannedCount")).isLessThanOrEqualTo(limit);
            scanned += (Long) page.get("scannedCount");
            seen.addAll(sortKeys(page));
            token = (String) page.get("nextToken");
            pages++;
        } while (token != null && pages < 100);
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 50; i += 2) {
            expected.add((long) (forward ? i : 48 - i));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(scanned).isEqualTo(50);
        // DynamoDB reports a last evaluated key whenever the limit stopped the page, even at the very end.
        assertThat(pages).isEqualTo(limit >= 50 ? (limit == 50 ? 2 : 1) : (50 + limit - 1) / limit
                + (50 % limit == 0 ? 1 : 0));
    }

    @ParameterizedTest(name = "limit {0}")
    @CsvSource({"1", "4", "9", "100"})
    @SuppressWarnings("unchecked")
    void scanPagesCoverTheTableOnce(int limit) {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            fixtures.put("Word", "{'pk':{'S':'p" + (i % 6) + "'},'sk':{'S':'s" + i + "'}}");
            expected.add("p" + (i % 6) + "/s" + i);
        }
        expected.addAll(List.of("w/B", "w/a", "w/ab", "w/abc", "w/b", "w/\u00e9", "w/\uFF5E", "w/\uD83D\uDE00"));
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> request = new LinkedHashMap<>(Map.of("operation", "Scan", "limit", limit));
            if (token != null) {
                request.put("nextToken", token);
            }
            Map<String, Object> page = (Map<String, Object>) invoke("Word", request);
            for (Object item : (List<Object>) page.get("items")) {
                Map<String, Object> m = (Map<String, Object>) item;
                seen.add(m.get("pk") + "/" + m.get("sk"));
            }
            token = (String) page.get("nextToken");
            pages++;
        } while (token != null && pages < 200);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void parallelScanSegmentsPartitionTheTable() {
        for (int i = 0; i < 40; i++) {
            fixtures.put("Todo", "{'id':{'S':'item" + i + "'}}");
        }
        List<String> all = new ArrayList<>();
        for (int segment = 0; segment < 4; segment++) {
            Map<String, Object> page = (Map<String, Object>) invoke("Todo", new LinkedHashMap<>(
                    Map.of("operation", "Scan", "segment", segment, "totalSegments", 4)));
            all.addAll(ids(page));
        }
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
        Map<String, Object> one = (Map<String, Object>) invoke("Todo", new LinkedHashMap<>(
                Map.of("operation", "Scan", "segment", 0, "totalSegments", 1)));
        assertThat(ids(one)).hasSize(40);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesStopAtOneMegabyte() {
        String big = "x".repeat(100_000);
        for (int i = 0; i < 25; i++) {
            fixtures.put("Event", "{'pk':{'S':'big'},'sk':{'N':'" + i + "'},'data':{'S':'" + big + "'}}");
        }
        Map<String, Object> first = query("Event", "pk = :p", "{':p':{'S':'big'}}", "");
        List<Object> firstItems = (List<Object>) first.get("items");
        // 10 items are 1,000,000+ bytes, below 1 MiB; the 11th crosses it and ends the page.
        assertThat(firstItems).hasSize(11);
        assertThat(first.get("nextToken")).isNotNull();
        int total = firstItems.size();
        String token = (String) first.get("nextToken");
        while (token != null) {
            Map<String, Object> page = query("Event", "pk = :p", "{':p':{'S':'big'}}", ",'nextToken':'" + token + "'");
            total += ((List<Object>) page.get("items")).size();
            token = (String) page.get("nextToken");
        }
        assertThat(total).isEqualTo(25);
    }

    @Test
    void tokensOnlyWorkWhereTheyCameFrom() {
        String eventToken = (String) query("Event", "pk = :p", "{':p':{'S':'a'}}", ",'limit':1").get("nextToken");
        assertThat(eventToken).isNotNull();
        // Another partition of the same table.
        DataSourceException error = fixtures.fail("Event", "{'operation':'Query','query':{'expression':'pk = :p',"
                + "'expressionValues':{':p':{'S':'b'}}},'nextToken':'" + eventToken + "'}");
        assertThat(error.getMessage()).isEqualTo(NextTokens.INVALID);
        // Another table.
        error = fixtures.fail("Word", "{'operation':'Scan','nextToken':'" + eventToken + "'}");
        assertThat(error.getMessage()).isEqualTo(NextTokens.INVALID);
        // An index of the same table.
        String tableToken = (String) fixtures.runMap("Event", "{'operation':'Scan','limit':1}").get("nextToken");
        fixtures.put("Todo", "{'id':{'S':'1'}}");
        fixtures.put("Todo", "{'id':{'S':'2'}}");
        String todoToken = (String) fixtures.runMap("Todo", "{'operation':'Scan','limit':1}").get("nextToken");
        error = fixtures.fail("Todo", "{'operation':'Scan','index':'byOwner','nextToken':'" + todoToken + "'}");
        assertThat(error.getMessage()).isEqualTo(NextTokens.INVALID);
        // A token that is valid base64 of something else.
        String forged = java.util.Base64.getUrlEncoder().encodeToString("{\"table\":\"Event\"}".getBytes());
        error = fixtures.fail("Event", "{'operation':'Scan','nextToken':'" + forged + "'}");
        assertThat(error.getMessage()).isEqualTo(NextTokens.INVALID);
        // The genuine token resumes.
        assertThat(fixtures.runMap("Event", "{'operation':'Scan','nextToken':'" + tableToken + "'}")).isNotNull();
    }

    private Object invoke(String table, Map<String, Object> request) {
        try {
            return fixtures.table(table).invoke(request);
        } catch (DataSourceException e) {
            throw new AssertionError(e.type() + ": " + e.getMessage(), e);
        }
    }
}
