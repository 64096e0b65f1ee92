package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.FlowException;
import org.kamal4j.build.BuildInputs;
import org.kamal4j.build.JavaProject;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.context.Selection;
import org.kamal4j.runner.HostRunner;
import org.kamal4j.ssh.FakeTransport;
import org.kamal4j.testbed.Fleet;

/**
 * Jib builds that cannot succeed, against the real fleet registry: an unknown base image, a base image of another
 * architecture than {@code builder.arch}, a registry that refuses the push. Each stops the deploy with an error
 * naming the cause before any host is touched (the transport records no command at all).
 */
@ExtendWith(EeFleet.class)
class JibFailuresIT {

    private final Fleet fleet = EeFleet.get();

    @TempDir
    Path dir;

    @Test
    void anUnknownBaseImageIsNamed() throws Exception {
        fleet.pushJreImage();
        String message = failedDeploy(fleet.registry(), "amd64", fleet.image("no-such-jre:17"));
        assertTrue(message.startsWith("Jib could not build and push " + fleet.image("jibfail:f1") + " (base image "
                + fleet.image("no-such-jre:17") + "): "), message);
        assertTrue(message.contains("no-such-jre"), message);
    }

    @Test
    void aBaseImageOfAnotherArchIsRefusedSoNoWrongArchImageIsPushed() throws Exception {
        fleet.pushJreImage();
        String message = failedDeploy(fleet.registry(), "arm64", fleet.image("jre:17"));
        assertTrue(message.contains("doesn't match the platform (amd64/linux) of the base image"), message);
        assertTrue(message.contains("builder/arch asks for linux/arm64"), message);
        assertEquals(404, fleet.registryStatus("/v2/jibfail/manifests/f1"), "nothing was pushed");
    }

    @Test
    void aRegistryThatRefusesThePushIsNamed() throws Exception {
        fleet.pushJreImage();
        String ip = fleet.registry().replaceAll(":5000$", "");
        Path config = dir.resolve("readonly.yml");
        Files.writeString(config, """
                version: 0.1
                log: {level: warn}
                storage:
                  filesystem: {rootdirectory: %s}
                  maintenance: {readonly: {enabled: true}}
                http: {addr: "%s:5001"}
                """.formatted(dir.resolve("readonly-data"), ip));
        Process registry = new ProcessBuilder("/usr/bin/docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("readonly.log").toFile()).start();
        try {
            waitForPort(ip, 5001);
            String message = failedDeploy(ip + ":5001", "amd64", fleet.image("jre:17"));
            assertTrue(message.startsWith("Jib could not build and push " + ip + ":5001/jibfail:f1"), message);
            assertTrue(message.toLowerCase().contains("read-only") || message.contains("405")
                    || message.contains("UNSUPPORTED"), message);
        } finally {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A deploy of a one-class project with Jib; returns the failure's message after checking no host was touched. */
    private String failedDeploy(String registry, String arch, String from) throws Exception {
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes);
        Path src = dir.resolve("Main.java");
        Files.writeString(src, "public class Main { public static void main(String[] a) {} }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.toString()));
        Files.writeString(dir.resolve("deploy.yml"), """
                service: jibfail
                image: jibfail
                registry: {server: "%s", username: demo, password: demo-registry-password}
                servers: {web: [%s]}
                builder:
                  arch: %s
                  jib: {from: "%s", allow_insecure_registries: true}
                """.formatted(registry, fleet.host(1), arch, from));
        DeployConfig config = new ConfigLoader(dir, Map.of()).configFile("deploy.yml").version("f1").load();
        JavaProject project = new JavaProject("jibfail", "jar", dir, dir.resolve("target"), classes, List.of());
        FakeTransport transport = new FakeTransport();
        CapturedOutput output = new CapturedOutput("JibFailuresIT");
        try (HostRunner runner = new HostRunner(4)) {
            FlowContext ctx = FlowContext.builder(Selection.all(config), transport, runner, output)
                    .buildInputs(new BuildInputs(project, null)).baseDir(dir).environment(Map.of()).build();
            FlowException e = assertThrows(FlowException.class, () -> DeployFlow.deploy(ctx).run(false));
            assertEquals(List.of(), transport.execs(), "no host was touched");
            System.out.println("[JibFailuresIT] " + e.getMessage());
            return e.getMessage();
        }
    }

    private static void waitForPort(String ip, int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(ip, port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the read-only registry did not start on " + ip + ":" + port);
    }
}
