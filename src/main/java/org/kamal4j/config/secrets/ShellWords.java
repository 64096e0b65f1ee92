package org.kamal4j.config.secrets;

import java.util.ArrayList;
import java.util.List;

/** Ruby Shellwords' split and escape, which Kamal uses to pass JSON between inline secrets commands. */
final class ShellWords {

    private ShellWords() {}

    /** Escapes every character outside {@code [A-Za-z0-9_\-.,:+/@\n]} with a backslash; newlines become {@code '\n'}. */
    static String escape(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                out.append("'\n'");
            } else if (Character.isLetterOrDigit(c) && c < 128 || "_-.,:+/@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('\\').append(c);
            }
        }
        return out.toString();
    }

    /** Splits like a POSIX shell: quotes and backslashes, no expansions. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder field = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (field != null) {
                    words.add(field.toString());
                    field = null;
                }
                i++;
                continue;
            }
            field = field == null ? new StringBuilder() : field;
            i = c == '\'' ? singleQuoted(line, i, field) : c == '"' ? doubleQuoted(line, i, field) : plain(line, i, field);
        }
        if (field != null) {
            words.add(field.toString());
        }
        return words;
    }

    private static int singleQuoted(String line, int open, StringBuilder field) {
        int close = line.indexOf('\'', open + 1);
        if (close < 0) {
            throw new IllegalArgumentException("Unmatched quote at " + open);
        }
        field.append(line, open + 1, close);
        return close + 1;
    }

    private static int doubleQuoted(String line, int open, StringBuilder field) {
        int i = open + 1;
        while (i < line.length() && line.charAt(i) != '"') {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if ("$`\"\\\n".indexOf(next) < 0) {
                    field.append(c);
                }
                field.append(next);
                i += 2;
            } else {
                field.append(c);
                i++;
            }
        }
        if (i >= line.length()) {
            throw new IllegalArgumentException("Unmatched quote at " + open);
        }
        return i + 1;
    }

    private static int plain(String line, int i, StringBuilder field) {
        char c = line.charAt(i);
        if (c == '\\') {
            if (i + 1 < line.length()) {
                field.append(line.charAt(i + 1));
            }
            return i + 2;
        }
        field.append(c);
        return i + 1;
    }
}
