package org.kamal4j.config.secrets;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one-level JSON object of names to strings that {@code kamal secrets fetch} prints and {@code extract} reads. */
final class FlatJson {

    private FlatJson() {}

    static String write(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(k, out);
            out.append(':');
            quote(v, out);
        });
        return out.append('}').toString();
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        out.append('"');
    }

    /** Parses an object whose values are strings (other scalars are kept as their text). */
    static Map<String, String> read(String json) {
        Reader r = new Reader(json.strip());
        Map<String, String> out = new LinkedHashMap<>();
        r.expect('{');
        if (r.peek() != '}') {
            do {
                String key = r.string();
                r.expect(':');
                out.put(key, r.peek() == '"' ? r.string() : r.scalar());
            } while (r.accept(','));
        }
        r.expect('}');
        return out;
    }

    /** A cursor over JSON text; errors never quote the text because it holds secrets. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        char peek() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i < s.length() ? s.charAt(i) : '\0';
        }

        boolean accept(char c) {
            if (peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + i);
            }
        }

        String scalar() {
            int start = i;
            while (i < s.length() && ",}".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i).strip();
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    c = s.charAt(i++);
                    switch (c) {
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(c);
                    }
                } else {
                    out.append(c);
                }
            }
            expect('"');
            return out.toString();
        }
    }
}
