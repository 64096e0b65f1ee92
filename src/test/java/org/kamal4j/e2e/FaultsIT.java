package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 8 on real hosts: a frozen dockerd and a hanging hook are cut off by the default limits (made short
 * here), a hostile secret arrives byte for byte and is never printed, and seeded fuzzed values from shell
 * metacharacters in env, labels, options and volumes execute nothing and arrive byte for byte.
 */
@ExtendWith(EeFleet.class)
class FaultsIT {

    private static final Path CANARY = Path.of("/tmp/kamal-fuzz-canary-" + EeFleet.NAME);

    private final Fleet fleet = EeFleet.get();

    @Test
    void aFrozenDockerdFailsItsHostWithinTheCommandTimeoutAndTheLockIsReleased() throws Exception {
        E2eApp app = E2eApp.running(fleet, "e2e-frz", "v1");
        String pidFile = fleet.stateDir().resolve("hosts/3/dockerd.pid").toString();
        String pid = Files.readString(Path.of(pidFile)).strip();
        app.overrides(Map.of("ssh", Map.of("command_timeout", 5)));
        // frozen after the pull, just before the boot: the workers' docker run on host 3 hangs
        app.hook("pre-app-boot", "kill -STOP " + pid);
        long t0 = System.nanoTime();
        try {
            Exception e = assertThrows(Exception.class, () -> app.deploy("v2"));
            String message = FailuresIT.fullMessage(e);
            System.out.println("[FaultsIT] frozen dockerd: " + message);
            // the first docker command after the freeze times out (the clash check or the run), named by its step
            assertTrue(message.matches("(?s).*Timed out after 5 s running [^\\n]+ on " + fleet.host(3)
                    .replace(".", "\\.") + ".*"), message);
        } finally {
            new ProcessBuilder("kill", "-CONT", pid).start().waitFor();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 120, "the deploy ended after " + seconds + " s");
        assertFalse(app.lockPresent(), "lock released");
    }

    @Test
    void aHookThatSleepsIsCutOffAndTheLockIsReleased() throws Exception {
        E2eApp app = E2eApp.create(fleet, "e2e-slp", "").hookTimeout(8);
        app.hook("pre-deploy", "sleep 600");
        Exception e = assertThrows(Exception.class, () -> app.deploy("v1"));
        String message = FailuresIT.fullMessage(e);
        assertTrue(message.contains("Timed out after 8 s running the pre-deploy hook locally"), message);
        assertFalse(app.lockPresent());
    }

    @ParameterizedTest
    @ValueSource(longs = {8001, 8002, 8003})
    void fuzzedValuesExecuteNothingAndArriveByteForByte(long seed) throws Exception {
        Files.deleteIfExists(CANARY);
        Random random = new Random(seed);
        // a real line break too: written bare in the env file and fed to `docker run` through standard input
        String hostile = "p\\a\"ss'w$HOME`id`\\n${X}$(touch " + CANARY + ")\nline two\t-" + seed;
        E2eApp app = E2eApp.create(fleet, "e2e-fz" + (seed % 10), "");
        Files.writeString(app.dir.resolve(".kamal/secrets"), "HOSTILE='" + hostile.replace("'", "") + "'\n",
                StandardOpenOption.APPEND);
        String secret = hostile.replace("'", "");
        Map<String, Object> clear = new LinkedHashMap<>();
        Map<String, Object> labels = new LinkedHashMap<>();
        List<String> optionEnv = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        // every 4th env value also holds ${KAMAL_FUZZ_UNSET}, which the host's shell expands (to nothing), as it
        // expands any ${NAME} in env values (docs/configuration.md): the container gets the value without it
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String v = value(random, false);
            if (i % 4 == 0) {
                int at = random.nextInt(v.length() + 1);
                v = v.substring(0, at) + UNSET + v.substring(at);
            }
            clear.put("FZ" + i, v);
            expected.put("FZ" + i, v.replace(UNSET, ""));
        }
        for (int i = 0; i < 20; i++) {
            labels.put("fz" + i, value(random, false));
        }
        for (int i = 0; i < 10; i++) {
            optionEnv.add("OPT" + i + "=" + value(random, false));
        }
        Path volumeRoot = Files.createTempDirectory("kamal-fuzz-vol-");
        for (int i = 0; i < 5; i++) {
            volumes.add(volumeRoot + "/" + value(random, true).replace(":", "").replace(",", "") + ":/fz" + i);
        }
        Map<String, Object> workers = new LinkedHashMap<>();
        workers.put("hosts", List.of(fleet.host(3)));
        workers.put("labels", labels);
        workers.put("options", Map.of("env", optionEnv));
        app.overrides(Map.of("env", Map.of("clear", clear, "secret", List.of("SECRET_TOKEN", "HOSTILE")),
                "servers", Map.of("workers", workers), "volumes", volumes));
        app.deploy("v1");

        String container = app.container("workers", "v1");
        List<String> env = JsonStrings.parse(app.inspect(fleet.host(3), container, "{{json .Config.Env}}"));
        expected.forEach((k, v) -> assertTrue(env.contains(k + "=" + v), k + "=" + v + " not in " + env));
        optionEnv.forEach(v -> assertTrue(env.contains(v), v + " not in " + env));
        assertTrue(env.contains("HOSTILE=" + secret), "the secret arrives byte for byte: " + env);
        Map<String, String> gotLabels = JsonStrings.parseMap(app.inspect(fleet.host(3), container,
                "{{json .Config.Labels}}"));
        labels.forEach((k, v) -> assertEquals(v, gotLabels.get(k), k));
        List<String> binds = JsonStrings.parse(app.inspect(fleet.host(3), container, "{{json .HostConfig.Binds}}"));
        volumes.forEach(v -> assertTrue(binds.contains(v), v + " not in " + binds));
        assertFalse(Files.exists(CANARY), "a fuzzed value ran a command");
        assertFalse(app.output.text().contains(secret), "the secret was printed");
        int count = clear.size() + labels.size() + optionEnv.size() + volumes.size() + 1;
        System.out.println("[FaultsIT] seed " + seed + ": " + count + " generated values arrived intact");
        assertFalse(app.lockPresent());
    }

    private static final String UNSET = "${KAMAL_FUZZ_UNSET}";

    private static final String[] PIECES = {"$", "`", "'", "\"", "\\", ";", "&", "|", "<", ">", "(", ")", "{", "}",
        "*", "?", "[", "]", "~", "#", "!", " ", "\t", "%", "^", "=", "@", "$(touch " + CANARY + ")",
        "`touch " + CANARY + "`", "${Z:=$(touch " + CANARY + ")}${Z@P}", "$((1+1))", "$HOME", "$1", "a", "Z9",
        "\n", "é"};

    /** A value from shell metacharacters; never a deliberate {@code ${NAME}} (or {@code $NAME} in volumes). */
    static String value(Random random, boolean volume) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            String p = PIECES[random.nextInt(PIECES.length)];
            if (volume && (p.equals("\n") || p.equals("$HOME"))) {
                p = "_";
            }
            sb.append(p);
        }
        String v = sb.toString().replaceAll("\\$\\{[A-Za-z_][A-Za-z0-9_]*}", "_");
        if (volume) {
            v = v.replaceAll("\\$(?=[A-Za-z_{])", "_").replace("..", "_");
        }
        return v.isBlank() ? "x" : v;
    }

    /** Just enough JSON for Docker's string lists and maps. */
    static final class JsonStrings {
        private JsonStrings() {}

        static List<String> parse(String json) {
            List<String> out = new ArrayList<>();
            int[] pos = {0};
            while ((pos[0] = json.indexOf('"', pos[0])) >= 0) {
                out.add(read(json, pos));
            }
            return out;
        }

        static Map<String, String> parseMap(String json) {
            List<String> all = parse(json);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i + 1 < all.size(); i += 2) {
                m.put(all.get(i), all.get(i + 1));
            }
            return m;
        }

        private static String read(String s, int[] pos) {
            StringBuilder sb = new StringBuilder();
            int i = pos[0] + 1;
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            pos[0] = i + 1;
            return sb.toString();
        }
    }
}
