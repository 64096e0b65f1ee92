package org.kamal4j.config;

import java.util.List;
import java.util.Map;

/** How the kamal-proxy container itself is started ({@code proxy.run}). */
public record ProxyRun(
        int httpPort,
        int httpsPort,
        Integer metricsPort,
        boolean debug,
        String logMaxSize,
        boolean publish,
        List<String> bindIps,
        String registry,
        String repository,
        String version,
        Map<String, Object> options) {

    public static final String DEFAULT_REPOSITORY = "basecamp/kamal-proxy";
    public static final String MINIMUM_VERSION = "v0.9.2";
    public static final ProxyRun DEFAULT = new ProxyRun(80, 443, null, false, "10m", true, List.of(), null,
            DEFAULT_REPOSITORY, MINIMUM_VERSION, Map.of());

    /** {@code [registry/]repository:version}. */
    public String image() {
        return (registry == null ? "" : registry + "/") + repository + ":" + version;
    }
}
