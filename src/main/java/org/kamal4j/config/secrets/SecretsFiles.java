package org.kamal4j.config.secrets;

import java.nio.file.Path;
import java.util.Map;
import org.kamal4j.config.Secrets;

/** Secrets read from Kamal's secrets files. Placeholder signature: the implementation lands with the secrets work. */
public final class SecretsFiles implements Secrets {

    /**
     * @param baseDir     the project directory (relative paths resolve against it; {@code $(...)} runs there)
     * @param secretsPath {@code secrets_path} as configured (default {@code .kamal/secrets})
     * @param destination the destination or null
     * @param environment the process environment ({@code $VAR} fallback)
     */
    public SecretsFiles(Path baseDir, String secretsPath, String destination, Map<String, String> environment) {}

    @Override
    public String get(String name) {
        throw new UnsupportedOperationException("secrets files are not implemented yet");
    }

    @Override
    public Map<String, String> all() {
        throw new UnsupportedOperationException("secrets files are not implemented yet");
    }
}
