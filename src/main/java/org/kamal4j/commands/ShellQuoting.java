package org.kamal4j.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one place where a {@link Command} becomes the single string a remote POSIX shell reads.
 *
 * <p>Literal arguments ({@link Command.Text.Kind#ARG}) are single-quoted (a single quote becomes {@code '\''}), so
 * the remote process receives exactly the argv that was built, whatever it contains. {@code EXPAND} arguments keep
 * only plain {@code $NAME} and {@code ${NAME}} references active (NAME a shell variable name), so {@code $PWD} and
 * {@code ${VAR}} expand on the host. {@code INTERPOLATED} arguments keep only {@code ${NAME}} active.
 * Every other {@code $} (command substitution, arithmetic, {@code ${X:=..}}, {@code ${X@P}}, {@code $1}) and every
 * backtick, quote and backslash is escaped: the one rule docs/configuration.md states.
 * {@code RAW} parts are operators written by our own builders and, like {@code VERBATIM} user shell text, are
 * passed through. A {@link Command.Subshell} is {@code sh -c} with its inner command rendered here and quoted as
 * one argument.
 */
public final class ShellQuoting {

    private ShellQuoting() {}

    /** Renders the whole command line: the exact string the remote shell reads. */
    public static String render(Command command) {
        return render(command, UnaryOperator.identity());
    }

    /**
     * Renders the command line for logs and errors with every secret value shown as {@link Redactor#MASK}. Each
     * secret is swapped for a placeholder before its part is quoted, so it is found however deeply it is nested
     * ({@link Command.Subshell}, {@link Command.Substitution}) and however quoting escaped it. A placeholder is
     * quoted exactly when the secret would be, so the line reads as if the mask had been the value.
     */
    public static String renderRedacted(Command command) {
        List<String> secrets = new ArrayList<>(command.secrets());
        secrets.removeIf(String::isEmpty);
        // Longest first, so a secret that contains another is masked whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (String secret : secrets) {
            int n = placeholders.size();
            boolean bare = secret.chars().allMatch(ShellQuoting::isSafe);
            placeholders.put(secret, bare ? "KAMAL4JSECRET" + n + "Z" : "\u0001" + n + "\u0001");
        }
        String line = render(command, v -> {
            String out = v;
            for (Map.Entry<String, String> e : placeholders.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
            return out;
        });
        for (String placeholder : placeholders.values()) {
            line = line.replace(placeholder, Redactor.MASK);
        }
        // A secret split over several parts is only whole in the rendered line.
        return Redactor.redact(line, secrets);
    }

    private static String render(Command command, UnaryOperator<String> values) {
        StringBuilder sb = new StringBuilder();
        for (Command.Part part : command.parts()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(renderPart(part, values));
        }
        return sb.toString();
    }

    private static String renderPart(Command.Part part, UnaryOperator<String> values) {
        if (part instanceof Command.Text t) {
            String text = values.apply(t.text());
            return switch (t.kind()) {
                case ARG -> quote(text);
                case EXPAND -> quoteExpanding(text);
                case INTERPOLATED -> quoteInterpolated(text);
                case VERBATIM, RAW -> text;
            };
        }
        if (part instanceof Command.Substitution s) {
            return substitution(s, values);
        }
        return "sh -c " + quote(render(((Command.Subshell) part).inner(), values));
    }

    /** Quotes one literal argument; plain words (letters, digits and {@code -_./:=@%+,}) are left bare. */
    public static String quote(String value) {
        if (!value.isEmpty() && value.chars().allMatch(ShellQuoting::isSafe)) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Quotes one argument leaving only {@code $NAME} and {@code ${NAME}} to the remote shell. */
    public static String quoteExpanding(String value) {
        if (value.indexOf('$') < 0) {
            return quote(value);
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '`' || (c == '$' && !startsGroup(value, i) && !startsName(value, i))) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /**
     * Quotes one argument so that only {@code ${NAME}} groups expand remotely; without such a group this is
     * {@link #quote(String)}. Kamal leaves any {@code ${...}} active; we keep only plain variable references,
     * so {@code ${Z:=..}${Z@P}} and the like stay literal.
     */
    public static String quoteInterpolated(String value) {
        if (!hasGroup(value)) {
            return quote(value);
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '`' || (c == '$' && !startsGroup(value, i))) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** Quotes literal text for use inside double quotes, escaping only where the shell would interpret. */
    static String inDoubleQuotes(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean special = c == '"' || c == '`' || c == '$';
            boolean backslash = c == '\\' && (i + 1 == value.length()
                    || "\"`$\\\n".indexOf(value.charAt(i + 1)) >= 0);
            if (special || backslash) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String substitution(Command.Substitution s, UnaryOperator<String> values) {
        String inner = "$(" + render(s.inner(), values) + ")";
        String prefixValue = values.apply(s.prefix());
        String suffixValue = values.apply(s.suffix());
        if (s.quoted()) {
            return "\"" + inDoubleQuotes(prefixValue) + inner + inDoubleQuotes(suffixValue) + "\"";
        }
        String prefix = prefixValue.isEmpty() ? "" : quote(prefixValue);
        String suffix = suffixValue.isEmpty() ? "" : quote(suffixValue);
        return prefix + inner + suffix;
    }

    private static boolean hasGroup(String value) {
        for (int i = value.indexOf('$'); i >= 0; i = value.indexOf('$', i + 1)) {
            if (startsGroup(value, i)) {
                return true;
            }
        }
        return false;
    }

    /** {@code $} followed by {@code {NAME}}. */
    private static boolean startsGroup(String value, int dollar) {
        if (dollar + 1 >= value.length() || value.charAt(dollar + 1) != '{') {
            return false;
        }
        int end = nameEnd(value, dollar + 2);
        return end > dollar + 2 && end < value.length() && value.charAt(end) == '}';
    }

    /** {@code $} followed by a NAME (a letter or underscore first): {@code $PWD}. */
    private static boolean startsName(String value, int dollar) {
        return nameEnd(value, dollar + 1) > dollar + 1;
    }

    /** The index after the shell variable name starting at {@code from} ({@code from} itself if none). */
    private static int nameEnd(String value, int from) {
        int i = from;
        while (i < value.length()) {
            char c = value.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!(letter || (i > from && c >= '0' && c <= '9'))) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_./:=@%+,".indexOf(c) >= 0;
    }
}
