package org.kamal4j.config.erb;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into text and tags as Ruby's ERB does with trim mode {@code -} (its StringScanner-based
 * scanner): outside a tag only opening tags count, inside only closing ones; {@code <%-} opens a code tag and
 * drops the spaces and tabs before it when they start a line or follow the previous tag; {@code -%>} closes
 * one and drops a newline right after it; {@code <%%} is a literal {@code <%} and {@code %%>} inside code a
 * literal {@code %>}.
 */
final class ErbScanner {

    private static final String[] OPENING = {"<%-", "<%%", "<%=", "<%#", "<%"};
    private static final String[] CLOSING = {"-%>", "%%>", "%>"};

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
            int[] found = stag == null ? nextOpening(pos) : nextClosing(pos);
            content.append(src, pos, found[0]);
            if (found[1] == found[0]) {
                break;
            }
            String token = src.substring(found[0], found[1]);
            pos = stag == null ? open(token, found[1] - token.strip().length(), found[1]) : close(token, found[1]);
        }
        if (stag != null) {
            parts.add(new ErbPart(ErbPart.Kind.UNTERMINATED, content.toString(), tagLine));
        } else if (content.length() > 0) {
            parts.add(ErbPart.text(content.toString()));
        }
        return parts;
    }

    /** The leftmost opening tag at or after {@code from} as {start, end}; {end, end} when there is none. */
    private int[] nextOpening(int from) {
        for (int i = from; i < src.length(); i++) {
            // Ruby's StringScanner lets ^ match at the scan position as well as after a newline.
            if (i == from || src.charAt(i - 1) == '\n') {
                int j = i;
                while (j < src.length() && (src.charAt(j) == ' ' || src.charAt(j) == '\t')) {
                    j++;
                }
                if (src.startsWith("<%-", j)) {
                    return new int[] {i, j + 3};
                }
            }
            for (String d : OPENING) {
                if (src.startsWith(d, i)) {
                    return new int[] {i, i + d.length()};
                }
            }
        }
        return new int[] {src.length(), src.length()};
    }

    private int[] nextClosing(int from) {
        for (int i = from; i < src.length(); i++) {
            for (String d : CLOSING) {
                if (src.startsWith(d, i)) {
                    return new int[] {i, i + d.length()};
                }
            }
        }
        return new int[] {src.length(), src.length()};
    }

    private int open(String token, int tagPos, int end) {
        String tag = token.endsWith("<%-") ? "<%" : token;
        if (tag.equals("<%%")) {
            content.append("<%");
            return end;
        }
        if (content.length() > 0) {
            parts.add(ErbPart.text(content.toString()));
            content.setLength(0);
        }
        stag = tag;
        tagLine = lineOf(tagPos);
        return end;
    }

    private int close(String token, int end) {
        if (token.equals("%%>")) {
            content.append("%>");
            return end;
        }
        parts.add(new ErbPart(kindOf(stag), content.toString(), tagLine));
        content.setLength(0);
        stag = null;
        if (token.equals("-%>")) {
            if (src.startsWith("\r\n", end)) {
                return end + 2;
            }
            return src.startsWith("\n", end) ? end + 1 : end;
        }
        return end;
    }

    private static ErbPart.Kind kindOf(String stag) {
        return switch (stag) {
            case "<%=" -> ErbPart.Kind.OUTPUT;
            case "<%#" -> ErbPart.Kind.COMMENT;
            default -> ErbPart.Kind.CODE;
        };
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
