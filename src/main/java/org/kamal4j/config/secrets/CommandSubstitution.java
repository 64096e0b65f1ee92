package org.kamal4j.config.secrets;

import java.util.Map;

/**
 * Kamal's {@code $(command)} substitution in secrets files: parentheses nest, a backslash-escaped character
 * (such as {@code \(}) does not count, {@code \$(...)} is kept literally, variables in the command text are
 * substituted before it runs, {@code kamal secrets ...} runs in-process, and one trailing newline is removed.
 */
final class CommandSubstitution {

    private final CommandRunner runner;

    CommandSubstitution(CommandRunner runner) {
        this.runner = runner;
    }

    /** Replaces every command in {@code value}; {@code where} ("file:line") is used only in error messages. */
    String apply(String value, Map<String, String> fileValues, Map<String, String> environment, String where) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            boolean escaped = value.charAt(i) == '\\';
            int dollar = escaped ? i + 1 : i;
            int end = dollar + 1 < value.length() && value.charAt(dollar) == '$' ? groupEnd(value, dollar + 1) : -1;
            if (end < 0) {
                out.append(value.charAt(i++));
                continue;
            }
            if (escaped) {
                out.append(value, dollar, end);
            } else {
                String command = VariableSubstitution.apply(value.substring(dollar + 2, end - 1), fileValues, environment);
                out.append(chomp(execute(command, where)));
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * The end (exclusive) of a balanced group opening at {@code open}, or -1: one or more units, each an
     * escaped character (not a newline), a character other than a parenthesis or backslash, or a nested group.
     */
    static int groupEnd(String s, int open) {
        if (open >= s.length() || s.charAt(open) != '(') {
            return -1;
        }
        int i = open + 1;
        int units = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ')') {
                return units > 0 ? i + 1 : -1;
            }
            if (c == '(') {
                i = groupEnd(s, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '\\') {
                if (i + 1 >= s.length() || s.charAt(i + 1) == '\n') {
                    return -1;
                }
                i += 2;
            } else {
                i++;
            }
            units++;
        }
        return -1;
    }

    private String execute(String command, String where) {
        if (KamalSecretsCommand.matches(command)) {
            try {
                return KamalSecretsCommand.run(command);
            } catch (IllegalArgumentException e) {
                throw new SecretsFileException(where + ": " + e.getMessage());
            }
        }
        try {
            return runner.run(command);
        } catch (CommandRunner.LocalCommandFailedException e) {
            throw new SecretsFileException(where + ": command substitution $(...) failed: " + e.getMessage()
                    + "; run the command in a shell from the project directory to see why");
        }
    }

    private static String chomp(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") || s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
