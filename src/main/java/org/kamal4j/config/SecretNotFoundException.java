package org.kamal4j.config;

/** A secret was looked up that no secrets file defines. */
public class SecretNotFoundException extends RuntimeException {
    public SecretNotFoundException(String message) {
        super(message);
    }
}
