package org.kamal4j.config.yaml;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which key paths of a deploy.yml hold lists, for sources without YAML's own list syntax (the pom's
 * {@code <deploy>} element). Paths are slash-joined; {@code *} is one key.
 */
public final class ListPaths {

    private static final List<Pattern> PATTERNS = List.of(
            "volumes", "servers/[^/]+/hosts", "(.+/)?env/secret", "env/tags/[^/]+/secret",
            "(accessories/[^/]+/)?registry/(username|password)", "builder/arch", "builder/secrets",
            "builder/pack/buildpacks",
            "builder/jib/(entrypoint|jvm_flags|args|ports|extra_directories)", "accessories/[^/]+/(hosts|roles|tags|files|directories|volumes)",
            "ssh/(keys|key_data|config)", "(.+/)?proxy/(hosts|path_prefixes)",
            "(.+/)?proxy/logging/(request_headers|response_headers)", "(.+/)?proxy/run/bind_ips",
            "(.+/)?options/[^/]+").stream().map(Pattern::compile).toList();

    private ListPaths() {}

    /** Whether the value at {@code path}, when it has child elements, is a list of them. */
    public static boolean isList(String path) {
        return PATTERNS.stream().anyMatch(p -> p.matcher(path).matches());
    }
}
