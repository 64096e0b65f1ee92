package org.kamal4j.config.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kamal4j.config.Proxy;
import org.kamal4j.config.ProxyRun;

/** Builds {@link Proxy} and {@link ProxyRun} records from (already merged) proxy maps. */
final class ProxyBuilder {

    private ProxyBuilder() {}

    static Proxy of(Map<String, Object> p) {
        Map<String, Object> health = Values.map(p, "healthcheck");
        Map<String, Object> buffering = Values.map(p, "buffering");
        Map<String, Object> logging = Values.map(p, "logging");
        Map<String, Object> ssl = Values.map(p, "ssl");
        List<String> requestHeaders = Values.strings(logging.get("request_headers"));
        return new Proxy(hosts(p), Values.integer(p, "app_port", 80),
                p.get("ssl") != null && !Boolean.FALSE.equals(p.get("ssl")),
                Values.str(ssl, "certificate_pem"), Values.str(ssl, "private_key_pem"),
                Values.bool(p, "ssl_redirect"), Values.bool(p, "forward_headers"),
                Values.integer(p, "response_timeout"), prefixes(p), Values.bool(p, "strip_path_prefix"),
                Values.str(health, "path"), Values.integer(health, "interval"), Values.integer(health, "timeout"),
                Values.bool(buffering, "requests", true), Values.bool(buffering, "responses", true),
                Values.longValue(buffering, "max_request_body"), Values.longValue(buffering, "max_response_body"),
                Values.longValue(buffering, "memory"),
                requestHeaders == null ? Proxy.DEFAULT_LOG_REQUEST_HEADERS : requestHeaders,
                orEmpty(Values.strings(logging.get("response_headers"))),
                p.get("run") instanceof Map ? run(Values.map(p, "run")) : null);
    }

    static ProxyRun run(Map<String, Object> r) {
        ProxyRun d = ProxyRun.DEFAULT;
        return new ProxyRun(Values.integer(r, "http_port", d.httpPort()), Values.integer(r, "https_port",
                d.httpsPort()), Values.integer(r, "metrics_port"), Values.bool(r, "debug", false),
                r.containsKey("log_max_size") ? Values.str(r, "log_max_size") : d.logMaxSize(),
                Values.bool(r, "publish", true), orEmpty(Values.strings(r.get("bind_ips"))), Values.str(r, "registry"),
                r.containsKey("repository") ? Values.str(r, "repository") : d.repository(),
                r.containsKey("version") ? Values.str(r, "version") : d.version(), Values.map(r, "options"));
    }

    private static List<String> hosts(Map<String, Object> p) {
        if (p.get("hosts") != null) {
            return Values.strings(p.get("hosts"));
        }
        return p.get("host") == null ? List.of() : split(Values.str(p, "host"));
    }

    private static List<String> prefixes(Map<String, Object> p) {
        if (p.get("path_prefixes") != null) {
            return Values.strings(p.get("path_prefixes"));
        }
        return p.get("path_prefix") == null ? List.of() : split(Values.str(p, "path_prefix"));
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
