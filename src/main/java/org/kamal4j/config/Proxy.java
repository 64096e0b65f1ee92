package org.kamal4j.config;

import java.util.List;

/**
 * kamal-proxy settings for one role or accessory (root settings already merged in). Null fields mean "not set",
 * which leaves kamal-proxy's own default in force.
 *
 * @param hosts        from {@code host} (split on commas) or {@code hosts}
 * @param pathPrefixes from {@code path_prefixes}, or {@code path_prefix} split on commas
 */
public record Proxy(
        List<String> hosts,
        int appPort,
        boolean ssl,
        String sslCertificatePem,
        String sslPrivateKeyPem,
        Boolean sslRedirect,
        Boolean forwardHeaders,
        Integer responseTimeout,
        List<String> pathPrefixes,
        Boolean stripPathPrefix,
        String healthcheckPath,
        Integer healthcheckInterval,
        Integer healthcheckTimeout,
        boolean bufferRequests,
        boolean bufferResponses,
        Long maxRequestBody,
        Long maxResponseBody,
        Long bufferMemory,
        List<String> logRequestHeaders,
        List<String> logResponseHeaders,
        ProxyRun run) {

    public static final List<String> DEFAULT_LOG_REQUEST_HEADERS = List.of("Cache-Control", "Last-Modified",
            "User-Agent");

    /** Custom certificates are configured (both PEM secrets named). */
    public boolean customCertificate() {
        return sslCertificatePem != null && sslPrivateKeyPem != null;
    }
}
