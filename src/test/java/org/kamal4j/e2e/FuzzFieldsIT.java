package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kamal4j.config.ConfigException;
import org.kamal4j.config.ConfigProblem;
import org.kamal4j.e2e.FaultsIT.JsonStrings;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.AppExecFlow;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.local.Terminal;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 8's fuzz over the fields {@link FaultsIT} leaves out, on real hosts: role env and labels of a role behind
 * the real kamal-proxy, a role secret through the env file, option values ({@code --label}, {@code --workdir}),
 * logging options, the kamal-proxy fields (hosts, path prefixes, health check path, logged response headers) and
 * the audit performer (also each hook's {@code KAMAL_PERFORMER}). Each seeded run deploys once and checks that
 * nothing ran (the fleet's hosts share this machine's file system, so one canary file covers every host and the
 * deploying side) and that each value arrived byte for byte: {@code docker inspect}, kamal-proxy's own state file,
 * the health check (it passes only if the proxy asks the app for exactly the generated path), the audit log.
 * Names, hosts and versions with shell syntax are refused by config validation, naming the key path, before any
 * connection.
 */
@ExtendWith(EeFleet.class)
class FuzzFieldsIT {

    private final Fleet fleet = EeFleet.get();
    private final Path canary = Path.of("/tmp/kamal-fuzz-fields-canary-" + fleet.stateDir().getFileName());

    @ParameterizedTest
    @ValueSource(longs = {8401, 8402, 8403})
    void fuzzedValuesOfEveryRemoteFieldExecuteNothingAndArriveByteForByte(long seed) throws Exception {
        Files.deleteIfExists(canary);
        Random random = new Random(seed);
        Values gen = new Values(random, canary);
        E2eApp app = E2eApp.create(fleet, "e2e-ff" + (seed % 10), "");
        int count = 0;

        // the role behind kamal-proxy (host 1): env, labels, a secret through the env file, the proxy's fields
        Map<String, Object> webEnv = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            webEnv.put("WFZ" + i, gen.next(UnaryOperator.identity()));
        }
        String secret = "fzsecret-" + gen.next(v -> v.replace("'", "")) + "\n2nd line" + seed;
        Files.writeString(app.dir.resolve(".kamal/secrets"), "FUZZ_SECRET='" + secret + "'\n",
                StandardOpenOption.APPEND);
        Map<String, Object> webLabels = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            webLabels.put("wfz" + i, gen.next(UnaryOperator.identity()));
        }
        List<String> proxyHosts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            proxyHosts.add("h" + gen.next(FuzzFieldsIT::csvSafe));
        }
        List<String> prefixes = List.of("/p" + gen.next(v -> noTrailingSlash(csvSafe(v))),
                "/q" + gen.next(v -> noTrailingSlash(csvSafe(v))));
        List<String> responseHeaders = List.of("X-" + gen.next(FuzzFieldsIT::csvSafe), "X-" + gen.next(FuzzFieldsIT::csvSafe));
        String healthFile = "up" + gen.next(v -> noTrailingSlash(v.replaceAll("[%\\n\\r\\t]", "_")
                .replaceAll("/+", "/")));
        String healthPath = "/" + healthFile;
        Path served = app.dir.resolve("www").resolve(healthFile);
        Files.createDirectories(served.getParent());
        Files.writeString(served, "ok\n");
        // asset_path: a directory of the image (made here), copied out on the host and mounted back as a volume,
        // so like a volume it holds no $NAME, ':' ',' line break or '..'
        String assetDir = "as" + gen.next(v -> noTrailingSlash(v.replaceAll("[:,\\n]", "_")
                .replaceAll("\\$(?=[A-Za-z_{])", "_").replace("..", "_").replaceAll("/+", "/")));
        String assetPath = "/www/" + assetDir;
        Path asset = app.dir.resolve("www").resolve(assetDir).resolve("asset.txt");
        Files.createDirectories(asset.getParent());
        Files.writeString(asset, "asset " + seed + "\n");
        count += webEnv.size() + 1 + webLabels.size() + proxyHosts.size() + prefixes.size()
                + responseHeaders.size() + 1 + 1;
        Map<String, Object> web = new LinkedHashMap<>();
        web.put("hosts", List.of(fleet.host(1)));
        web.put("proxy", true);
        web.put("asset_path", assetPath);
        web.put("labels", webLabels);
        web.put("env", Map.of("clear", webEnv, "secret", List.of("FUZZ_SECRET")));
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("hosts", proxyHosts);
        proxy.put("path_prefixes", prefixes);
        proxy.put("healthcheck", Map.of("path", healthPath, "interval", 1, "timeout", 5));
        proxy.put("logging", Map.of("response_headers", responseHeaders));

        // the role without proxy (host 3): labels, option values, logging options, the expansion rule
        Map<String, Object> labels = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            labels.put("fz" + i, gen.next(UnaryOperator.identity()));
        }
        List<String> optionLabels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            optionLabels.add("ofz" + i + "=" + gen.next(UnaryOperator.identity()));
        }
        String workdir = "/wd/" + gen.next(v -> noTrailingSlash(v.replace("\n", "_").replaceAll("/+", "/")));
        // Docker parses a log tag as a Go template: "{{" would be refused by Docker itself, not by us
        Map<String, Object> logOptions = new LinkedHashMap<>();
        logOptions.put("max-size", "10m");
        logOptions.put("tag", gen.next(v -> v.replace("{{", "{ {")));
        logOptions.put("labels", gen.next(UnaryOperator.identity()));
        logOptions.put("env", gen.next(UnaryOperator.identity()));
        count += labels.size() + optionLabels.size() + 1 + 3;
        // What the host's shell expands, as documented: ${NAME} in env values, $NAME and ${NAME} in volumes
        Map<String, Object> expansion = new LinkedHashMap<>();
        expansion.put("EXP_GROUP", "a${KAMAL_FUZZ_UNSET}b");
        expansion.put("EXP_NAME", "a$KAMAL_FUZZ_UNSET-b");
        expansion.put("EXP_HOME", "${HOME}");
        Path volumeRoot = Files.createTempDirectory("kamal-fuzz-fields-vol-");
        String volume = volumeRoot + "/v$KAMAL_FUZZ_UNSET${KAMAL_FUZZ_UNSET}x:/exp";
        Map<String, Object> workers = new LinkedHashMap<>();
        workers.put("hosts", List.of(fleet.host(3)));
        workers.put("labels", labels);
        workers.put("env", Map.of("clear", expansion));
        workers.put("options", Map.of("label", optionLabels, "workdir", workdir));
        workers.put("logging", Map.of("driver", "json-file", "options", logOptions));

        // an accessory on host 3: env, labels, an option value and a data directory (its host path is expanded
        // like a volume, so the generated name holds no $NAME, and no ':' ',' or line break, which a bind cannot)
        Map<String, Object> accEnv = new LinkedHashMap<>();
        Map<String, Object> accLabels = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            accEnv.put("AFZ" + i, gen.next(UnaryOperator.identity()));
            accLabels.put("afz" + i, gen.next(UnaryOperator.identity()));
        }
        List<String> accOptionLabels = List.of("aofz0=" + gen.next(UnaryOperator.identity()),
                "aofz1=" + gen.next(UnaryOperator.identity()));
        String dataDir = "d" + gen.next(v -> v.replaceAll("[:,\\n]", "_").replaceAll("\\$(?=[A-Za-z_{])", "_")
                .replace("..", "_"));
        count += accEnv.size() + accLabels.size() + accOptionLabels.size() + 1;
        Map<String, Object> accessory = new LinkedHashMap<>();
        accessory.put("image", fleet.image("busybox:latest"));
        accessory.put("host", fleet.host(3));
        accessory.put("cmd", "sh -c 'trap \"exit 0\" TERM; while true; do sleep 1; done'");
        accessory.put("env", Map.of("clear", accEnv));
        accessory.put("labels", accLabels);
        accessory.put("options", Map.of("label", accOptionLabels));
        accessory.put("directories", List.of(dataDir + ":/data"));

        // the audit performer (git user.email): the audit line on every host and the hooks' KAMAL_PERFORMER
        String performer = gen.next(UnaryOperator.identity());
        count++;
        Path hookOut = app.dir.resolve("performer.out");
        app.hook("pre-deploy", "printf '%s' \"$KAMAL_PERFORMER\" > '" + hookOut + "'");

        app.overrides(Map.of("servers", Map.of("web", web, "workers", workers), "proxy", proxy,
                "volumes", List.of(volume), "accessories", Map.of("fz", accessory)));
        long t0 = System.nanoTime();
        try {
            FleetFlowRun.run(fleet, app.dir, app.output, app.config("v1"),
                    new FleetFlowRun.Actor(performer, "fuzz"), app.service, "deploy",
                    ctx -> DeployFlow.deploy(ctx).run(false));

            assertFalse(Files.exists(canary), "a fuzzed value ran a command");
            String webContainer = app.container("web", "v1");
            List<String> env = JsonStrings.parse(app.inspect(fleet.host(1), webContainer, "{{json .Config.Env}}"));
            webEnv.forEach((k, v) -> assertTrue(env.contains(k + "=" + v), k + "=" + v + " not in " + env));
            assertTrue(env.contains("FUZZ_SECRET=" + secret), "the role secret arrives byte for byte: " + env);
            Map<String, String> gotWebLabels = JsonStrings.parseMap(app.inspect(fleet.host(1), webContainer,
                    "{{json .Config.Labels}}"));
            webLabels.forEach((k, v) -> assertEquals(v, gotWebLabels.get(k), k));

            String webHome = fleet.ssh(fleet.host(1), "printf %s \"$HOME\"");
            String assetVolume = webHome + "/.kamal/apps/" + app.service + "/assets/volumes/web-v1";
            List<String> webBinds = JsonStrings.parse(app.inspect(fleet.host(1), webContainer,
                    "{{json .HostConfig.Binds}}"));
            assertTrue(webBinds.contains(assetVolume + ":" + assetPath), assetPath + " not in " + webBinds);
            assertEquals("asset " + seed, fleet.ssh(fleet.host(1), "cat '" + assetVolume + "/asset.txt'").strip(),
                    "the assets were copied out of " + assetPath);

            String state = fleet.ssh(fleet.host(1), "docker cp kamal-proxy:/home/kamal-proxy/.config/kamal-proxy/"
                    + "kamal-proxy.state - | tar -xO");
            String service = serviceState(state, app.service + "-web");
            assertEquals(proxyHosts, JsonStrings.parse(jsonValue(service, "\"hosts\":")), "proxy hosts");
            assertEquals(prefixes, JsonStrings.parse(jsonValue(service, "\"path_prefixes\":")), "path prefixes");
            assertEquals(responseHeaders, JsonStrings.parse(jsonValue(service, "\"log_response_headers\":")),
                    "logged response headers");
            assertEquals(List.of(healthPath), JsonStrings.parse(jsonValue(jsonValue(service,
                    "\"health_check_config\":"), "\"path\":")), "health check path");

            String workerContainer = app.container("workers", "v1");
            assertLabels(app, workerContainer, labels, optionLabels);
            assertEquals(List.of(workdir), JsonStrings.parse(app.inspect(fleet.host(3), workerContainer,
                    "{{json .Config.WorkingDir}}")), "workdir");
            Map<String, String> gotLog = JsonStrings.parseMap(app.inspect(fleet.host(3), workerContainer,
                    "{{json .HostConfig.LogConfig.Config}}"));
            assertEquals(logOptions.entrySet().stream().collect(LinkedHashMap::new,
                    (m, e) -> m.put(e.getKey(), String.valueOf(e.getValue())), Map::putAll), gotLog, "log options");

            List<String> workerEnv = JsonStrings.parse(app.inspect(fleet.host(3), workerContainer,
                    "{{json .Config.Env}}"));
            String home = fleet.ssh(fleet.host(3), "printf %s \"$HOME\"");
            assertTrue(workerEnv.contains("EXP_GROUP=ab"), "${NAME} expands on the host: " + workerEnv);
            assertTrue(workerEnv.contains("EXP_NAME=a$KAMAL_FUZZ_UNSET-b"), "$NAME stays literal: " + workerEnv);
            assertTrue(workerEnv.contains("EXP_HOME=" + home), "${HOME} is the host's: " + workerEnv);
            List<String> binds = JsonStrings.parse(app.inspect(fleet.host(3), workerContainer,
                    "{{json .HostConfig.Binds}}"));
            assertTrue(binds.contains(volumeRoot + "/vx:/exp"), "$NAME and ${NAME} expand in volumes: " + binds);

            for (String host : List.of(fleet.host(1), fleet.host(3))) {
                assertTrue(fleet.ssh(host, "cat .kamal/" + app.service + "-audit.log")
                        .contains("] [" + performer + "] "), "the performer in the audit log on " + host);
            }
            assertEquals(performer, Files.readString(hookOut), "KAMAL_PERFORMER in the hook");
            // an interactive exec in a new container (its standard input is the terminal) gets the multi-line
            // secret too, through an owner-only file the command removes before the container starts
            ByteArrayOutputStream terminal = new ByteArrayOutputStream();
            app.run("v1", "app", ctx -> new AppExecFlow(ctx).run(new AppExecFlow.Request(
                    "sh -c 'printf %s \"$FUZZ_SECRET\"'",
                    false, true, false, "v1", Map.of()), new Terminal(InputStream.nullInputStream(), terminal, false)));
            // the remote terminal is a pty, which writes each line break as CR LF (the generated values hold no CR)
            assertEquals(secret, terminal.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
                    "interactive exec's secret");
            assertEquals("", fleet.ssh(fleet.host(1), "ls -a .kamal/apps/" + app.service + "/env/roles"
                    + " | grep -F .exec- ; true"), "the exports file is removed");
            app.run("v1", "accessory", ctx -> new AccessoryFlows(ctx).boot(AccessoryFlows.select(ctx.config(), "fz",
                    false)));
            String acc = app.service + "-fz";
            List<String> accGotEnv = JsonStrings.parse(app.inspect(fleet.host(3), acc, "{{json .Config.Env}}"));
            accEnv.forEach((k, v) -> assertTrue(accGotEnv.contains(k + "=" + v), k + "=" + v + " not in "
                    + accGotEnv));
            assertLabels(app, acc, accLabels, accOptionLabels);
            String accHome = fleet.ssh(fleet.host(3), "printf %s \"$HOME\"");
            assertEquals(List.of(accHome + "/" + acc + "/" + dataDir + ":/data"), JsonStrings.parse(app.inspect(
                    fleet.host(3), acc, "{{json .HostConfig.Binds}}")), "the accessory's data directory");
            assertFalse(Files.exists(canary), "a fuzzed accessory value ran a command");

            assertFalse(app.output.text().contains(secret), "the secret was printed");
            assertFalse(app.lockPresent());
            System.out.printf("[FuzzFieldsIT] seed %d: %d generated values arrived intact (%.1f s)%n", seed, count,
                    (System.nanoTime() - t0) / 1e9);
        } finally {
            fleet.ssh(fleet.host(3), "docker rm -f " + app.service + "-fz >/dev/null 2>&1; rm -rf " + app.service
                    + "-fz; true");
            fleet.ssh(fleet.host(1), "docker exec kamal-proxy kamal-proxy remove " + app.service + "-web"
                    + " >/dev/null 2>&1; true");
        }
    }

    /**
     * Role names, service names, hosts and versions are restricted (Kamal's service-name rule, Docker's tag rule,
     * host names and addresses): values with shell syntax are refused, each problem with its key path, before any
     * connection (no new login in any host's sshd log).
     */
    @Test
    void namesHostsAndVersionsWithShellSyntaxAreRefusedBeforeConnecting() throws Exception {
        E2eApp app = E2eApp.create(fleet, "e2e-ffr", "");
        Map<String, Integer> logins = E2eApp.perHost(fleet.hosts(), fleet::acceptedConnections);
        int refused = 0;
        for (long seed : new long[] {8501, 8502, 8503}) {
            Values gen = new Values(new Random(seed), canary);
            String service = "s" + gen.hostile();
            List<String> roles = List.of("r" + gen.hostile(), "r" + gen.hostile(), "r" + gen.hostile());
            List<String> hosts = List.of(gen.hostile(), "h" + gen.hostile(), "root@" + gen.hostile(),
                    fleet.host(3) + gen.hostile());
            String accessory = "a" + gen.hostile();
            Map<String, Object> servers = new LinkedHashMap<>();
            roles.forEach(r -> servers.put(r, List.of(fleet.host(3))));
            servers.put("workers", Map.of("hosts", hosts));
            app.overrides(Map.of("service", service, "servers", servers,
                    "accessories", Map.of(accessory, Map.of("image", "busybox", "host", fleet.host(3)))));
            ConfigException e = assertThrows(ConfigException.class, () -> app.deploy("v1"));
            List<String> paths = e.problems().stream().map(ConfigProblem::path).toList();
            String all = e.getMessage();
            assertTrue(all.contains("Service name can only include"), all);
            roles.forEach(r -> assertTrue(paths.contains("servers/" + r), r + " not refused: " + paths));
            for (int i = 0; i < hosts.size(); i++) {
                assertTrue(paths.contains("servers/workers/hosts/" + i), hosts.get(i) + " not refused: " + paths);
            }
            assertTrue(paths.contains("accessories/" + accessory), accessory + " not refused: " + paths);
            refused += 1 + roles.size() + hosts.size() + 1;

            app.overrides(Map.of());
            for (int i = 0; i < 3; i++) {
                String version = "v" + gen.hostile();
                ConfigException v = assertThrows(ConfigException.class, () -> app.config(version));
                assertTrue(v.getMessage().contains("is not a valid Docker tag"), v.getMessage());
                refused++;
            }
        }
        assertEquals(logins, E2eApp.perHost(fleet.hosts(), fleet::acceptedConnections), "no host was connected");
        assertFalse(Files.exists(canary), "a refused value ran a command");
        System.out.println("[FuzzFieldsIT] " + refused + " generated names, hosts and versions refused");
    }

    /** The JSON object of one service in kamal-proxy's state file (an array of services). */
    /** The container on host 3 carries each label ({@code labels}) and each {@code --label k=v} option value. */
    private void assertLabels(E2eApp app, String container, Map<String, ?> labels, List<String> optionLabels) {
        Map<String, String> got = JsonStrings.parseMap(app.inspect(fleet.host(3), container,
                "{{json .Config.Labels}}"));
        labels.forEach((k, v) -> assertEquals(v, got.get(k), k));
        optionLabels.forEach(l -> {
            String[] kv = l.split("=", 2);
            assertEquals(kv[1], got.get(kv[0]), kv[0]);
        });
    }

    private static String serviceState(String state, String name) {
        int at = state.indexOf("\"name\":\"" + name + "\"");
        assertTrue(at >= 0, name + " not in kamal-proxy's state: " + state);
        int end = state.indexOf("{\"name\":", at);
        return state.substring(at, end < 0 ? state.length() : end);
    }

    /** The JSON value (array, object or string) that follows {@code key} in {@code json}. */
    private static String jsonValue(String json, String key) {
        int start = json.indexOf(key);
        assertTrue(start >= 0, key + " not in " + json);
        start += key.length();
        char open = json.charAt(start);
        if (open != '[' && open != '{') {
            int end = start + 1;
            while (json.charAt(end) != '"' || json.charAt(end - 1) == '\\') {
                end++;
            }
            return json.substring(start, end + 1);
        }
        char close = open == '[' ? ']' : '}';
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        throw new AssertionError("unterminated " + key + " in " + json);
    }

    /** kamal-proxy reads each flag value as CSV: a comma separates values and a quote must be CSV-quoted. */
    static String csvSafe(String v) {
        return v.replaceAll("[,\"\\n\\r]", "_");
    }

    static String noTrailingSlash(String v) {
        return v.endsWith("/") ? v + "_" : v;
    }

    /** Seeded values from shell metacharacters, each with a command that would create the canary file. */
    static final class Values {
        private final Random random;
        private final String[] pieces;

        Values(Random random, Path canary) {
            this.random = random;
            this.pieces = new String[] {"$", "`", "'", "\"", "\\", ";", "&", "|", "<", ">", "(", ")", "{", "}",
                "*", "?", "[", "]", "~", "#", "!", " ", "\t", "%", "^", "=", "@", "$(touch " + canary + ")",
                "`touch " + canary + "`", "${Z:=$(touch " + canary + ")}${Z@P}", "$((1+1))", "$HOME", "$1", "a",
                "Z9", "\n", "é", ";touch " + canary, "|touch " + canary, "&&touch " + canary};
        }

        /** 1-8 pieces, made fit for the field by {@code fit}; never a deliberate {@code ${NAME}} reference. */
        String next(UnaryOperator<String> fit) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            // again after fitting: a replaced character can complete a reference (${ + _ + })
            String v = noReference(fit.apply(noReference(sb.toString())));
            return v.isBlank() ? "x" : v;
        }

        private static String noReference(String v) {
            return v.replaceAll("\\$\\{[A-Za-z_][A-Za-z0-9_]*}", "_");
        }

        /** A value that always holds shell syntax (one of the command pieces), for fields that must refuse it. */
        String hostile() {
            return next(UnaryOperator.identity()) + pieces[27 + random.nextInt(3)];
        }
    }
}
