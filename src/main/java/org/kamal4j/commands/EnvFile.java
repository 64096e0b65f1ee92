package org.kamal4j.commands;

import java.util.LinkedHashSet;
import java.util.Set;
import org.kamal4j.config.Env;
import org.kamal4j.config.Secrets;

/** The content of an env file on a host (3.7): one {@code NAME=value} line per secret variable. */
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
     * Docker reads env files literally, one line per variable, so a value is written as its exact bytes (a
     * backslash stays one backslash, unlike Kamal, whose escaping changes the value the container gets). Only
     * what a line cannot hold is escaped as Kamal writes it: a newline as {@code \n}, a carriage return as
     * {@code \r} (docs/compatibility.md).
     */
    public static String escape(String value) {
        return value.replace("\n", "\\n").replace("\r", "\\r");
    }
}
