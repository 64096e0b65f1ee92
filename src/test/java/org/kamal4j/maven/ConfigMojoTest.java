package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ConfigMojoTest {

    static File fixture(String feature) throws URISyntaxException {
        return Path.of(ConfigMojoTest.class.getResource("/config/" + feature + "/deploy.yml").toURI()).getParent()
                .toFile();
    }

    static ConfigMojo mojo(String feature, RecordingLog log) throws URISyntaxException {
        ConfigMojo m = new ConfigMojo();
        m.environment = Map.of();
        m.baseDir = fixture(feature);
        m.configFile = "deploy.yml";
        m.version = "abc123";
        m.setLog(log);
        return m;
    }

    @Test
    void printsTheResolvedConfigurationAsYaml(@TempDir Path out) throws Exception {
        RecordingLog log = new RecordingLog();
        ConfigMojo m = mojo("running-example", log);
        m.outputFile = out.resolve("config.yml").toFile();
        m.execute();
        Map<String, Object> yaml = new Yaml().load(Files.readString(m.outputFile.toPath()));
        assertEquals("registry.example/app:abc123", yaml.get("absolute_image"));
        assertEquals("web", yaml.get("primary_role"));
        Map<?, ?> web = (Map<?, ?>) ((Map<?, ?>) yaml.get("roles")).get("web");
        assertEquals(List.of("1.1.1.1"), web.get("hosts"));
        assertEquals("app-web-abc123", web.get("container"));
        assertEquals(true, web.get("proxy"));
        Map<?, ?> workers = (Map<?, ?>) ((Map<?, ?>) yaml.get("roles")).get("workers");
        assertEquals("bin/jobs", workers.get("cmd"));
        assertEquals(false, workers.get("proxy"));
        assertEquals(List.of(List.of("1.1.1.1", "1.1.1.2")), ((Map<?, ?>) yaml.get("boot")).get("groups"));
        assertEquals(List.of("1.1.1.1"), yaml.get("proxy_hosts"));
        assertEquals("root", ((Map<?, ?>) yaml.get("ssh")).get("user"));
        assertEquals("strict", ((Map<?, ?>) yaml.get("ssh")).get("host_key_policy"));
        assertEquals(30, ((Map<?, ?>) yaml.get("sshkit")).get("max_concurrent_starts"));
        assertNull(yaml.get("destination"));
        assertTrue(log.info.contains("absolute_image: registry.example/app:abc123"), log.info.toString());
        assertTrue(String.join("\n", log.info).indexOf("s3cret") < 0);
        String documented = Files.readString(Path.of("docs/config-output.md"));
        String example = documented.substring(documented.indexOf("```yaml\n") + 8, documented.lastIndexOf("```"));
        assertEquals(example, Files.readString(m.outputFile.toPath()), "docs/config-output.md example is current");
    }

    @Test
    void invalidConfigFailsWithEveryProblemAndNoStackTrace() throws Exception {
        ConfigMojo m = mojo("all-problems", new RecordingLog());
        MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);
        List<String> lines = e.getMessage().lines().toList();
        assertEquals("Invalid Kamal configuration: 5 problems (fix them and run again)", lines.get(0));
        assertEquals(6, lines.size(), e.getMessage());
        assertTrue(lines.contains("  deploy.yml:7: servers/web: unknown key: host"), e.getMessage());
        assertTrue(lines.contains("  deploy.yml:16: Must retain at least 1 container"), e.getMessage());
        assertNull(e.getLongMessage(), "no long message: Maven would print the heading again before it");
        assertNull(e.getCause());
    }

    @Test
    void skipDoesNothing() throws Exception {
        RecordingLog log = new RecordingLog();
        ConfigMojo m = mojo("all-problems", log);
        m.skip = true;
        m.execute();
        assertEquals(List.of("Skipping (kamal.skip)"), log.info);
    }
}
