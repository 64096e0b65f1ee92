package org.kamal4j.config.erb;

import java.util.Map;
import java.util.function.Function;

/**
 * The Ruby expressions rendered without Ruby: string literals, {@code ENV["X"]}, {@code ENV.fetch("X")},
 * {@code ENV.fetch("X", default)}, {@code ENV.fetch("X") { default }} and {@code a || b}, with Ruby's
 * semantics (a missing key is nil, only nil is falsy here, {@code fetch} without default raises KeyError).
 */
final class EnvExpression {

    /** The code is outside the supported subset. */
    static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** A key that {@code ENV.fetch} without a default did not find. */
    static final class KeyNotFound extends RuntimeException {
        final String key;

        KeyNotFound(String key) {
            super("key not found: " + key);
            this.key = key;
        }
    }

    /** An evaluation, given ENV: nil is null. */
    interface Node extends Function<Map<String, String>, String> {}

    private final String code;
    private int i;

    private EnvExpression(String code) {
        this.code = code;
    }

    /** Parses the code of a {@code <%= %>} tag. */
    static Node parse(String code) throws Unsupported {
        EnvExpression p = new EnvExpression(code);
        Node node = p.or();
        p.skipSpace();
        if (p.i != code.length()) {
            throw new Unsupported();
        }
        return node;
    }

    private Node or() throws Unsupported {
        Node left = operand();
        while (accept("||")) {
            Node l = left;
            Node right = operand();
            left = env -> {
                String v = l.apply(env);
                return v != null ? v : right.apply(env);
            };
        }
        return left;
    }

    private Node operand() throws Unsupported {
        skipSpace();
        if (peek() == '"' || peek() == '\'') {
            String s = RubyString.literal(code, i);
            i = RubyString.end(code, i);
            return env -> s;
        }
        if (accept("ENV.fetch")) {
            return fetch();
        }
        if (accept("ENV")) {
            expect("[");
            String key = key();
            expect("]");
            return env -> env.get(key);
        }
        throw new Unsupported();
    }

    private Node fetch() throws Unsupported {
        expect("(");
        String key = key();
        Node fallback = accept(",") ? or() : null;
        expect(")");
        if (fallback == null && accept("{")) {
            fallback = or();
            expect("}");
        }
        Node orElse = fallback;
        return env -> {
            String v = env.get(key);
            if (v != null) {
                return v;
            }
            if (orElse == null) {
                throw new KeyNotFound(key);
            }
            return orElse.apply(env);
        };
    }

    private String key() throws Unsupported {
        skipSpace();
        if (peek() != '"' && peek() != '\'') {
            throw new Unsupported();
        }
        String key = RubyString.literal(code, i);
        i = RubyString.end(code, i);
        return key;
    }

    private boolean accept(String token) {
        skipSpace();
        if (code.startsWith(token, i) && !(Character.isLetter(token.charAt(token.length() - 1)) && isIdentAt(i + token.length()))) {
            i += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) throws Unsupported {
        if (!accept(token)) {
            throw new Unsupported();
        }
    }

    private boolean isIdentAt(int p) {
        return p < code.length() && (Character.isLetterOrDigit(code.charAt(p)) || code.charAt(p) == '_');
    }

    private char peek() {
        return i < code.length() ? code.charAt(i) : '\0';
    }

    private void skipSpace() {
        while (i < code.length() && " \t\r\n".indexOf(code.charAt(i)) >= 0) {
            i++;
        }
    }
}
