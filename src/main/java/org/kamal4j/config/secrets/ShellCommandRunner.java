package org.kamal4j.config.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs {@code sh -c command} in the project directory. Standard input and error stay attached to the
 * terminal, as with Ruby's backticks, so password managers can prompt.
 */
final class ShellCommandRunner implements CommandRunner {

    private final Path workDir;
    private final Map<String, String> environment;

    ShellCommandRunner(Path workDir, Map<String, String> environment) {
        this.workDir = workDir;
        this.environment = environment;
    }

    @Override
    public String run(String command) {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = pb.start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code = process.waitFor();
            if (code != 0) {
                throw new LocalCommandFailedException("the command exited with status " + code);
            }
            return out;
        } catch (IOException e) {
            throw new LocalCommandFailedException("the command could not be started (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalCommandFailedException("interrupted while waiting for the command");
        }
    }
}
