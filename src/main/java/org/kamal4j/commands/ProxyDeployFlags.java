package org.kamal4j.commands;

import java.util.List;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Proxy;

/** The flags of {@code kamal-proxy deploy} in Kamal's order and rendering. */
record ProxyDeployFlags(DeployConfig config, Proxy proxy, String appConfigInContainer) {

    Line append(Line line, String target, String tlsRole, String version) {
        line.interpolated("--target=" + target + ":" + proxy.appPort());
        proxy.hosts().forEach(h -> line.interpolated("--host=" + h));
        tls(line, tlsRole);
        line.interpolated("--deploy-timeout=" + config.timeouts().deploy() + "s");
        line.interpolated("--drain-timeout=" + config.timeouts().drain() + "s");
        seconds(line, "--health-check-interval", proxy.healthcheckInterval());
        seconds(line, "--health-check-timeout", proxy.healthcheckTimeout());
        optional(line, "--health-check-path", proxy.healthcheckPath());
        seconds(line, "--target-timeout", proxy.responseTimeout());
        buffering(line);
        proxy.pathPrefixes().forEach(p -> line.interpolated("--path-prefix=" + p));
        flag(line, "--strip-path-prefix", proxy.stripPathPrefix());
        flag(line, "--forward-headers", proxy.forwardHeaders());
        flag(line, "--tls-redirect", proxy.sslRedirect());
        headers(line);
        if (config.paths().errorPages() != null) {
            line.interpolated("--error-pages=" + appConfigInContainer + "/error_pages/" + version);
        }
        return line;
    }

    private void tls(Line line, String tlsRole) {
        if (proxy.ssl()) {
            line.args("--tls");
        }
        if (proxy.customCertificate()) {
            String tls = appConfigInContainer + "/tls/" + tlsRole;
            line.interpolated("--tls-certificate-path=" + tls + "/cert.pem");
            line.interpolated("--tls-private-key-path=" + tls + "/key.pem");
        }
    }

    private void buffering(Line line) {
        flag(line, "--buffer-requests", proxy.bufferRequests());
        flag(line, "--buffer-responses", proxy.bufferResponses());
        optional(line, "--buffer-memory", proxy.bufferMemory());
        optional(line, "--max-request-body", proxy.maxRequestBody());
        optional(line, "--max-response-body", proxy.maxResponseBody());
    }

    private void headers(Line line) {
        List<String> request = proxy.logRequestHeaders() == null ? Proxy.DEFAULT_LOG_REQUEST_HEADERS
                : proxy.logRequestHeaders();
        request.forEach(h -> line.interpolated("--log-request-header=" + h));
        if (proxy.logResponseHeaders() != null) {
            proxy.logResponseHeaders().forEach(h -> line.interpolated("--log-response-header=" + h));
        }
    }

    /** {@code --flag="<n>s"} when set. */
    static void seconds(Line line, String flag, Integer value) {
        if (value != null) {
            line.interpolated(flag + "=" + value + "s");
        }
    }

    /** {@code --flag="<value>"} when set. */
    static void optional(Line line, String flag, Object value) {
        if (value != null) {
            line.interpolated(flag + "=" + value);
        }
    }

    /** A bare flag for true, {@code --flag="false"} for false, nothing when unset. */
    static void flag(Line line, String flag, Boolean value) {
        if (Boolean.TRUE.equals(value)) {
            line.args(flag);
        } else if (Boolean.FALSE.equals(value)) {
            line.interpolated(flag + "=false");
        }
    }
}
