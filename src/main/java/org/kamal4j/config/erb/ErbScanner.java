package org.kamal4j.config.erb;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into text and tags exactly as Ruby's ERB does with trim mode {@code -}: {@code <%-}
 * also drops the spaces and tabs before it at the start of a line, {@code -%>} drops the newline right
 * after it, {@code <%%} is a literal {@code <%} in text and {@code %%>} a literal {@code %>} in code.
 */
final class ErbScanner {

    private static final String[] DELIMITERS = {"<%-", "-%>\r\n", "-%>\n", "-%>", "<%%", "<%=", "<%#", "<%", "%%>", "%>"};

    private final String src;
    private final List<ErbPart> parts = new ArrayList<>();
    private final StringBuilder content = new StringBuilder();
    private String stag;
    private int tagLine;

    private ErbScanner(String src) {
        this.src = src;
    }

    static List<ErbPart> scan(String template) {
        return new ErbScanner(template).run();
    }

    private List<ErbPart> run() {
        int pos = 0;
        while (pos < src.length()) {
            int[] found = nextDelimiter(pos);
            content.append(src, pos, found[0]);
            if (found[1] == found[0]) {
                break;
            }
            String token = src.substring(found[0], found[1]);
            handle(token, found[0] + leadingBlanks(token));
            pos = found[1];
        }
        if (stag != null) {
            parts.add(new ErbPart(ErbPart.Kind.UNTERMINATED, content.toString(), tagLine));
        } else if (content.length() > 0) {
            parts.add(ErbPart.text(content.toString()));
        }
        return parts;
    }

    /** The leftmost delimiter at or after {@code from} as {start, end}; {end, end} when there is none. */
    private int[] nextDelimiter(int from) {
        for (int i = from; i < src.length(); i++) {
            if (i == 0 || src.charAt(i - 1) == '\n') {
                int j = i;
                while (j < src.length() && (src.charAt(j) == ' ' || src.charAt(j) == '\t')) {
                    j++;
                }
                if (src.startsWith("<%-", j)) {
                    return new int[] {i, j + 3};
                }
            }
            for (String d : DELIMITERS) {
                if (src.startsWith(d, i)) {
                    return new int[] {i, i + d.length()};
                }
            }
        }
        return new int[] {src.length(), src.length()};
    }

    private void handle(String token, int tokenPos) {
        if (stag == null) {
            outside(token, tokenPos);
        } else if (token.startsWith("-%>") || token.equals("%>")) {
            parts.add(new ErbPart(kindOf(stag), content.toString(), tagLine));
            content.setLength(0);
            stag = null;
        } else if (token.equals("%%>")) {
            content.append("%>");
        } else {
            content.append(token);
        }
    }

    private void outside(String token, int tokenPos) {
        String tag = token.endsWith("<%-") ? "<%" : token;
        if (tag.equals("<%") || tag.equals("<%=") || tag.equals("<%#")) {
            if (content.length() > 0) {
                parts.add(ErbPart.text(content.toString()));
                content.setLength(0);
            }
            stag = tag;
            tagLine = lineOf(tokenPos);
        } else if (tag.equals("<%%")) {
            content.append("<%");
        } else {
            content.append(token);
        }
    }

    private static ErbPart.Kind kindOf(String stag) {
        return switch (stag) {
            case "<%=" -> ErbPart.Kind.OUTPUT;
            case "<%#" -> ErbPart.Kind.COMMENT;
            default -> ErbPart.Kind.CODE;
        };
    }

    private static int leadingBlanks(String token) {
        int n = 0;
        while (n < token.length() && (token.charAt(n) == ' ' || token.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private int lineOf(int pos) {
        int line = 1;
        for (int i = 0; i < pos; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
