package org.kamal4j.commands;

/**
 * The one place where a {@link Command} becomes the single string a remote POSIX shell reads.
 *
 * <p>Literal arguments are single-quoted (a single quote becomes {@code '\''}), so the remote process receives
 * exactly the argv that was built, whatever it contains. {@link Command.Expand} arguments are double-quoted with
 * {@code "}, {@code \}, and backtick escaped, leaving {@code $} active so that {@code $PWD} and {@code ${VAR}}
 * expand on the host. Raw parts are operators written by our own builders and are passed through.
 */
public final class ShellQuoting {

    private ShellQuoting() {}

    /** Renders the whole command line. */
    public static String render(Command command) {
        StringBuilder sb = new StringBuilder();
        for (Command.Part part : command.parts()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (part instanceof Command.Arg a) {
                sb.append(quote(a.value()));
            } else if (part instanceof Command.Expand e) {
                sb.append(quoteExpanding(e.value()));
            } else {
                sb.append(((Command.Raw) part).text());
            }
        }
        return sb.toString();
    }

    /** Quotes one literal argument; plain words (letters, digits and {@code -_./:=@%+,}) are left bare. */
    public static String quote(String value) {
        if (!value.isEmpty() && value.chars().allMatch(ShellQuoting::isSafe)) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Quotes one argument leaving {@code $} expansion to the remote shell. */
    public static String quoteExpanding(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '`') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_./:=@%+,".indexOf(c) >= 0;
    }
}
