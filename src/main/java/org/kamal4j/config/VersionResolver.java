package org.kamal4j.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Resolves the version as Kamal does: explicit, else {@code VERSION}, else {@code git rev-parse HEAD}. */
public final class VersionResolver {

    private VersionResolver() {}

    /**
     * @param contextBuild whether {@code builder.context} is set (then uncommitted changes add
     *                     {@code _uncommitted_<hex16>})
     * @return the version, or null when none can be found (the caller decides whether that is an error)
     */
    public static String resolve(String explicit, Map<String, String> env, Path baseDir, boolean contextBuild) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String fromEnv = env.get("VERSION");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        String head = git(baseDir, "rev-parse", "HEAD");
        if (head == null || head.isBlank()) {
            return null;
        }
        String status = contextBuild ? git(baseDir, "status", "--porcelain") : "";
        return status != null && !status.isBlank() ? head + "_uncommitted_" + randomHex16() : head;
    }

    /** Kamal's message when no version source exists. */
    public static String noVersionMessage(Path baseDir) {
        return "Can't use commit hash as version, no git repository found in " + baseDir.toAbsolutePath()
                + " (set -Dkamal.version=... or the VERSION environment variable)";
    }

    private static String randomHex16() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Output of a git command in {@code dir} (trimmed), or null if git is missing or fails. */
    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.getErrorStream().transferTo(OutputStream.nullOutputStream());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
