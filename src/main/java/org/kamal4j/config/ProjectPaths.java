package org.kamal4j.config;

import java.util.Map;

/**
 * The project-relative paths deploy.yml names, defaults applied. The defaults live here and nowhere else: the
 * validator and the loader read the raw tree through {@link #hooks(Map)} and {@link #secrets(Map)}.
 *
 * @param asset      root {@code asset_path} (a role's own wins: {@link Role#assetPath()}); null when unset
 * @param hooks      {@code hooks_path}, default {@value #DEFAULT_HOOKS}
 * @param secrets    {@code secrets_path}, default {@value #DEFAULT_SECRETS}
 * @param errorPages {@code error_pages_path}; null when unset
 */
public record ProjectPaths(String asset, String hooks, String secrets, String errorPages) {

    public static final String DEFAULT_HOOKS = ".kamal/hooks";
    public static final String DEFAULT_SECRETS = ".kamal/secrets";

    /** {@code hooks_path} of a deploy.yml tree, or the default. */
    public static String hooks(Map<String, Object> root) {
        Object v = root.get("hooks_path");
        return v == null ? DEFAULT_HOOKS : v.toString();
    }

    /** {@code secrets_path} of a deploy.yml tree, or the default. */
    public static String secrets(Map<String, Object> root) {
        Object v = root.get("secrets_path");
        return v == null ? DEFAULT_SECRETS : v.toString();
    }
}
