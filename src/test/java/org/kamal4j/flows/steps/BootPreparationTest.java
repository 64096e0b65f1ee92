package org.kamal4j.flows.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.FlowFixture;
import org.kamal4j.ssh.FakeTransport;

/** Error pages, asset bridging and custom certificates of a proxy role. */
class BootPreparationTest {

    private static final String PAGES = ".kamal/proxy/apps-config/app/error_pages";

    @Test
    void preparesPagesAssetsAndCertificatesBeforeBootingAndCleansUpAfterTheOldStops() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyassets")) {
            DeployFlow.deploy(f.context()).run(true);

            List<String> web = f.fake.commands("1.1.1.1");
            FlowFixture.assertInOrder(web,
                    "mkdir -p " + PAGES + " && mkdir -p " + PAGES + "/abc123",
                    "mkdir -p .kamal/apps/app/assets/extracted/web-abc123 && docker container rm app-web-assets",
                    "sh -c 'docker ps --latest --format",
                    "mkdir -p .kamal/apps/app/assets/volumes/web-abc123 ; cp -rnT .kamal/apps/app/assets/extracted/"
                            + "web-abc123 .kamal/apps/app/assets/volumes/web-abc123 ; cp -rnT .kamal/apps/app/assets/"
                            + "extracted/web-abc123 .kamal/apps/app/assets/volumes/web-def456 || true ; cp -rnT"
                            + " .kamal/apps/app/assets/extracted/web-def456 .kamal/apps/app/assets/volumes/web-abc123"
                            + " || true",
                    "mkdir -p .kamal/proxy/apps-config/app/tls/web",
                    "--volume \"$PWD/.kamal/apps/app/assets/volumes/web-abc123:/app/public/assets\"",
                    "name=^app-web-def456$' --quiet | xargs docker stop",
                    "find .kamal/apps/app/assets/extracted -maxdepth 1 -name 'web-*' '!' -name web-abc123",
                    "find " + PAGES + " -mindepth 1 -maxdepth 1 '!' -name abc123 -exec rm -rf '{}' +");
            // the run and the switch through kamal-proxy are one command, the run first
            String boot = web.get(FlowFixture.indexOf(web, "--volume \"$PWD/.kamal/apps/app/assets/volumes/web-abc123"));
            assertTrue(boot.indexOf("docker run") < boot.indexOf("--tls-certificate-path=/home/kamal-proxy/.apps-config"
                    + "/app/tls/web/cert.pem"), boot);
            assertTrue(web.stream().anyMatch(c -> c.contains("--error-pages=/home/kamal-proxy/.apps-config/app/"
                    + "error_pages/abc123")), web.toString());
            List<String> uploads = f.fake.files("1.1.1.1").stream().map(u -> u.path() + " " + Integer.toOctalString(
                    u.mode())).toList();
            assertEquals(List.of(PAGES + "/abc123/404.html 644", PAGES + "/abc123/500.html 644",
                    ".kamal/proxy/apps-config/app/tls/web/cert.pem 644",
                    ".kamal/proxy/apps-config/app/tls/web/key.pem 644", ".kamal/apps/app/env/roles/web.env 600"),
                    uploads);
            FakeTransport.Upload cert = f.fake.uploads("1.1.1.1").get(2);
            assertEquals("cert-text", cert.text());
            assertTrue(f.output.text().contains("Writing SSL certificates for web on 1.1.1.1"), f.output.text());
            List<String> workers = f.fake.commands("1.1.1.3");
            assertFalse(workers.stream().anyMatch(c -> c.contains("assets") || c.contains("tls")), workers.toString());
        }
    }

    @Test
    void nothingHappensWithoutPagesAssetsOrCertificates() throws Exception {
        try (FlowFixture f = new FlowFixture("proxyweb")) {
            DeployFlow.deploy(f.context()).run(true);

            assertFalse(f.fake.execs().stream().anyMatch(e -> e.command().contains("assets")
                    || e.command().contains("error_pages") || e.command().contains("/tls/")));
        }
    }
}
