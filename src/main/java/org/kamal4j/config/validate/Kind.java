package org.kamal4j.config.validate;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The value types Kamal's validator distinguishes, with its wording. */
public enum Kind {
    STRING("a string"), INTEGER("an integer"), ARRAY("an array"), HASH("a hash"), BOOLEAN("a boolean");

    private final String wording;

    Kind(String wording) {
        this.wording = wording;
    }

    /** Whether {@code v} is of this kind; strings also accept numbers and booleans, as Kamal does. */
    public boolean accepts(Object v) {
        return switch (this) {
            case STRING -> v instanceof String || v instanceof Number || v instanceof Boolean;
            case INTEGER -> v instanceof Integer || v instanceof Long || v instanceof BigInteger;
            case ARRAY -> v instanceof List;
            case HASH -> v instanceof Map;
            case BOOLEAN -> v instanceof Boolean;
        };
    }

    /** {@code should be a X or a Y}. */
    public static String shouldBe(Kind... kinds) {
        StringBuilder sb = new StringBuilder("should be ");
        for (int i = 0; i < kinds.length; i++) {
            sb.append(i == 0 ? "" : " or ").append(kinds[i].wording);
        }
        return sb.toString();
    }
}
