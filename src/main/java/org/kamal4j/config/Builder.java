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
        Jib jib) {}
