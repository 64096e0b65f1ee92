package org.kamal4j.commands;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces secret values in text: the one rule every log line and exception message goes through.
 *
 * <p>A secret is masked in every form in which we write it: as it is, escaped for an env file, inside single
 * or double quotes on a command line, and base64-encoded (lock details), at any alignment. Values shorter than
 * {@link #MIN_LENGTH} characters are not used for redaction: masking {@code any} would turn every line with the
 * word into noise while hiding nothing worth hiding (Kamal has the same trade-off; docs/configuration.md).
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    /** The shortest secret value that is searched for and masked. */
    public static final int MIN_LENGTH = 4;

    private Redactor() {}

    /** Returns {@code text} with every form of each secret of at least {@link #MIN_LENGTH} masked. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_LENGTH) {
                forms.addAll(forms(s));
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String f : sorted) {
            out = out.replace(f, MASK);
        }
        return out;
    }

    /** Every way the secret can be written by us. */
    static Set<String> forms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(EnvFile.escape(secret));
        forms.add(secret.replace("'", "'\\''"));
        forms.add(ShellQuoting.inDoubleQuotes(secret));
        forms.add(unquoted(ShellQuoting.quoteExpanding(secret)));
        forms.add(unquoted(ShellQuoting.quoteInterpolated("${A}" + secret)).substring("${A}".length()));
        forms.addAll(base64Cores(secret.getBytes(StandardCharsets.UTF_8)));
        forms.removeIf(f -> f.length() < MIN_LENGTH);
        return forms;
    }

    private static String unquoted(String quoted) {
        return quoted.length() >= 2 && (quoted.startsWith("\"") || quoted.startsWith("'"))
                ? quoted.substring(1, quoted.length() - 1) : quoted;
    }

    /**
     * The part of the base64 text that depends only on the secret, for each of the three alignments it can
     * have inside a longer encoded text.
     */
    private static List<String> base64Cores(byte[] secret) {
        List<String> cores = new ArrayList<>();
        for (int pad = 0; pad < 3; pad++) {
            byte[] padded = new byte[pad + secret.length];
            System.arraycopy(secret, 0, padded, pad, secret.length);
            String enc = Base64.getEncoder().withoutPadding().encodeToString(padded);
            int from = (pad * 8 + 5) / 6; // first character with no bit of the prefix
            int to = (padded.length * 8) / 6; // characters made only of secret bits
            if (to - from >= MIN_LENGTH) {
                cores.add(enc.substring(from, to));
            }
        }
        return cores;
    }
}
