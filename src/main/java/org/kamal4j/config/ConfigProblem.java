package org.kamal4j.config;

/**
 * One configuration problem: the slash-joined key path (empty for top-level cross-checks), Kamal's message text,
 * and where it was written (file may be null for problems that concern no single place; line 0 = unknown).
 */
public record ConfigProblem(String path, String message, String file, int line) {

    /** Kamal's wording: {@code <path>: <message>}, or just the message at the top level. */
    public String kamalMessage() {
        return path == null || path.isEmpty() ? message : path + ": " + message;
    }

    /** {@code file:line: path: message}, the line printed under the heading. */
    public String format() {
        String where = file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ";
        return where + kamalMessage();
    }
}
