package org.kamal4j.config;

/**
 * Registry settings. Username and password are each either a literal or the name of a secret; resolve them
 * through {@link Secrets}. {@code server} null means Docker Hub.
 */
public record Registry(String server, SecretValue username, SecretValue password) {

    /** A registry is local when its server starts with {@code localhost:} (no credentials needed). */
    public boolean local() {
        return server != null && server.startsWith("localhost:");
    }
}
