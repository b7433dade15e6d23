package io.amplify4j.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amplify4j.sandbox.dynamodb.expression.ReservedWords;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeValuesTest {

    private static AttributeValue typed(String json) {
        return AttributeValues.fromTyped(Json.value(json));
    }

    @ParameterizedTest(name = "{0} unmarshals to {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{'S':'x'}                          | 'x'",
        "{'S':''}                           | ''",
        "{'N':'1'}                          | 1",
        "{'N':1}                            | 1",
        "{'N':'1.0'}                        | 1",
        "{'N':'-0.00'}                      | 0",
        "{'N':'1.50'}                       | 1.5",
        "{'N':1.25}                         | 1.25",
        "{'N':'1e3'}                        | 1000",
        "{'N':'9223372036854775807'}        | 9223372036854775807",
        "{'N':'9223372036854775808'}        | 9223372036854775808",
        "{'N':'12345678901234567890123456789012345678'} | 12345678901234567890123456789012345678",
        "{'B':'AAEC'}                       | 'AAEC'",
        "{'BOOL':true}                      | true",
        "{'BOOL':false}                     | false",
        "{'NULL':true}                      | null",
        "{'M':{'a':{'N':'1'},'b':{'S':'x'}}} | {'a':1,'b':'x'}",
        "{'M':{}}                           | {}",
        "{'L':[{'N':'1'},{'S':'x'},{'NULL':true}]} | [1,'x',null]",
        "{'L':[]}                           | []",
        "{'SS':['b','a']}                   | ['b','a']",
        "{'NS':['2','1.5',3]}               | [2,1.5,3]",
        "{'BS':['AA==','AQ==']}             | ['AA==','AQ==']",
    })
    void unmarshals(String typed, String plain) {
        Object json = AttributeValues.toJson(typed(typed));
        assertThat(Json.canon(json)).isEqualTo(Json.canon(Json.value(plain)));
    }

    @Test
    void integralNumbersInRangeAreLongsOthersBigDecimals() {
        assertThat(AttributeValues.toJson(typed("{'N':'42'}"))).isEqualTo(42L);
        assertThat(AttributeValues.toJson(typed("{'N':'-7.000'}"))).isEqualTo(-7L);
        assertThat(AttributeValues.toJson(typed("{'N':'0.5'}"))).isEqualTo(new BigDecimal("0.5"));
        assertThat(AttributeValues.toJson(typed("{'N':'1e20'}"))).isInstanceOf(BigDecimal.class);
        assertThat(AttributeValues.toJson(typed("{'N':'1e20'}")).toString()).isEqualTo("1E+20");
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{}                       | Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
        "{'S':'a','N':'1'}        | Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
        "{'X':'a'}                | Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
        "{'S':1}                  | Supplied AttributeValue has an invalid value for its data type",
        "{'N':'abc'}              | A value provided cannot be converted into a number",
        "{'N':''}                 | A value provided cannot be converted into a number",
        "{'N':'1.2.3'}            | A value provided cannot be converted into a number",
        "{'N':'123456789012345678901234567890123456789'} | Attempting to store more than 38 significant digits in a Number",
        "{'N':'1e126'}            | Number overflow. Attempting to store a number with magnitude larger than supported range",
        "{'N':'-1e126'}           | Number overflow. Attempting to store a number with magnitude larger than supported range",
        "{'N':'1e-131'}           | Number underflow. Attempting to store a number with magnitude smaller than supported range",
        "{'NULL':false}           | One or more parameter values were invalid: Null attribute value types must have the value of true",
        "{'BOOL':'true'}          | Supplied AttributeValue has an invalid value for its data type",
        "{'SS':[]}                | One or more parameter values were invalid: An string set  may not be empty",
        "{'NS':[]}                | One or more parameter values were invalid: An number set  may not be empty",
        "{'BS':[]}                | One or more parameter values were invalid: An binary set  may not be empty",
        "{'SS':['a','a']}         | One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
        "{'NS':['1','1.0']}       | One or more parameter values were invalid: Input collection [1, 1.0] contains duplicates.",
        "{'BS':['AA==','AA==']}   | One or more parameter values were invalid: Input collection [AA==, AA==] contains duplicates.",
        "{'SS':['a',1]}           | Supplied AttributeValue has an invalid value for its data type",
        "{'L':{'S':'x'}}          | Supplied AttributeValue has an invalid value for its data type",
        "{'M':[]}                 | Supplied AttributeValue has an invalid value for its data type",
        "{'L':[{'SS':[]}]}        | One or more parameter values were invalid: An string set  may not be empty",
        "{'B':'not base64!'}      | Invalid Binary value: the value is not valid base64",
    })
    void rejectsInvalidValues(String typed, String message) {
        assertThatThrownBy(() -> typed(typed))
                .isInstanceOf(DynamoDbError.class)
                .hasMessage(message)
                .extracting(e -> ((DynamoDbError) e).type()).isEqualTo("DynamoDB:ValidationException");
    }

    @Test
    void plainJsonIsNotATypedValue() {
        assertThatThrownBy(() -> AttributeValues.fromTyped("x")).isInstanceOf(DynamoDbError.class);
        assertThatThrownBy(() -> AttributeValues.fromTyped(5)).isInstanceOf(DynamoDbError.class);
        assertThatThrownBy(() -> AttributeValues.fromTyped(null)).isInstanceOf(DynamoDbError.class);
    }

    @ParameterizedTest(name = "{0} equals {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{'N':'1'}              | {'N':'1.000'}",
        "{'N':'100'}            | {'N':'1E2'}",
        "{'NS':['1','2']}       | {'NS':['2.0','1']}",
        "{'SS':['a','b']}       | {'SS':['b','a']}",
        "{'M':{'a':{'N':'1'},'b':{'S':'x'}}} | {'M':{'b':{'S':'x'},'a':{'N':'1.0'}}}",
        "{'B':'AAE='}           | {'B':'AAE='}",
    })
    void equalityIsByValue(String a, String b) {
        assertThat(typed(a)).isEqualTo(typed(b));
        assertThat(typed(a).hashCode()).isEqualTo(typed(b).hashCode());
    }

    @ParameterizedTest(name = "{0} differs from {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{'N':'1'}              | {'S':'1'}",
        "{'L':[{'N':'1'},{'N':'2'}]} | {'L':[{'N':'2'},{'N':'1'}]}",
        "{'SS':['1']}           | {'NS':['1']}",
        "{'S':'a'}              | {'SS':['a']}",
        "{'NULL':true}          | {'BOOL':false}",
    })
    void differentValuesAreNotEqual(String a, String b) {
        assertThat(typed(a)).isNotEqualTo(typed(b));
    }

    @Test
    void keyOrderIsNumericForNumbers() {
        List<AttributeValue> values = new ArrayList<>(List.of(AttributeValue.n(10), AttributeValue.n(9),
                AttributeValue.n(-1), AttributeValue.n("2.5"), AttributeValue.n(100), AttributeValue.n("-10.5")));
        values.sort(AttributeValues.KEY_ORDER);
        assertThat(values).extracting(v -> ((AttributeValue.N) v).text())
                .containsExactly("-10.5", "-1", "2.5", "9", "10", "100");
    }

    @Test
    void keyOrderIsByUtf8BytesForStrings() {
        // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (4 bytes, F0 ...), although in UTF-16 the
        // surrogate pair D83D.. sorts before FF5E.
        List<AttributeValue> values = new ArrayList<>(List.of(AttributeValue.s("\uD83D\uDE00"),
                AttributeValue.s("\uFF5E"), AttributeValue.s("b"), AttributeValue.s("B"), AttributeValue.s("a"),
                AttributeValue.s("ab"), AttributeValue.s(""), AttributeValue.s("\u00e9")));
        values.sort(AttributeValues.KEY_ORDER);
        assertThat(values).extracting(v -> ((AttributeValue.S) v).value())
                .containsExactly("", "B", "a", "ab", "b", "\u00e9", "\uFF5E", "\uD83D\uDE00");
    }

    @Test
    void keyOrderIsByUnsignedBytesForBinary() {
        List<AttributeValue> values = new ArrayList<>(List.of(new AttributeValue.B(new byte[] {(byte) 0xff}),
                new AttributeValue.B(new byte[] {0x01}), new AttributeValue.B(new byte[] {0x01, 0x00}),
                new AttributeValue.B(new byte[] {(byte) 0x80}), new AttributeValue.B(new byte[0])));
        values.sort(AttributeValues.KEY_ORDER);
        assertThat(values).extracting(v -> ((AttributeValue.B) v).base64())
                .containsExactly("", "AQ==", "AQA=", "gA==", "/w==");
    }

    @ParameterizedTest(name = "size of {0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{'a':{'S':'abc'}}                         | 4",
        "{'ab':{'S':''}}                           | 2",
        "{'a':{'S':'\u00e9'}}                      | 3",
        "{'a':{'N':'1'}}                           | 3",
        "{'a':{'N':'12'}}                          | 3",
        "{'a':{'N':'123'}}                         | 4",
        "{'a':{'N':'1000'}}                        | 3",
        "{'a':{'N':'0.001'}}                       | 3",
        "{'a':{'B':'AAEC'}}                        | 4",
        "{'a':{'BOOL':true}}                       | 2",
        "{'a':{'NULL':true}}                       | 2",
        "{'a':{'M':{}}}                            | 4",
        "{'a':{'L':[]}}                            | 4",
        "{'a':{'L':[{'S':'xy'},{'N':'1'}]}}        | 10",
        "{'a':{'M':{'bc':{'S':'xy'}}}}             | 9",
        "{'a':{'SS':['x','yz']}}                   | 4",
        "{'a':{'NS':['1','123']}}                  | 6",
        "{'id':{'S':'1'},'title':{'S':'hello'}}    | 13",
    })
    void itemSizeFollowsDynamoDb(String item, long size) {
        assertThat(AttributeValues.itemSize(AttributeValues.fromTypedMap(Json.value(item)))).isEqualTo(size);
    }

    @Test
    void utf8LengthIsTheLengthOfTheEncodedBytes() {
        for (String s : List.of("", "plain", "caf\u00e9", "\u20ac5", "\ud83d\ude00 smile", "\u07ff\u0800",
                "lone \ud83d high", "lone \ude00 low", "\ude00\ud83d reversed", "end \ud83d")) {
            assertThat(AttributeValues.utf8Length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void numbersAreNormalized() {
        assertThat(AttributeValue.n("1.500").text()).isEqualTo("1.5");
        assertThat(AttributeValue.n("100").text()).isEqualTo("100");
        assertThat(AttributeValue.n("-0").text()).isEqualTo("0");
        assertThat(AttributeValue.n("0.000120").text()).isEqualTo("0.00012");
        assertThat(((AttributeValue.NS) typed("{'NS':['1.0','2.50']}")).value())
                .containsExactly(new BigDecimal("1"), new BigDecimal("2.5"));
    }

    @Test
    void reservedWordsListIsDynamoDbs() {
        assertThat(ReservedWords.count()).isEqualTo(573);
        assertThat(ReservedWords.isReserved("status")).isTrue();
        assertThat(ReservedWords.isReserved("Name")).isTrue();
        assertThat(ReservedWords.isReserved("DATA")).isTrue();
        assertThat(ReservedWords.isReserved("owner")).isTrue();
        assertThat(ReservedWords.isReserved("title")).isFalse();
        assertThat(ReservedWords.isReserved("id")).isFalse();
    }

    @Test
    void typedMapKeepsInsertionOrder() {
        Map<String, AttributeValue> item = AttributeValues.fromTypedMap(Json.value("{'b':{'S':'1'},'a':{'S':'2'}}"));
        assertThat(item.keySet()).containsExactly("b", "a");
    }
}
