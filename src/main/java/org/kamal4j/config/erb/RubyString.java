package org.kamal4j.config.erb;

/** Ruby string literals without interpolation: single-quoted, and double-quoted with the simple escapes. */
final class RubyString {

    private RubyString() {}

    /** The value of the literal starting at {@code open}. */
    static String literal(String code, int open) throws EnvExpression.Unsupported {
        char quote = code.charAt(open);
        StringBuilder out = new StringBuilder();
        int i = open + 1;
        while (i < code.length() && code.charAt(i) != quote) {
            char c = code.charAt(i);
            if (quote == '"' && c == '#' && i + 1 < code.length() && "{@$".indexOf(code.charAt(i + 1)) >= 0) {
                throw new EnvExpression.Unsupported();
            }
            if (c == '\\' && i + 1 < code.length()) {
                i++;
                out.append(quote == '\'' ? singleEscape(code.charAt(i)) : doubleEscape(code.charAt(i)));
            } else {
                out.append(c);
            }
            i++;
        }
        if (i >= code.length()) {
            throw new EnvExpression.Unsupported();
        }
        return out.toString();
    }

    /** The index just after the literal starting at {@code open}. */
    static int end(String code, int open) {
        char quote = code.charAt(open);
        int i = open + 1;
        while (code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static String singleEscape(char c) {
        return c == '\\' || c == '\'' ? String.valueOf(c) : "\\" + c;
    }

    private static String doubleEscape(char c) throws EnvExpression.Unsupported {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 's' -> " ";
            case 'e' -> "\u001b";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'v' -> "\u000b";
            case '\n' -> "";
            case 'u', 'x', 'c', 'C', 'M', '0', '1', '2', '3', '4', '5', '6', '7' -> throw new EnvExpression.Unsupported();
            default -> String.valueOf(c);
        };
    }
}
