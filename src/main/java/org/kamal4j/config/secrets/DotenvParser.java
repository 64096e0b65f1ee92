package org.kamal4j.config.secrets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one secrets file by dotenv 3.2's rules with Kamal's command substitution: quotes, escapes,
 * {@code $(...)} first and then {@code $VAR}. Error messages name the file and line, never a value.
 */
final class DotenvParser {

    private final Map<String, String> environment;
    private final CommandSubstitution commands;

    DotenvParser(Map<String, String> environment, CommandRunner runner) {
        this.environment = environment;
        this.commands = new CommandSubstitution(runner);
    }

    /** The file's keys and values in order; {@code fileName} is used only in error messages. */
    Map<String, String> parse(String text, String fileName) {
        String normalised = stripBom(text).replace("\r\n", "\n").replace('\r', '\n');
        Map<String, String> values = new LinkedHashMap<>();
        for (DotenvEntry entry : new DotenvScanner(normalised).entries()) {
            if (entry.export() && entry.rawValue() == null) {
                if (!values.containsKey(entry.key())) {
                    throw new SecretsFileException(fileName + ":" + entry.line() + ": 'export " + entry.key()
                            + "' has an unset variable; give it a value or define it on an earlier line");
                }
                continue;
            }
            String raw = entry.rawValue() == null ? "" : entry.rawValue();
            values.put(entry.key(), value(raw, values, fileName + ":" + entry.line()));
        }
        return values;
    }

    private String value(String raw, Map<String, String> values, String where) {
        String v = strip(raw);
        char quote = v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)
                ? v.charAt(0) : 0;
        if (quote != 0) {
            v = v.substring(1, v.length() - 1);
        }
        if (quote == '\'') {
            return v;
        }
        if (quote == '"') {
            v = expandNewlines(v, values);
        }
        v = unescape(v);
        v = commands.apply(v, values, environment, where);
        return VariableSubstitution.apply(v, values, environment);
    }

    /** {@code \n} stays two characters unless {@code DOTENV_LINEBREAK_MODE=legacy} turns it into a newline. */
    private String expandNewlines(String v, Map<String, String> values) {
        String mode = values.containsKey("DOTENV_LINEBREAK_MODE") ? values.get("DOTENV_LINEBREAK_MODE")
                : environment.get("DOTENV_LINEBREAK_MODE");
        if ("legacy".equals(mode)) {
            return v.replace("\\n", "\n").replace("\\r", "\r");
        }
        // Doubling the backslash lets the unescape step below turn it back into "\n" (two characters).
        return v.replace("\\n", "\\\\n").replace("\\r", "\\\\r");
    }

    /** Drops the backslash before any character except {@code $}. */
    static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() && v.charAt(i + 1) != '$') {
                out.append(v.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (DotenvScanner.isSpace(s.charAt(start)) || s.charAt(start) == 0)) {
            start++;
        }
        while (end > start && (DotenvScanner.isSpace(s.charAt(end - 1)) || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
