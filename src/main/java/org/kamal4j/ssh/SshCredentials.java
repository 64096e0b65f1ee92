package org.kamal4j.ssh;

import java.nio.file.Path;
import java.util.List;

/**
 * Key material from outside deploy.yml (a settings.xml {@code <server>}): private key files and their passphrase.
 *
 * @param keys       private key files tried before the deploy.yml keys
 * @param passphrase passphrase for encrypted keys, or null
 */
public record SshCredentials(List<Path> keys, String passphrase) {

    public static final SshCredentials NONE = new SshCredentials(List.of(), null);

    public SshCredentials {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    @Override
    public String toString() {
        return "SshCredentials[keys=" + keys + ", passphrase=" + (passphrase == null ? "none" : "[REDACTED]") + "]";
    }
}
