package org.kamal4j.config;

import java.util.List;

/**
 * SSH settings: Kamal's {@code ssh} section plus our own host-key and timeout settings.
 *
 * @param config        null or empty: no file is read; {@code ["true"]} ({@code config: true}): ~/.ssh/config;
 *                      else these files
 * @param hostKeyPolicy {@code strict} (default: known_hosts must match) or {@code accept-new}
 * @param serverId      a settings.xml {@code <server>} id whose privateKey/passphrase are used
 */
public record Ssh(
        String user,
        int port,
        String proxy,
        String proxyCommand,
        String logLevel,
        Boolean keysOnly,
        List<String> keys,
        List<String> keyData,
        List<String> config,
        Boolean forwardAgent,
        String hostKeyPolicy,
        String knownHosts,
        int connectTimeout,
        int commandTimeout,
        int keepaliveInterval,
        String serverId) {

    /**
     * Seconds any one remote command may run (pulls get {@code ImageCommands.PULL_TIMEOUT}); 0 = no limit.
     * Five minutes: far above any normal step, short enough that a frozen daemon does not hold the lock for long.
     */
    public static final int DEFAULT_COMMAND_TIMEOUT = 300;

    public static final Ssh DEFAULT = new Ssh("root", 22, null, null, "fatal", null, null, null, null, null,
            "strict", null, 30, DEFAULT_COMMAND_TIMEOUT, 30, null);

}
