package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kamal4j.commands.RemoteArgv.assertSameArgv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Env;
import org.kamal4j.config.Host;
import org.kamal4j.config.Logging;
import org.kamal4j.config.Role;

class AppCommandsTest {

    static final IntFunction<String> HEX = n -> "0123456789abcdef0123".substring(0, n);

    private static AppCommands web() {
        return new AppCommands(Example.config(), Example.web(), HEX);
    }

    private static AppCommands workers() {
        return new AppCommands(Example.config(), Example.workers(), HEX);
    }

    /** The run line is the same for each role but for the role's name, its host and its command (last). */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"web, 1.1.1.1, ''", "workers, 1.1.1.2, ' bin/jobs'"})
    void runOfEachRoleMatchesKamalsArgvEndingInTheRolesCommand(String role, String host, String command) {
        String kamal = "docker run --detach --restart unless-stopped --name app-%1$s-abc123 --network kamal --hostname %2$s-0123456789ab --env KAMAL_CONTAINER_NAME=\"app-%1$s-abc123\" --env KAMAL_VERSION=\"abc123\" --env KAMAL_HOST=\"%2$s\" --env DB_HOST=\"db.internal\" --env-file .kamal/apps/app/env/roles/%1$s.env --log-opt max-size=\"10m\" --label service=\"app\" --label role=\"%1$s\" --label destination registry.example/app:abc123%3$s"
                .formatted(role, host, command);
        DeployConfig config = Example.config();
        Command run = new AppCommands(config, config.role(role), HEX).run(host);
        assertEquals(("docker run --detach --restart unless-stopped --name app-%1$s-abc123 --network kamal"
                + " --hostname %2$s-0123456789ab --env KAMAL_CONTAINER_NAME=app-%1$s-abc123"
                + " --env KAMAL_VERSION=abc123 --env KAMAL_HOST=%2$s --env DB_HOST=db.internal"
                + " --env-file .kamal/apps/app/env/roles/%1$s.env --log-opt max-size=10m --label service=app"
                + " --label role=%1$s --label destination registry.example/app:abc123%3$s")
                .formatted(role, host, command), run.toShell());
        assertSameArgv(kamal, run, "docker");
    }

    @Test
    void runWithDestinationAddsKamalDestinationAndLabel() {
        DeployConfig staging = Example.staging();
        Command run = new AppCommands(staging, Example.web(), HEX).run("1.1.1.1");
        assertEquals("docker run --detach --restart unless-stopped --name app-web-staging-abc123 --network kamal"
                + " --hostname 1.1.1.1-0123456789ab --env KAMAL_CONTAINER_NAME=app-web-staging-abc123"
                + " --env KAMAL_VERSION=abc123 --env KAMAL_HOST=1.1.1.1 --env KAMAL_DESTINATION=staging"
                + " --env DB_HOST=db.internal --env-file .kamal/apps/app-staging/env/roles/web.env"
                + " --log-opt max-size=10m --label service=app --label role=web --label destination=staging"
                + " registry.example/app:abc123", run.toShell());
    }

    @Test
    void runWithEveryOptionalGroupKeepsKamalsTokenOrder() {
        Map<String, String> clear = new LinkedHashMap<>();
        clear.put("DB_HOST", "db.internal");
        clear.put("TOKEN", "${HOST_TOKEN}");
        clear.put("MSG", "a \"b\" $HOME ${KEEP} `cmd` \\ é");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("memory", "2g");
        options.put("cap-add", true);
        options.put("add-host", List.of("a:1.2.3.4", "b:5.6.7.8"));
        options.put("restart", "always");
        Role web = new Role("web", List.of(new Host("1.1.1.1", List.of("gpu"))), "bin/web --port 3000", null, null,
                options, new Logging("syslog", Map.of("syslog-address", "udp://1.2.3.4:514")),
                Map.of("team", "ops"), new Env(clear, List.of("DB_PASSWORD"), Map.of()), Example.proxy(),
                "/rails/public/assets");
        DeployConfig config = Example.config(null, List.of(web), Map.of("app", "shop"),
                List.of("$PWD/storage:/rails/storage"), null);
        Command run = new AppCommands(config, web, HEX).run("1.1.1.1");
        String kamal = "docker run --detach --restart always --name app-web-abc123 --network kamal --hostname 1.1.1.1-0123456789ab --env KAMAL_CONTAINER_NAME=\"app-web-abc123\" --env KAMAL_VERSION=\"abc123\" --env KAMAL_HOST=\"1.1.1.1\" --env DB_HOST=\"db.internal\" --env TOKEN=\"${HOST_TOKEN}\" --env MSG=\"a \\\"b\\\" \\$HOME ${KEEP} \\`cmd\\` \\\\ \"é --env-file .kamal/apps/app/env/roles/web.env --log-driver \"syslog\" --log-opt syslog-address=\"udp://1.2.3.4:514\" --volume $PWD/storage:/rails/storage --volume $PWD/.kamal/apps/app/assets/volumes/web-abc123:/rails/public/assets --label service=\"app\" --label role=\"web\" --label destination --label app=\"shop\" --label team=\"ops\" --memory \"2g\" --cap-add --add-host \"a:1.2.3.4\" --add-host \"b:5.6.7.8\" registry.example/app:abc123 bin/web --port 3000";
        assertEquals("docker run --detach --restart always --name app-web-abc123 --network kamal"
                + " --hostname 1.1.1.1-0123456789ab --env KAMAL_CONTAINER_NAME=app-web-abc123"
                + " --env KAMAL_VERSION=abc123 --env KAMAL_HOST=1.1.1.1 --env DB_HOST=db.internal"
                + " --env \"TOKEN=${HOST_TOKEN}\" --env \"MSG=a \\\"b\\\" \\$HOME ${KEEP} \\`cmd\\` \\\\ é\""
                + " --env-file .kamal/apps/app/env/roles/web.env --log-driver syslog"
                + " --log-opt syslog-address=udp://1.2.3.4:514 --volume \"$PWD/storage:/rails/storage\""
                + " --volume \"$PWD/.kamal/apps/app/assets/volumes/web-abc123:/rails/public/assets\""
                + " --label service=app --label role=web --label destination --label app=shop --label team=ops"
                + " --memory 2g --cap-add --add-host a:1.2.3.4 --add-host b:5.6.7.8 registry.example/app:abc123"
                + " bin/web --port 3000", run.toShell());
        assertSameArgv(kamal, run, "docker");
    }

    @Test
    void hostnameCutsLongHostsAndOneTrailingDot() {
        String host = "a".repeat(50) + ".b.example";
        assertEquals("a".repeat(50) + "-0123456789ab", web().hostname(host));
        assertEquals("host.example-0123456789ab", web().hostname("host.example."));
    }

    @Test
    void currentRunningVersionIsKamalsLineExactly() {
        assertEquals("sh -c 'docker ps --latest --format '\\''{{.Names}}'\\'' --filter label=service=app --filter label=destination= --filter label=role=web --filter status=running --filter status=restarting --filter ancestor=$(docker image ls --filter reference=registry.example/app:latest --format '\\''{{.ID}}'\\'') ; docker ps --latest --format '\\''{{.Names}}'\\'' --filter label=service=app --filter label=destination= --filter label=role=web --filter status=running --filter status=restarting' | head -1 | while read line; do echo ${line#app-web-}; done",
                web().currentRunningVersion().toShell());
    }

    @Test
    void currentRunningContainerIdIsKamalsLineExactly() {
        assertEquals("sh -c 'docker ps --latest --quiet --filter label=service=app --filter label=destination= --filter label=role=web --filter status=running --filter status=restarting --filter ancestor=$(docker image ls --filter reference=registry.example/app:latest --format '\\''{{.ID}}'\\'') ; docker ps --latest --quiet --filter label=service=app --filter label=destination= --filter label=role=web --filter status=running --filter status=restarting' | head -1",
                web().currentRunningContainerId().toShell());
    }

    @Test
    void currentRunningVersionWithDestination() {
        String line = new AppCommands(Example.staging(), Example.web(), HEX).currentRunningVersion().toShell();
        assertEquals("sh -c 'docker ps --latest --format '\\''{{.Names}}'\\'' --filter label=service=app --filter label=destination=staging --filter label=role=web --filter status=running --filter status=restarting --filter ancestor=$(docker image ls --filter reference=registry.example/app:latest-staging --format '\\''{{.ID}}'\\'') ; docker ps --latest --format '\\''{{.Names}}'\\'' --filter label=service=app --filter label=destination=staging --filter label=role=web --filter status=running --filter status=restarting' | head -1 | while read line; do echo ${line#app-web-staging-}; done",
                line);
    }

    @Test
    void versionCommandsOfTheTable() {
        assertEquals("docker container ls --all --filter 'name=^app-web-abc123$' --quiet",
                web().containerIdForVersion("abc123").toShell());
        assertEquals("docker rename app-web-abc123 app-web-abc123_replaced_0123456789abcdef",
                web().rename("abc123", web().replacementVersion("abc123")).toShell());
        assertEquals("docker container ls --all --filter 'name=^app-web-def456$' --quiet | xargs docker stop",
                web().stop("def456").toShell());
        assertEquals("docker container ls --all --filter 'name=^app-workers-def456$' --quiet | xargs docker stop -t 30",
                workers().stop("def456").toShell());
        assertEquals("docker start app-web-abc123", web().start("abc123").toShell());
        assertEquals("docker container ls --all --filter 'name=^app-workers-abc123$' --quiet | xargs docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}'",
                workers().healthStatus("abc123").toShell());
        assertEquals("docker container ls --all --filter 'name=^app-web-abc123$' --quiet | xargs docker inspect --format '{{json .State.Health}}'",
                web().healthLog("abc123").toShell());
        assertEquals("docker container ls --all --filter 'name=^app-web-abc123$' --quiet | xargs docker logs --timestamps 2>&1",
                web().logs("abc123").toShell());
        assertEquals("docker container ls --all --filter 'name=^app-web-abc123$' --quiet | xargs docker container rm",
                web().removeContainer("abc123").toShell());
    }

    @Test
    void stopTimeoutRule() {
        Role webWithTimeout = new Role("web", List.of(Host.of("1.1.1.1")), null, 12, null, Map.of(), null,
                Map.of(), Env.EMPTY, Example.proxy(), null);
        assertEquals(12, new AppCommands(Example.config(), webWithTimeout, HEX).stopTimeout());
        assertEquals(null, web().stopTimeout());
        assertEquals(30, workers().stopTimeout());
        assertEquals(current() + " | xargs docker stop -t 30", workers().stopCurrent().toShell());
    }

    private static String current() {
        return workers().currentRunningContainerId().toShell();
    }

    @Test
    void logsOfTheCurrentContainer() {
        String id = web().currentRunningContainerId().toShell();
        assertEquals(id + " | xargs docker logs --timestamps --tail 100 2>&1",
                web().logsCurrent(LogOptions.DEFAULT).toShell());
        assertEquals(id + " | xargs docker logs --since 5m --tail 10 2>&1 | grep 'GET /up' -i",
                web().logsCurrent(new LogOptions("5m", 10, "GET /up", "-i", false)).toShell());
    }

    @Test
    void followedLogsAndAGivenContainerIdAsKamalBuildsThem() {
        String id = web().currentRunningContainerId().toShell();
        assertEquals(id + " | xargs docker logs --timestamps --tail 10 --follow 2>&1",
                web().logs(null, LogOptions.of(null, null, null, null, true, true)).toShell());
        assertEquals(id + " | xargs docker logs --follow 2>&1 | grep ERROR -i",
                web().logs(null, LogOptions.of(null, null, "ERROR", "-i", false, true)).toShell());
        assertEquals("sh -c 'echo 0123abcd' | xargs docker logs --timestamps --tail 100 2>&1",
                web().logs("0123abcd", LogOptions.of(null, null, null, null, true, false)).toShell());
    }

    @Test
    void listingAndRemovalCommandsOfTheTable() {
        assertEquals("docker ps --filter label=service=app --filter label=destination= --filter label=role=web --format '{{.Names}}' | while read line; do echo ${line#app-web-}; done",
                web().runningVersions().toShell());
        assertSameArgv("docker ps --filter label=service=app --filter label=destination= --filter label=role=web --format \"{{.Names}}\" | while read line; do echo ${line#app-web-}; done",
                web().runningVersions(), "docker");
        assertEquals("docker container ls --all --filter label=service=app --filter label=destination= --filter label=role=web --format '{{.Names}}' | while read line; do echo ${line#app-web-}; done",
                web().versionsNewestFirst().toShell());
        assertEquals("docker container prune --force --filter label=service=app --filter label=destination= --filter label=role=web",
                web().pruneContainers().toShell());
        assertEquals("docker image prune --all --force --filter label=service=app", web().removeImages().toShell());
        assertEquals("docker container ls --all --filter label=service=app --filter label=destination= --filter label=role=web",
                web().listContainers().toShell());
        assertEquals("docker container ls --all --filter label=service=app --filter label=destination=",
                web().listAllContainers().toShell());
        assertEquals("docker ps --filter label=service=app --filter label=destination= --filter label=role=web",
                web().details().toShell());
        assertEquals("docker image ls registry.example/app", web().listImages().toShell());
        assertEquals("docker tag registry.example/app:abc123 registry.example/app:latest", web().tagLatest().toShell());
        assertEquals("mkdir -p .kamal/apps/app/env/roles", web().ensureEnvDirectory().toShell());
    }

    @Test
    void execInANewContainer() {
        Command exec = web().execNew("1.1.1.1", "latest", "bin/rails db:migrate", Map.of("RAILS_ENV", "production"),
                false, null);
        assertEquals("docker run --rm --name app-web-exec-latest-012345 --network kamal --env DB_HOST=db.internal"
                + " --env-file .kamal/apps/app/env/roles/web.env --env RAILS_ENV=production --log-opt max-size=10m"
                + " registry.example/app:latest bin/rails db:migrate", exec.toShell());
        assertEquals("docker run -it --detach --name app-web-exec-abc123-012345 --network kamal"
                + " --env DB_HOST=db.internal --env-file .kamal/apps/app/env/roles/web.env --log-opt max-size=10m"
                + " registry.example/app:abc123 bash", web().execNew("1.1.1.1", "abc123", "bash", Map.of(), true, "-it")
                .toShell());
    }

    @Test
    void execInTheRunningContainer() {
        assertEquals("docker exec --env A=b app-web-abc123 bin/rails runner 'puts 1'",
                web().execReuse("abc123", "bin/rails runner 'puts 1'", Map.of("A", "b"), null).toShell());
        assertEquals("docker exec -it app-web-abc123 bash", web().execReuse("abc123", "bash", Map.of(), "-it")
                .toShell());
    }
}
