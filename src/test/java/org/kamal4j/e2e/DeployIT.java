package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 4 end to end on the fleet: setup, deploy, rollback and redeploy with real sshd and real Docker on every
 * host, asserting on the hosts' Docker state, the audit log and the lock; secrets are checked on the way.
 */
@ExtendWith(EeFleet.class)
class DeployIT {

    private final Fleet fleet = EeFleet.get();

    @Test
    void setupDeployAndRollbackMoveEveryHostBetweenVersions() throws Exception {
        E2eApp app = E2eApp.create(fleet, "e2e-main", "");
        List<String> samples;
        try (PsSampler ps = new PsSampler()) {
            app.setup("v1");
            assertRunsEverywhere(app, "v1");
            assertFalse(app.lockPresent(), "setup released the lock");
            app.deploy("v2");
            samples = ps.stop();
        }
        assertRunsEverywhere(app, "v2");
        assertStoppedAndKept(app, "v1");
        assertFalse(app.lockPresent(), "deploy released the lock");
        assertSecretsHidden(app, samples, "v2");

        app.rollback("v1");
        assertRunsEverywhere(app, "v1");
        assertStoppedAndKept(app, "v2");

        assertAuditedOnEveryHost(app);
        assertFalse(app.lockPresent(), "the deploy lock is released");
    }

    @Test
    void redeployOfTheRunningVersionRenamesTheClashingContainer() throws Exception {
        E2eApp app = E2eApp.running(fleet, "e2e-redo", "v1");
        app.redeploy("v1");
        for (String host : fleet.hosts()) {
            String role = host.equals(fleet.host(3)) ? "workers" : "web";
            Map<String, String> containers = app.containers(host);
            assertEquals(Set.of(app.container(role, "v1")), app.running(host), containers.toString());
            List<String> replaced = containers.keySet().stream()
                    .filter(n -> n.startsWith(app.container(role, "v1_replaced_"))).toList();
            assertEquals(1, replaced.size(), containers.toString());
            assertEquals("exited", containers.get(replaced.get(0)));
        }
        assertTrue(app.output.text().contains("Renaming container v1 to v1_replaced_"), app.output.text());
        assertFalse(app.lockPresent());
    }

    /** Each host's own audit log has a record of every pull and boot of setup v1, deploy v2 and rollback v1. */
    private void assertAuditedOnEveryHost(E2eApp app) {
        for (String host : fleet.hosts()) {
            List<String> audit = app.audit(host);
            String all = host + ":\n" + String.join("\n", audit);
            assertEquals(1, count(audit, "Pulled image with version v1"), all);
            assertEquals(1, count(audit, "Pulled image with version v2"), all);
            assertEquals(2, count(audit, "Booted app version v1"), "setup and rollback: " + all);
            assertEquals(1, count(audit, "Booted app version v2"), all);
            assertTrue(audit.stream().allMatch(l -> l.contains("[e2e@kamal4j.test]")), all);
        }
    }

    static void assertRunsEverywhere(E2eApp app, String version) {
        Fleet fleet = app.fleet;
        for (String host : fleet.hosts()) {
            String role = host.equals(fleet.host(3)) ? "workers" : "web";
            assertEquals(Set.of(app.container(role, version)), app.running(host), host + ": " + app.containers(host));
            assertEquals(version, app.page(host, role, version));
            assertEquals("healthy", app.inspect(host, app.container(role, version), "{{.State.Health.Status}}"));
        }
    }

    static void assertStoppedAndKept(E2eApp app, String version) {
        Fleet fleet = app.fleet;
        for (String host : fleet.hosts()) {
            String role = host.equals(fleet.host(3)) ? "workers" : "web";
            Map<String, String> containers = app.containers(host);
            assertEquals("exited", containers.get(app.container(role, version)), host + ": " + containers);
        }
    }

    private void assertSecretsHidden(E2eApp app, List<String> samples, String version) {
        List<String> secrets = List.of(app.secretToken, app.registryPassword);
        String output = app.output.text();
        assertTrue(samples.size() > 20, "ps was sampled " + samples.size() + " times");
        assertTrue(samples.stream().anyMatch(s -> s.contains("docker run") && s.contains(app.service)),
                "the sampler saw the deploy's docker run");
        for (String secret : secrets) {
            assertFalse(output.contains(secret), "secret in the output");
            assertTrue(samples.stream().noneMatch(s -> s.contains(secret)), "secret in ps -eo args");
        }
        for (String host : fleet.hosts()) {
            String role = host.equals(fleet.host(3)) ? "workers" : "web";
            String container = app.container(role, version);
            String args = app.inspect(host, container, "{{.Path}} {{json .Args}} {{json .Config.Cmd}}");
            secrets.forEach(s -> assertFalse(args.contains(s), "secret in docker inspect args: " + args));
            assertEquals(app.secretToken, app.fleet.docker(host, "exec", container, "sh", "-c",
                    "echo \"$SECRET_TOKEN\"")
                    .strip(), "the container gets the secret through its env file");
            assertEquals("600", fleet.ssh(host, "stat -c %a .kamal/apps/" + app.service + "/env/roles/" + role
                    + ".env").strip());
        }
    }

    private static long count(List<String> lines, String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).count();
    }
}
