package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamal4j.config.Proxy;

/**
 * Issue 8's fuzz for the kamal-proxy fields (hosts, path prefixes, health check path, logged headers), the
 * maintenance message, server host names, and the performer and message of audit records (what hooks also get as
 * {@code KAMAL_PERFORMER}): seeded values from shell metacharacters, run through a real /bin/sh ({@link RemoteArgv}),
 * reach {@code docker} byte for byte and execute nothing. (On the fleet, kamal-proxy itself would refuse most of
 * them as hosts or paths; what is checked here is the remote shell, the same string the SSH channel carries.)
 */
class CommandFieldsFuzzTest {

    private static final Path CANARY = Path.of(System.getProperty("java.io.tmpdir"), "kamal-proxy-fuzz-canary");
    private static final String[] PIECES = {"$", "`", "'", "\"", "\\", ";", "&", "|", "<", ">", "(", ")", "{", "}",
        "*", "?", "[", "~", "#", "!", " ", "\t", "%", "=", "$(touch " + CANARY + ")", "`touch " + CANARY + "`",
        "${Z:=$(touch " + CANARY + ")}${Z@P}", "$((1+1))", "$HOME", "$1", "a", "/", "\n", "é"};

    /** Each run ends by checking that the canary file was not made: it starts from none. */
    @BeforeEach
    void noCanaryYet() throws IOException {
        Files.deleteIfExists(CANARY);
    }

    @ParameterizedTest
    @ValueSource(longs = {8101, 8102, 8103})
    void proxyValuesArriveByteForByteAndExecuteNothing(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> hosts = values(random, 4);
        List<String> prefixes = values(random, 4);
        String health = value(random);
        List<String> requestHeaders = values(random, 3);
        List<String> responseHeaders = values(random, 3);
        Proxy proxy = new Proxy(hosts, 3000, false, null, null, false, true, 10, prefixes, false, health, 3, 4,
                false, true, 40000000L, 0L, 2000000L, requestHeaders, responseHeaders, null);
        ProxyCommands commands = new ProxyCommands(Example.config());
        String argv = RemoteArgv.of(commands.deploy("app-web", proxy, "0123456789ab", "web", "abc123").toShell(),
                "docker");
        hosts.forEach(h -> assertTrue(argv.contains("[--host=" + h + "]"), h + " not in " + argv));
        prefixes.forEach(p -> assertTrue(argv.contains("[--path-prefix=" + p + "]"), p + " not in " + argv));
        assertTrue(argv.contains("[--health-check-path=" + health + "]"), health + " not in " + argv);
        requestHeaders.forEach(h -> assertTrue(argv.contains("[--log-request-header=" + h + "]"), h));
        responseHeaders.forEach(h -> assertTrue(argv.contains("[--log-response-header=" + h + "]"), h));

        String message = value(random);
        String stop = RemoteArgv.of(commands.stop("app-web", 5, message).toShell(), "docker");
        assertTrue(stop.contains("[--message=" + message + "]"), message + " not in " + stop);
        assertFalse(Files.exists(CANARY), "a fuzzed value ran a command");
    }

    /**
     * Host names reach {@code docker run} as {@code KAMAL_HOST} and inside {@code --hostname}. On the fleet a host
     * must be a reachable address, so hostile ones are checked here only.
     */
    @ParameterizedTest
    @ValueSource(longs = {8201, 8202, 8203})
    void hostNamesReachDockerRunByteForByteAndExecuteNothing(long seed) throws Exception {
        Random random = new Random(seed);
        AppCommands web = new AppCommands(Example.config(), Example.web(), n -> "0123456789abcdef".substring(0, n));
        for (int i = 0; i < 5; i++) {
            String host = value(random);
            String argv = RemoteArgv.of(web.run(host).toShell(), "docker");
            assertTrue(argv.contains("[KAMAL_HOST=" + host + "]"), host + " not in " + argv);
            assertTrue(argv.contains("[" + web.hostname(host) + "]"), host + " not in " + argv);
        }
        assertFalse(Files.exists(CANARY), "a fuzzed host name ran a command");
    }

    @ParameterizedTest
    @ValueSource(longs = {8301, 8302, 8303})
    void auditPerformersAndMessagesArriveByteForByteAndExecuteNothing(long seed) throws Exception {
        Random random = new Random(seed);
        for (int i = 0; i < 3; i++) {
            AuditCommands audit = new AuditCommands(Example.config(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                    value(random));
            String message = value(random);
            String argv = RemoteArgv.of(audit.record(message, "web").toShell(), "echo");
            assertTrue(argv.contains("[" + audit.line(message, "web") + "]"), message + " not in " + argv);
        }
        assertFalse(Files.exists(CANARY), "a fuzzed audit value ran a command");
    }

    private static List<String> values(Random random, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(value(random));
        }
        return out;
    }

    /** Never a deliberate {@code ${NAME}}, the one form the remote shell expands in these values. */
    private static String value(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String v = sb.toString().replaceAll("\\$\\{[A-Za-z_][A-Za-z0-9_]*}", "_");
        return v.isBlank() ? "x" : v;
    }
}
