package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kamal4j.commands.RemoteArgv.assertSameArgv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Proxy;
import org.kamal4j.config.ProxyRun;

class ProxyCommandsTest {

    private final ProxyCommands proxy = new ProxyCommands(Example.config());

    @Test
    void deployOfTheRunningExample() {
        String kamal = "docker exec kamal-proxy kamal-proxy deploy app-web --target=\"0123456789ab:3000\" --host=\"app.example.com\" --deploy-timeout=\"30s\" --drain-timeout=\"30s\" --buffer-requests --buffer-responses --log-request-header=\"Cache-Control\" --log-request-header=\"Last-Modified\" --log-request-header=\"User-Agent\"";
        Command deploy = proxy.deploy(Example.web(), "0123456789ab");
        assertEquals("docker exec kamal-proxy kamal-proxy deploy app-web --target=0123456789ab:3000"
                + " --host=app.example.com --deploy-timeout=30s --drain-timeout=30s --buffer-requests"
                + " --buffer-responses --log-request-header=Cache-Control --log-request-header=Last-Modified"
                + " --log-request-header=User-Agent", deploy.toShell());
        assertSameArgv(kamal, deploy, "docker");
    }

    @Test
    void deployWithTheContainerIdLookupInOneRoundTrip() {
        AppCommands web = new AppCommands(Example.config(), Example.web());
        Command deploy = proxy.deployContainerOf(Example.web(), "1.1.1.1", web.containerIdForVersion("abc123"));
        assertEquals("id=$(docker container ls --all --filter 'name=^app-web-abc123$' --quiet) ; if [ -z \"${id}\" ];"
                + " then echo 'Failed to get endpoint for web on 1.1.1.1, did the container boot?' >&2 ; exit 1 ; fi ;"
                + " docker exec kamal-proxy kamal-proxy deploy app-web \"--target=${id}:3000\" --host=app.example.com"
                + " --deploy-timeout=30s --drain-timeout=30s --buffer-requests --buffer-responses"
                + " --log-request-header=Cache-Control --log-request-header=Last-Modified --log-request-header=User-Agent",
                deploy.toShell());
        // With a stub printing an id, the target carries it; with no id, the message and status 1.
        String withId = RemoteArgv.of("docker() { case \"$1\" in container) echo 0123456789ab ;; *) printf '%s\\n' \"$*\" >&3 ;; esac; }; "
                + deploy.toShell());
        assertEquals(true, withId.contains("--target=0123456789ab:3000 --host=app.example.com"), withId);
        String withoutId = RemoteArgv.of("docker() { :; }; " + deploy.toShell() + "; echo status=$?");
        assertEquals("Failed to get endpoint for web on 1.1.1.1, did the container boot?\n", withoutId);
    }

    @Test
    void fullyLoadedDeploy() {
        Proxy loaded = new Proxy(List.of("app.example.com", "www.example.com"), 3000, true, null, null, false, true,
                10, List.of("/api", "/oauth"), false, "/health", 3, 4, false, true, 40000000L, 0L, 2000000L,
                List.of("X-Forwarded-Proto"), List.of("X-Request-ID"), null);
        Command deploy = new ProxyCommands(Example.timed(60, 20, "public/errors"))
                .deploy("app-web", loaded, "0123456789ab", "web", "abc123");
        String kamal = "docker exec kamal-proxy kamal-proxy deploy app-web --target=\"0123456789ab:3000\" --host=\"app.example.com\" --host=\"www.example.com\" --tls --deploy-timeout=\"60s\" --drain-timeout=\"20s\" --health-check-interval=\"3s\" --health-check-timeout=\"4s\" --health-check-path=\"/health\" --target-timeout=\"10s\" --buffer-requests=\"false\" --buffer-responses --buffer-memory=\"2000000\" --max-request-body=\"40000000\" --max-response-body=\"0\" --path-prefix=\"/api\" --path-prefix=\"/oauth\" --strip-path-prefix=\"false\" --forward-headers --tls-redirect=\"false\" --log-request-header=\"X-Forwarded-Proto\" --log-response-header=\"X-Request-ID\" --error-pages=\"/home/kamal-proxy/.apps-config/app/error_pages/abc123\"";
        assertEquals(kamal.replace("\"", ""), deploy.toShell());
        assertSameArgv(kamal, deploy, "docker");
    }

    @Test
    void customCertificatePaths() {
        Proxy tls = new Proxy(List.of("app.example.com"), 80, true, "CERT_PEM", "KEY_PEM", null, null, null,
                List.of(), null, null, null, null, true, true, null, null, null, List.of(), List.of(), null);
        assertEquals("docker exec kamal-proxy kamal-proxy deploy app-web --target=abc:80 --host=app.example.com --tls"
                + " --tls-certificate-path=/home/kamal-proxy/.apps-config/app/tls/web/cert.pem"
                + " --tls-private-key-path=/home/kamal-proxy/.apps-config/app/tls/web/key.pem --deploy-timeout=30s"
                + " --drain-timeout=30s --buffer-requests --buffer-responses",
                proxy.deploy("app-web", tls, "abc", "web", "abc123").toShell());
    }

    @Test
    void routeCommands() {
        assertEquals("docker exec kamal-proxy kamal-proxy remove app-web", proxy.remove("app-web").toShell());
        assertEquals("docker exec kamal-proxy kamal-proxy stop app-web --drain-timeout=30s '--message=Back soon'",
                proxy.stop("app-web", 30, "Back soon").toShell());
        assertSameArgv("docker exec kamal-proxy kamal-proxy stop app-web --drain-timeout=\"30s\" --message=\"Back soon\"",
                proxy.stop("app-web", 30, "Back soon"), "docker");
        assertEquals("docker exec kamal-proxy kamal-proxy stop app-web", proxy.stop("app-web", null, null).toShell());
        assertEquals("docker exec kamal-proxy kamal-proxy resume app-web", proxy.resume("app-web").toShell());
        assertEquals("docker exec kamal-proxy kamal-proxy list", proxy.list().toShell());
    }

    @Test
    void defaultRunCommand() {
        String kamal = "docker run --name kamal-proxy --network kamal --detach --restart unless-stopped --volume kamal-proxy-config:/home/kamal-proxy/.config/kamal-proxy --volume $PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config --publish 80:80 --publish 443:443 --log-opt max-size=10m basecamp/kamal-proxy:v0.9.2 kamal-proxy run";
        Command run = proxy.run(ProxyRun.DEFAULT);
        assertEquals(kamal.replace("$PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config",
                "\"$PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config\""), run.toShell());
        assertSameArgv(kamal, run, "docker");
        assertEquals("docker container start kamal-proxy || " + run.toShell(),
                proxy.startOrRun(ProxyRun.DEFAULT).toShell());
    }

    @Test
    void fullRunCommandWithBindIpsIpv6MetricsAndDebug() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("label", "a=b");
        options.put("memory", "512m");
        ProxyRun full = new ProxyRun(8080, 8443, 9090, true, "30m", true, List.of("0.0.0.0", "::1"), "registry:4443",
                "myrepo/kamal-proxy", "v0.9.3", options);
        String kamal = "docker run --name kamal-proxy --network kamal --detach --restart unless-stopped --volume kamal-proxy-config:/home/kamal-proxy/.config/kamal-proxy --volume $PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config --publish 0.0.0.0:8080:80 --publish 0.0.0.0:8443:443 --publish [::1]:8080:80 --publish [::1]:8443:443 --log-opt max-size=30m --expose=9090 --label \"a=b\" --memory \"512m\" registry:4443/myrepo/kamal-proxy:v0.9.3 kamal-proxy run --debug --metrics-port \"9090\"";
        Command run = proxy.run(full);
        assertEquals("docker run --name kamal-proxy --network kamal --detach --restart unless-stopped"
                + " --volume kamal-proxy-config:/home/kamal-proxy/.config/kamal-proxy"
                + " --volume \"$PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config\""
                + " --publish 0.0.0.0:8080:80 --publish 0.0.0.0:8443:443 --publish '[::1]:8080:80'"
                + " --publish '[::1]:8443:443' --log-opt max-size=30m --expose=9090 --label a=b --memory 512m"
                + " registry:4443/myrepo/kamal-proxy:v0.9.3 kamal-proxy run --debug --metrics-port 9090", run.toShell());
        assertSameArgv(kamal, run, "docker");
    }

    @Test
    void legacyRunCommand() {
        String kamal = "echo $(cat .kamal/proxy/options 2> /dev/null || echo \"--publish 80:80 --publish 443:443 --log-opt max-size=10m\") $(cat .kamal/proxy/image 2> /dev/null || echo \"basecamp/kamal-proxy\"):$(cat .kamal/proxy/image_version 2> /dev/null || echo \"v0.9.2\") $(cat .kamal/proxy/run_command 2> /dev/null || echo \"\") | xargs docker run --name kamal-proxy --network kamal --detach --restart unless-stopped --volume kamal-proxy-config:/home/kamal-proxy/.config/kamal-proxy --volume $PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config";
        Command legacy = proxy.legacyRun();
        assertEquals(kamal.replace("--volume $PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config",
                "--volume \"$PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config\""), legacy.toShell());
        assertSameArgv(kamal, legacy, "xargs");
    }

    @Test
    void unpublishedProxyHasNoPublishFlags() {
        ProxyRun unpublished = new ProxyRun(80, 443, null, false, "10m", false, List.of(), null,
                ProxyRun.DEFAULT_REPOSITORY, "v0.9.2", Map.of());
        assertEquals(false, proxy.run(unpublished).toShell().contains("--publish"));
    }

    @Test
    void containerCommands() {
        assertEquals("docker inspect kamal-proxy --format '{{.Config.Image}}' | awk -F: '{print $NF}'",
                proxy.version().toShell());
        assertEquals("docker network create kamal", proxy.createNetwork().toShell());
        assertEquals("mkdir -p .kamal/proxy/apps-config", proxy.ensureAppsConfigDirectory().toShell());
        assertEquals("docker container start kamal-proxy", proxy.start().toShell());
        assertEquals("docker container stop kamal-proxy", proxy.stopContainer().toShell());
        assertEquals("docker container prune --force --filter label=org.opencontainers.image.title=kamal-proxy",
                proxy.pruneContainers().toShell());
        assertEquals("docker image prune --all --force --filter label=org.opencontainers.image.title=kamal-proxy",
                proxy.pruneImages().toShell());
        assertEquals("rm -r .kamal/proxy", proxy.removeProxyDirectory().toShell());
        assertEquals("rm -r .kamal/proxy/apps-config/app", proxy.removeAppDirectory().toShell());
        assertEquals("ls .kamal/apps | wc -l", proxy.appsCount().toShell());
        assertEquals("docker ps --filter 'name=^kamal-proxy$'", proxy.details().toShell());
        assertEquals("docker logs kamal-proxy --tail 100 --timestamps 2>&1", proxy.logs(LogOptions.DEFAULT).toShell());
        assertEquals("docker container stop kamal-proxy || true && " + proxy.pruneContainers().toShell()
                + " && mkdir -p .kamal/proxy/apps-config && " + proxy.run(ProxyRun.DEFAULT).toShell(),
                proxy.reboot(ProxyRun.DEFAULT).toShell());
    }

    @Test
    void theOtherRenderingOfEachBooleanFlag() {
        Proxy flipped = new Proxy(List.of(), 80, false, null, null, true, false, null, List.of(), true, null, null,
                null, true, false, null, null, null, null, List.of("X-Request-ID"), null);
        assertSameArgv("docker exec kamal-proxy kamal-proxy deploy app-web --target=\"abc:80\" --deploy-timeout=\"30s\" --drain-timeout=\"30s\" --buffer-requests --buffer-responses=\"false\" --strip-path-prefix --forward-headers=\"false\" --tls-redirect --log-request-header=\"Cache-Control\" --log-request-header=\"Last-Modified\" --log-request-header=\"User-Agent\" --log-response-header=\"X-Request-ID\"",
                proxy.deploy("app-web", flipped, "abc", "web", "abc123"), "docker");
    }

    @Test
    void commaSeparatedHostAndPathPrefixFromDeployYml(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Files.createDirectories(dir.resolve("config"));
        java.nio.file.Files.writeString(dir.resolve("config/deploy.yml"), """
                service: app
                image: app
                registry:
                  server: localhost:5000
                servers:
                  - 1.1.1.1
                builder:
                  arch: amd64
                deploy_timeout: 60
                drain_timeout: 20
                proxy:
                  host: app.example.com,www.example.com
                  path_prefix: /api,/oauth
                  app_port: 3000
                  ssl: true
                  healthcheck:
                    path: /health
                    interval: 3
                    timeout: 4
                  buffering:
                    requests: false
                  logging:
                    request_headers:
                      - X-Forwarded-Proto
                """);
        DeployConfig config = new ConfigLoader(dir, Map.of())
                .version("abc123").load();
        Command deploy = new ProxyCommands(config).deploy(config.role("web"), "0123456789ab");
        assertSameArgv("docker exec kamal-proxy kamal-proxy deploy app-web --target=\"0123456789ab:3000\" --host=\"app.example.com\" --host=\"www.example.com\" --tls --deploy-timeout=\"60s\" --drain-timeout=\"20s\" --health-check-interval=\"3s\" --health-check-timeout=\"4s\" --health-check-path=\"/health\" --buffer-requests=\"false\" --buffer-responses --path-prefix=\"/api\" --path-prefix=\"/oauth\" --log-request-header=\"X-Forwarded-Proto\"",
                deploy, "docker");
    }

    @Test
    void bindIpsWithoutIpv6AndTheRegistryFromProxyRun() {
        ProxyRun run = new ProxyRun(80, 443, null, false, "10m", true, List.of("198.18.0.5"), "198.18.70.1:5000",
                ProxyRun.DEFAULT_REPOSITORY, "v0.9.2", Map.of());
        assertSameArgv("docker run --name kamal-proxy --network kamal --detach --restart unless-stopped --volume kamal-proxy-config:/home/kamal-proxy/.config/kamal-proxy --volume $PWD/.kamal/proxy/apps-config:/home/kamal-proxy/.apps-config --publish 198.18.0.5:80:80 --publish 198.18.0.5:443:443 --log-opt max-size=10m 198.18.70.1:5000/basecamp/kamal-proxy:v0.9.2 kamal-proxy run",
                proxy.run(run), "docker");
    }
}
