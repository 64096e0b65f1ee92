package org.kamal4j.commands;

import java.util.ArrayList;
import java.util.List;
import org.kamal4j.commands.Command.Text;
import org.kamal4j.commands.Command.Text.Kind;

/** A small mutable helper that collects the parts of one command line for the builders of this package. */
final class Line {

    private final List<Command.Part> parts = new ArrayList<>();

    static Line of(String... args) {
        return new Line().args(args);
    }

    Line args(String... args) {
        for (String a : args) {
            add(Kind.ARG, a);
        }
        return this;
    }

    Line args(List<String> args) {
        return args(args.toArray(String[]::new));
    }

    /** A flag followed by a value escaped as Kamal escapes values ({@code ${...}} stays active). */
    Line value(String flag, String value) {
        return add(Kind.ARG, flag).add(Kind.INTERPOLATED, value);
    }

    /** One argument escaped as Kamal escapes values. */
    Line interpolated(String value) {
        return add(Kind.INTERPOLATED, value);
    }

    /** One argument where the remote shell expands {@code $VAR} (volumes written as in deploy.yml). */
    Line expand(String value) {
        return add(Kind.EXPAND, value);
    }

    /** User shell text as written; nothing when it is null or blank (a role without a {@code cmd}). */
    Line verbatim(String text) {
        return text == null || text.isBlank() ? this : add(Kind.VERBATIM, text);
    }

    Line raw(String text) {
        return add(Kind.RAW, text);
    }

    private Line add(Kind kind, String text) {
        parts.add(new Text(kind, text));
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
