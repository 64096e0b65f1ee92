package org.kamal4j.config;

import java.util.Map;

/**
 * Secret values by name, read lazily (once, on first lookup) from the secrets files. Implementations are
 * thread-safe and serialise evaluation, because evaluating a file may prompt the user.
 */
public interface Secrets {

    /** The value of {@code name}; fails with Kamal's message ({@code Secret 'X' not found in ...}) if absent. */
    String get(String name);

    /** Every secret, for hooks. */
    Map<String, String> all();

    /** A fixed set of secrets (tests, pom configuration). */
    static Secrets of(Map<String, String> values) {
        return new Secrets() {
            @Override
            public String get(String name) {
                String v = values.get(name);
                if (v == null) {
                    throw new SecretNotFoundException("Secret '" + name + "' not found");
                }
                return v;
            }

            @Override
            public Map<String, String> all() {
                return Map.copyOf(values);
            }
        };
    }
}
