package org.kamal4j.config.secrets;

/** A secrets file could not be evaluated; the message names the file and line but never a value. */
public class SecretsFileException extends RuntimeException {

    public SecretsFileException(String message) {
        super(message);
    }

    public SecretsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
