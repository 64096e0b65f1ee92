package org.kamal4j.config.secrets;

import java.util.Map;

/**
 * dotenv's {@code $VAR} / {@code ${VAR}} substitution: the file's earlier keys first, then the environment,
 * else empty; {@code \$} keeps the text and drops the backslash; {@code $(} is left for commands.
 */
final class VariableSubstitution {

    private VariableSubstitution() {}

    static String apply(String value, Map<String, String> fileValues, Map<String, String> environment) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            boolean escaped = value.charAt(i) == '\\';
            int dollar = escaped ? i + 1 : i;
            if (dollar >= value.length() || value.charAt(dollar) != '$' || startsCommand(value, dollar)) {
                out.append(value.charAt(i++));
                continue;
            }
            int end = dollar + 1;
            if (end < value.length() && value.charAt(end) == '{') {
                end++;
            }
            int nameStart = end;
            while (end < value.length() && isNameChar(value.charAt(end))) {
                end++;
            }
            String name = value.substring(nameStart, end);
            if (end < value.length() && value.charAt(end) == '}') {
                end++;
            }
            if (escaped || name.isEmpty()) {
                out.append(value, dollar, end);
            } else {
                out.append(lookup(name, fileValues, environment));
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean startsCommand(String value, int dollar) {
        return dollar + 1 < value.length() && value.charAt(dollar + 1) == '(';
    }

    private static String lookup(String name, Map<String, String> fileValues, Map<String, String> environment) {
        if (fileValues.containsKey(name)) {
            return fileValues.get(name);
        }
        String env = environment.get(name);
        return env == null ? "" : env;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
