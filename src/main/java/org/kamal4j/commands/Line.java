package org.kamal4j.commands;

import java.util.ArrayList;
import java.util.List;

/** A small mutable helper that collects the parts of one command line for the builders of this package. */
final class Line {

    private final List<Command.Part> parts = new ArrayList<>();

    static Line of(String... args) {
        return new Line().args(args);
    }

    Line args(String... args) {
        for (String a : args) {
            parts.add(new Command.Arg(a));
        }
        return this;
    }

    Line args(List<String> args) {
        return args(args.toArray(String[]::new));
    }

    /** A flag followed by a value escaped as Kamal escapes values ({@code ${...}} stays active). */
    Line value(String flag, String value) {
        parts.add(new Command.Arg(flag));
        parts.add(new Command.Interpolated(value));
        return this;
    }

    /** One argument escaped as Kamal escapes values. */
    Line interpolated(String value) {
        parts.add(new Command.Interpolated(value));
        return this;
    }

    /** One argument where the remote shell expands {@code $VAR} (volumes written as in deploy.yml). */
    Line expand(String value) {
        parts.add(new Command.Expand(value));
        return this;
    }

    Line verbatim(String text) {
        if (text != null && !text.isBlank()) {
            parts.add(new Command.Verbatim(text));
        }
        return this;
    }

    Line raw(String text) {
        parts.add(new Command.Raw(text));
        return this;
    }

    /** {@code sh -c '<inner>'} (see {@link Command.Subshell}). */
    Line subshell(Command inner) {
        parts.add(new Command.Subshell(inner));
        return this;
    }

    Line substitution(String prefix, Command inner, String suffix, boolean quoted) {
        parts.add(new Command.Substitution(prefix, inner, suffix, quoted));
        return this;
    }

    Line addAll(Line other) {
        parts.addAll(other.parts);
        return this;
    }

    Command build() {
        return Command.ofParts(parts);
    }
}
