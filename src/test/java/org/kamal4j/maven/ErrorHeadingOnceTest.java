package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.runner.MultiHostException;

/**
 * What Maven prints for a failed goal: the exception goes through Maven's own {@link LifecycleExecutionException}
 * and {@link DefaultExceptionHandler} (the text after {@code [ERROR] Failed to execute goal ...}), and the heading
 * must appear exactly once, followed by one line per problem or host.
 */
class ErrorHeadingOnceTest {

    @Test
    void anInvalidConfigurationPrintsItsHeadingOnce() throws Exception {
        ConfigMojo m = ConfigMojoTest.mojo("all-problems", new RecordingLog());
        String printed = printedByMaven("config", assertThrows(MojoFailureException.class, m::execute));

        assertEquals(1, count(printed, "Invalid Kamal configuration: 5 problems"), printed);
        assertTrue(printed.contains("\n  deploy.yml:7: servers/web: unknown key: host\n"), printed);
        assertTrue(printed.endsWith("\n  deploy.yml:16: Must retain at least 1 container"), printed);
    }

    @Test
    void aFailureOnSeveralHostsPrintsItsHeadingOnceAndEveryHost(@TempDir Path dir) throws Exception {
        // Nothing listens on port 1 of these loopback addresses: every connection is refused at once.
        Path key = dir.resolve("id_rsa");
        com.jcraft.jsch.KeyPair.genKeyPair(new com.jcraft.jsch.JSch(), com.jcraft.jsch.KeyPair.RSA, 2048)
                .writePrivateKey(key.toString());
        Files.writeString(dir.resolve("deploy.yml"), """
                service: app
                image: app
                registry:
                  server: localhost:5000
                servers:
                  web: [127.0.0.11, 127.0.0.12, 127.0.0.13]
                builder:
                  arch: amd64
                ssh:
                  port: 1
                  keys_only: true
                  keys: [%s]
                """.formatted(key));
        ServerExecMojo m = new ServerExecMojo();
        m.environment = Map.of();
        m.baseDir = dir.toFile();
        m.configFile = "deploy.yml";
        m.command = "true";
        m.maxThreads = 4;
        m.setLog(new FlowMojosTest.SyncLog());

        String printed = printedByMaven("server-exec", assertThrows(MojoFailureException.class, m::execute));

        assertEquals(1, count(printed, "Failed on 3 of 3 hosts:"), printed);
        for (String host : new String[] {"127.0.0.11", "127.0.0.12", "127.0.0.13"}) {
            assertEquals(1, count(printed, "\n  " + host + ": Could not connect"), printed);
        }
    }

    @Test
    void aFailureOnOneHostPrintsItsLinesOnce() {
        MultiHostException e = new MultiHostException("host roles", 3,
                List.of(new MultiHostException.Failure("workers on 198.18.60.13",
                        new IllegalStateException("container not ready after 30 seconds (unhealthy)\n"
                                + "Last 20 log lines of hello-workers-v2:\n(no output)"))));

        String printed = printedByMaven("deploy", Failures.of(e.heading(), e.details(), e));

        assertEquals(1, count(printed, "container not ready"), printed);
        assertEquals(1, count(printed, "Last 20 log lines"), printed);
    }

    /** The message Maven's CLI prints for {@code cause} thrown by goal {@code goal} (without its help link). */
    private static String printedByMaven(String goal, MojoFailureException cause) {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("org.kamal4j");
        plugin.setArtifactId("kamal-maven-plugin");
        plugin.setVersion("0.1.0-SNAPSHOT");
        MojoDescriptor mojo = new MojoDescriptor();
        mojo.setGoal(goal);
        mojo.setPluginDescriptor(plugin);
        LifecycleExecutionException e = new LifecycleExecutionException(new MojoExecution(mojo, "default-cli"),
                new MavenProject(), cause);
        String printed = new DefaultExceptionHandler().handleException(e).getMessage();
        System.out.println(printed);
        return printed;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
