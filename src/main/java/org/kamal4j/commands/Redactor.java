package org.kamal4j.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces secret values in text: the one rule every log line and exception message goes through. */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    private Redactor() {}

    /** Returns {@code text} with every occurrence of each non-empty secret replaced by {@link #MASK}. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        // Longest first, so a secret that contains another is masked whole.
        List<String> sorted = new ArrayList<>(secrets);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String s : sorted) {
            if (s != null && !s.isEmpty()) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }
}
