package org.kamal4j.config.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the assignments in a dotenv file the way dotenv 3.2's line pattern does, written as a scanner so
 * that long quoted values (certificates) cannot overflow the stack as a backtracking regex would.
 */
final class DotenvScanner {

    private final String text;

    DotenvScanner(String text) {
        this.text = text;
    }

    /** Every assignment, in file order. */
    List<DotenvEntry> entries() {
        List<DotenvEntry> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int[] end = new int[1];
            DotenvEntry entry = matchAt(pos, end);
            if (entry == null) {
                pos = afterNewline(pos);
            } else {
                out.add(entry);
                pos = end[0] > 0 && text.charAt(end[0] - 1) == '\n' ? end[0] : afterNewline(end[0]);
            }
        }
        return out;
    }

    private int afterNewline(int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** Tries a match at a line start; with an {@code export} prefix first, then without. */
    private DotenvEntry matchAt(int start, int[] end) {
        int p = skipSpace(start);
        if (text.startsWith("export", p) && p + 6 < text.length() && isSpace(text.charAt(p + 6))) {
            DotenvEntry exported = matchKey(skipSpace(p + 6), true, end);
            if (exported != null) {
                return exported;
            }
        }
        return matchKey(p, false, end);
    }

    private DotenvEntry matchKey(int p, boolean export, int[] end) {
        int keyEnd = p;
        while (keyEnd < text.length() && isKeyChar(text.charAt(keyEnd))) {
            keyEnd++;
        }
        if (keyEnd == p) {
            return null;
        }
        String key = text.substring(p, keyEnd);
        int line = lineOf(p);
        int afterEquals = skipSpace(keyEnd);
        if (afterEquals < text.length() && text.charAt(afterEquals) == '=') {
            return withValue(key, export, line, afterEquals + 1, end);
        }
        if (keyEnd + 1 < text.length() && text.charAt(keyEnd) == ':' && isSpace(text.charAt(keyEnd + 1))) {
            return withValue(key, export, line, keyEnd + 2, end);
        }
        int rest = restEnd(keyEnd);
        if (rest < 0) {
            return null;
        }
        end[0] = rest;
        return new DotenvEntry(key, null, export, line);
    }

    /** The value alternatives in dotenv's order: single-quoted, double-quoted, unquoted, none. */
    private DotenvEntry withValue(String key, boolean export, int line, int p, int[] end) {
        for (char quote : new char[] {'\'', '"'}) {
            int q = skipSpace(p);
            if (q < text.length() && text.charAt(q) == quote) {
                int close = closingQuote(q, quote);
                if (close >= 0) {
                    end[0] = restEnd(close + 1);
                    return new DotenvEntry(key, text.substring(p, close + 1), export, line);
                }
            }
        }
        int v = p;
        while (v < text.length() && text.charAt(v) != '#' && text.charAt(v) != '\n') {
            v++;
        }
        end[0] = restEnd(v);
        return new DotenvEntry(key, v > p ? text.substring(p, v) : null, export, line);
    }

    /**
     * The closing quote a backtracking {@code Q(?:\\Q|[^Q])*Q} followed by the end of the line would pick:
     * the first unescaped quote, else escaped ones from the last to the first, each only if the line ends
     * (or a comment starts) after it.
     */
    private int closingQuote(int open, char quote) {
        List<Integer> candidates = new ArrayList<>();
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                candidates.add(i + 1);
                i += 2;
            } else if (c == quote) {
                candidates.add(i);
                break;
            } else {
                i++;
            }
        }
        for (int k = candidates.size() - 1; k >= 0; k--) {
            if (restEnd(candidates.get(k) + 1) >= 0) {
                return candidates.get(k);
            }
        }
        return -1;
    }

    /** Where {@code \s*(#.*)?$} ends when it matches at {@code p}, else -1. */
    private int restEnd(int p) {
        int i = p;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '#') {
            int nl = text.indexOf('\n', i);
            return nl < 0 ? text.length() : nl;
        }
        return i == text.length() || text.charAt(i) == '\n' ? i : -1;
    }

    private int skipSpace(int p) {
        while (p < text.length() && isSpace(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private int lineOf(int pos) {
        int line = 1;
        for (int i = 0; i < pos; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean isKeyChar(char c) {
        return c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isBlank(char c) {
        return c != '\n' && isSpace(c);
    }
}
