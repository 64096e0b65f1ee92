package org.kamal4j.commands;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.kamal4j.config.Env;
import org.kamal4j.config.Secrets;

/**
 * The content of an env file on a host: one {@code NAME=value} line per secret variable, or a bare {@code NAME} line
 * for a value a line cannot hold (a newline or carriage return): Docker then takes that variable from the
 * environment of the {@code docker run} process, which {@link #feed} sets from standard input.
 *
 * @param fromEnvironment the variables written bare, with their values, in env-file order
 */
public record EnvFile(String content, Set<String> secretValues, Map<String, String> fromEnvironment) {

    /** Renders the secret part of {@code env}, looking every secret up (fails on an unknown secret). */
    public static EnvFile of(Env env, Secrets secrets) {
        StringBuilder sb = new StringBuilder();
        Set<String> values = new LinkedHashSet<>();
        Map<String, String> bare = new LinkedHashMap<>();
        for (String entry : env.secrets()) {
            int colon = entry.indexOf(':');
            String variable = colon < 0 ? entry : entry.substring(0, colon);
            String value = secrets.get(colon < 0 ? entry : entry.substring(colon + 1));
            values.add(value);
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                bare.put(variable, value);
                sb.append(variable).append('\n');
            } else {
                sb.append(variable).append('=').append(value).append('\n');
            }
        }
        return new EnvFile(sb.length() == 0 ? "\n" : sb.toString(), Set.copyOf(values), Map.copyOf(bare));
    }

    /**
     * {@code run} (a {@code docker run --env-file} of this file) preceded by {@code eval "$(cat)"}, which exports the
     * bare variables from standard input ({@code export NAME='value'}, single-quoted, so nothing in the value is
     * shell syntax): the values reach the container byte for byte and never appear in any argv. Without bare
     * variables, {@code run} itself.
     */
    public Command feed(Command run) {
        if (fromEnvironment.isEmpty()) {
            return run;
        }
        return Command.script("eval \"$(cat)\"").and(run).withStdin(exports())
                .withSecrets(fromEnvironment.values());
    }

    /**
     * {@code run} preceded by {@code . <file> && rm -f <file>}, for a {@code docker run} whose standard input is a
     * terminal ({@link #feed} needs it): {@code file} is an owner-only upload of {@link #exports()}, read and
     * removed before the container starts. Without bare variables, {@code run} itself.
     */
    public Command sourced(String file, Command run) {
        if (fromEnvironment.isEmpty()) {
            return run;
        }
        return Command.of(".", file).and(Command.of("rm", "-f", file)).and(run)
                .withSecrets(fromEnvironment.values());
    }

    /** {@code export NAME='value'} per bare variable, single-quoted, so nothing in the value is shell syntax. */
    public String exports() {
        StringBuilder script = new StringBuilder();
        fromEnvironment.forEach((name, value) -> script.append("export ").append(name).append("='")
                .append(value.replace("'", "'\\''")).append("'\n"));
        return script.toString();
    }

    /**
     * How Kamal writes a value into an env file: a newline as {@code \n}, a carriage return as {@code \r}. We write
     * such values bare instead ({@link #of}); this form is still redacted wherever it appears.
     */
    public static String escape(String value) {
        return value.replace("\n", "\\n").replace("\r", "\\r");
    }
}
