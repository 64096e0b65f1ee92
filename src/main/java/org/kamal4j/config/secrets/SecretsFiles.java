package org.kamal4j.config.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.config.SecretNotFoundException;
import org.kamal4j.config.Secrets;

/**
 * Secrets read from Kamal's secrets files: {@code <secrets_path>-common}, then {@code <secrets_path>} (or
 * {@code <secrets_path>.<destination>} instead), later files winning; evaluated once, on the first lookup.
 */
public final class SecretsFiles implements Secrets {

    private final Path baseDir;
    private final List<String> fileNames;
    private final Map<String, String> environment;
    private final CommandRunner runner;
    private Map<String, String> values;

    /**
     * @param baseDir     the project directory (relative paths resolve against it; {@code $(...)} runs there)
     * @param secretsPath {@code secrets_path} as configured (default {@code .kamal/secrets})
     * @param destination the destination or null
     * @param environment the process environment ({@code $VAR} fallback)
     */
    public SecretsFiles(Path baseDir, String secretsPath, String destination, Map<String, String> environment) {
        this(baseDir, secretsPath, destination, environment, new ShellCommandRunner(baseDir, environment));
    }

    SecretsFiles(Path baseDir, String secretsPath, String destination, Map<String, String> environment,
            CommandRunner runner) {
        this.baseDir = baseDir;
        String main = destination == null || destination.isEmpty() ? secretsPath : secretsPath + "." + destination;
        this.fileNames = List.of(secretsPath + "-common", main);
        this.environment = Map.copyOf(environment);
        this.runner = runner;
    }

    @Override
    public synchronized String get(String name) {
        String value = values().get(name);
        if (value != null) {
            return value;
        }
        List<String> existing = existingFiles();
        if (existing.isEmpty()) {
            throw new SecretNotFoundException("Secret '" + name + "' not found, no secret files ("
                    + String.join(", ", fileNames) + ") provided");
        }
        throw new SecretNotFoundException("Secret '" + name + "' not found in " + String.join(", ", existing));
    }

    @Override
    public synchronized Map<String, String> all() {
        return Map.copyOf(values());
    }

    /** The files that exist, in reading order, as configured (relative to the project directory). */
    public List<String> existingFiles() {
        return fileNames.stream().filter(f -> Files.exists(baseDir.resolve(f))).toList();
    }

    private Map<String, String> values() {
        if (values == null) {
            DotenvParser parser = new DotenvParser(environment, runner);
            Map<String, String> merged = new LinkedHashMap<>();
            for (String file : existingFiles()) {
                merged.putAll(parser.parse(read(baseDir.resolve(file)), file));
            }
            values = merged;
        }
        return values;
    }

    private static String read(Path file) {
        if (Files.isDirectory(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secrets file " + file + ": " + e.getMessage(), e);
        }
    }
}
