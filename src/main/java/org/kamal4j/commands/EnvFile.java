package org.kamal4j.commands;

import java.util.LinkedHashSet;
import java.util.Set;
import org.kamal4j.config.Env;
import org.kamal4j.config.Secrets;

/** The content of an env file on a host: one {@code NAME=value} line per secret variable. */
public record EnvFile(String content, Set<String> secretValues) {

    /** Renders the secret part of {@code env}, looking every secret up (fails on an unknown secret). */
    public static EnvFile of(Env env, Secrets secrets) {
        StringBuilder sb = new StringBuilder();
        Set<String> values = new LinkedHashSet<>();
        for (String entry : env.secrets()) {
            int colon = entry.indexOf(':');
            String variable = colon < 0 ? entry : entry.substring(0, colon);
            String value = secrets.get(colon < 0 ? entry : entry.substring(colon + 1));
            values.add(value);
            sb.append(variable).append('=').append(escape(value)).append('\n');
        }
        return new EnvFile(sb.length() == 0 ? "\n" : sb.toString(), Set.copyOf(values));
    }

    /**
     * Docker reads env files literally, so control characters are written as escapes the way Kamal writes
     * them ({@code \\}, {@code \n}, {@code \t}, {@code \xNN}); quotes, {@code #}, {@code $} and non-ASCII stay.
     */
    public static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(escapeChar(c));
        }
        return sb.toString();
    }

    private static String escapeChar(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case '\f' -> "\\f";
            case 0x0b -> "\\v";
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case 0x1b -> "\\e";
            default -> c < 0x20 || c == 0x7f ? String.format("\\x%02X", (int) c) : String.valueOf(c);
        };
    }
}
