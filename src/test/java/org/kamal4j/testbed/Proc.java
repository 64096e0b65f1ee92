package org.kamal4j.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a local process to completion and returns its stdout, failing loudly (with stderr) otherwise. */
final class Proc {
    private Proc() {
    }

    static String run(List<String> command, Map<String, String> env, int timeoutSeconds) {
        Path err = null;
        try {
            err = Files.createTempFile("fleet-proc", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Failed (exit " + p.exitValue() + "): " + command + "\n" + out
                        + Files.readString(err) + "\nFleet tests need root, iproute2, openssh-server,"
                        + " docker.io, docker-registry (see docs/testing.md), or run with -Pno-fleet.");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + command, e);
        } finally {
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }
}
