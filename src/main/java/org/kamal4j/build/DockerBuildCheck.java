package org.kamal4j.build;

import java.util.ArrayList;
import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.config.Builder;

/**
 * What the plain {@code docker build} path can and cannot honour, decided before anything is built: it builds for
 * the local daemon's architecture only, so any other {@code builder.arch} stops the deploy (never a wrong-arch
 * image), and builder keys it does not act on are named in warnings instead of being ignored silently
 * ({@code secrets} and {@code ssh} are acted on: a BuildKit build, see ImageCommands#build).
 */
public final class DockerBuildCheck {

    private DockerBuildCheck() {}

    /**
     * Fails unless {@code builder.arch} is exactly the daemon's architecture ({@code docker version} reports
     * {@code amd64}, {@code arm64}, ...).
     */
    public static void checkArch(List<String> arch, String daemonArch) throws FlowException {
        String local = normalize(daemonArch);
        if (arch.size() > 1) {
            throw new FlowException("builder/arch lists " + String.join(", ", arch) + ": a multi-arch image needs "
                    + "docker buildx, which this plugin's docker build does not use yet. Set builder/arch to the one "
                    + "architecture of your servers, or use builder/jib with a base image that is a manifest list");
        }
        if (!arch.isEmpty() && !normalize(arch.get(0)).equals(local)) {
            throw new FlowException("builder/arch is " + arch.get(0) + " but the local Docker daemon builds " + local
                    + " images, and this plugin's docker build does not cross-build (no buildx/emulation). Build on "
                    + "an " + arch.get(0) + " machine, set builder/arch: " + local + " if your servers are " + local
                    + ", or use builder/jib (no daemon; needs a base image for " + arch.get(0) + ")");
        }
    }

    /** One warning per builder key set in deploy.yml that the docker build path does not act on. */
    public static List<String> unusedKeys(Builder b) {
        List<String> out = new ArrayList<>();
        add(out, b.remote() != null, "remote", "remote builders are not used; the image is built locally");
        add(out, !b.local(), "local", "local: false is not honoured; the image is built locally");
        add(out, b.cacheType() != null, "cache", "no build cache is exported or imported");
        // docker-container (the default) and docker both end up as "the local daemon builds" here
        add(out, b.driver() != null && !List.of("docker-container", "docker").contains(b.driver()), "driver",
                "no buildx builder is created; the local daemon builds");
        add(out, b.packBuilder() != null, "pack", "buildpacks are not used; the Dockerfile is built");
        add(out, b.provenance() != null, "provenance", "no provenance attestation is made");
        add(out, b.sbom() != null, "sbom", "no SBOM attestation is made");
        return out;
    }

    private static void add(List<String> out, boolean set, String key, String what) {
        if (set) {
            out.add("builder/" + key + " is ignored by this plugin's docker build: " + what);
        }
    }

    private static String normalize(String arch) {
        String a = arch == null ? "" : arch.strip();
        return switch (a) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> a;
        };
    }
}
