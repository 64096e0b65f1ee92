package org.kamal4j.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code builder.jib} section: build the image with Jib from the Maven project itself (no Docker daemon, no
 * Dockerfile). Lists and maps are never null; strings are null when unset.
 *
 * @param from base image (required), e.g. {@code registry.example/jre:17}
 * @param mainClass main class; null: the one class with a {@code main} method among the project's classes
 * @param entrypoint replaces the whole {@code java ... MainClass} entrypoint when not empty
 * @param jvmFlags flags placed before the main class
 * @param programArgs arguments after the main class (the image's CMD)
 * @param ports exposed ports, {@code 8080} or {@code 8080/tcp} or {@code 53/udp}
 * @param labels image labels (Kamal's {@code service} label is always added)
 * @param environment image environment variables
 * @param extraDirectories {@code DIR} (copied to /) or {@code DIR:/path/in/image}, DIR relative to the project
 * @param user {@code USER} of the image
 * @param workingDirectory {@code WORKDIR} of the image
 * @param appRoot where classes, resources and libraries go; default {@code /app}
 * @param allowInsecureRegistries allow plain HTTP and unverified TLS registries (both base and target)
 */
public record Jib(
        String from,
        String mainClass,
        List<String> entrypoint,
        List<String> jvmFlags,
        List<String> programArgs,
        List<String> ports,
        Map<String, String> labels,
        Map<String, String> environment,
        List<String> extraDirectories,
        String user,
        String workingDirectory,
        String appRoot,
        boolean allowInsecureRegistries) {

    /** The keys of the section, as written in deploy.yml. */
    public static final List<String> KEYS = List.of("from", "main_class", "entrypoint", "jvm_flags", "args", "ports",
            "labels", "environment", "extra_directories", "user", "working_directory", "app_root",
            "allow_insecure_registries");
}
