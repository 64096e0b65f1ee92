package org.kamal4j.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON writer and reader: what it writes reads back byte for byte; text that is not JSON names an offset. */
class JsonTest {

    @Test
    void everyCharacterAWrittenStringHoldsReadsBackUnchanged() {
        String hostile = "quote \" backslash \\ newline \n cr \r tab \t nul \u0000 bell \u0007 dollar $ é ☃";
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Json.quote("a\"b\\c\nd\u0001"));
        assertEquals("null", Json.quote(null));
        assertEquals(hostile, Json.parse(Json.quote(hostile)));
        assertEquals(Map.of("k", Arrays.asList("v", 1.5, true, null)),
                Json.parse(" {\"k\" : [\"v\", 1.5, true, null] } "));
        assertEquals("\b\f/", Json.parse("\"\\b\\f\\/\""));
    }

    @Test
    void textThatIsNotJsonNamesTheOffsetNeverTheText() {
        for (List<String> c : List.of(
                List.of("{\"a\": [1, 2,}", "not JSON at offset 12: expected a value"),
                List.of("\"secret\\", "not JSON at offset 8: expected an escaped character"),
                List.of("\"secret\\u12", "not JSON at offset 9: expected four hex digits"),
                List.of("\"secret", "not JSON at offset 7: expected '\"'"),
                List.of("{} x", "not JSON at offset 3: expected end of input"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(c.get(0)));
            assertEquals(c.get(1), e.getMessage());
        }
    }
}
