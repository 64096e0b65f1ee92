package org.kamal4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile config files fail fast with a message naming the limit (issue 8, item 4). */
class ParseLimitsTest {

    @TempDir
    Path dir;

    /** 10 levels of 9 aliases: 81 aliases (under the alias limit) but 9^10 nodes once expanded. */
    static String billionLaughs() {
        StringBuilder y = new StringBuilder("service: app\nimage: app\nservers: [1.1.1.1]\n");
        y.append("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 10; i++) {
            String a = "*l" + (i - 1);
            y.append("l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, a))).append("]\n");
        }
        return y.toString();
    }

    private ConfigException load(String yaml) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/deploy.yml"), yaml);
        return assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of()).version("v1").load());
    }

    @Test
    void billionLaughsIsRefusedInUnderASecondNamingTheLimit() throws IOException {
        // Warm up: the first load of this JVM pays for loading SnakeYAML and the config classes; the claim is
        // about how fast a hostile file is refused, not about class loading.
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/deploy.yml"), "service: app\n");
        assertThrows(ConfigException.class, () -> new ConfigLoader(dir, Map.of()).version("v1").load());
        // CPU time of this thread (the loader runs here), so a machine busy with other work does not decide it.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        ConfigException e = load(billionLaughs());
        long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "took " + millis + " ms of CPU");
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem p = e.problems().get(0);
        assertEquals("config/deploy.yml", p.file());
        assertTrue(p.message().contains("more than 100000 nodes after expanding aliases"), p.message());
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        String yaml = "service: app\nx: " + "[".repeat(200) + "]".repeat(200) + "\n";
        ConfigException e = load(yaml);
        assertTrue(e.getMessage().toLowerCase().contains("nesting depth exceeded max 64"), e.getMessage());
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() throws IOException {
        String yaml = "service: app\n# " + "x".repeat(ParseLimits.MAX_BYTES) + "\n";
        ConfigException e = load(yaml);
        assertTrue(e.getMessage().contains("more than " + ParseLimits.MAX_BYTES + " bytes"), e.getMessage());
    }

    @Test
    void erbThatRendersTooMuchIsRefused() throws IOException {
        // each tag renders 1 KiB from the environment: small file, large output
        String line = "a: <%= ENV.fetch(\"BIG\") %>\n";
        StringBuilder yaml = new StringBuilder("service: app\n");
        for (int i = 0; i < 1100; i++) {
            yaml.append("k").append(i).append(line.substring(1));
        }
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/deploy.yml"), yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(dir,
                Map.of("BIG", "y".repeat(1024))).version("v1").load());
        assertTrue(e.getMessage().contains("rendered ERB is refused: more than"), e.getMessage());
    }
}
