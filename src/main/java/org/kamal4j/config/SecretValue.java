package org.kamal4j.config;

/** A value given either literally or as the name of a secret (Kamal's one-element list form). */
public record SecretValue(String literal, String secretName) {

    public static SecretValue literal(String value) {
        return new SecretValue(value, null);
    }

    public static SecretValue secret(String name) {
        return new SecretValue(null, name);
    }

    public boolean isSecret() {
        return secretName != null;
    }

    /** The value, looking up the secret if it is one. */
    public String resolve(Secrets secrets) {
        return isSecret() ? secrets.get(secretName) : literal;
    }
}
