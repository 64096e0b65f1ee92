package org.kamal4j.config;

import java.util.List;
import java.util.Map;

/** The {@code builder} section; {@code jib} is null unless the image is built with Jib. */
public record Builder(
        List<String> arch,
        String remote,
        boolean local,
        String driver,
        String context,
        String dockerfile,
        String target,
        Map<String, String> args,
        List<String> secrets,
        String ssh,
        String cacheType,
        String cacheOptions,
        String cacheImage,
        String packBuilder,
        List<String> packBuildpacks,
        String provenance,
        Boolean sbom,
        Jib jib) {

    /**
     * Whether the image is built from the working tree as it stands ({@code context}, or Jib from the compiled
     * classes), so uncommitted changes can reach it; otherwise docker builds a clean clone of HEAD, as Kamal does.
     */
    public boolean buildsWorkingTree() {
        return context != null || jib != null;
    }
}
