package org.kamal4j.config;

/** Connection caps: {@code sshkit.*} with Kamal's defaults (30, 900 s, 3). */
public record Sshkit(int maxConcurrentStarts, int poolIdleTimeout, int dnsRetries) {
    public static final Sshkit DEFAULT = new Sshkit(30, 900, 3);
}
