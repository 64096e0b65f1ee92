package org.kamal4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionResolverTest {

    @Test
    void explicitWinsOverEnvironmentWhichWinsOverGit(@TempDir Path dir) {
        assertEquals("x", VersionResolver.resolve("x", Map.of("VERSION", "y"), dir, false));
        assertEquals("y", VersionResolver.resolve(null, Map.of("VERSION", "y"), dir, false));
        assertNull(VersionResolver.resolve(null, Map.of(), dir, false));
    }

    @Test
    void gitHeadWithUncommittedSuffixOnlyForContextBuilds(@TempDir Path dir) throws Exception {
        git(dir, "init", "-q");
        Files.writeString(dir.resolve("a.txt"), "a");
        git(dir, "add", "a.txt");
        git(dir, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init");
        String head = VersionResolver.resolve(null, Map.of(), dir, false);
        assertTrue(head.matches("[0-9a-f]{40}"), head);
        Files.writeString(dir.resolve("a.txt"), "changed");
        assertEquals(head, VersionResolver.resolve(null, Map.of(), dir, false));
        String dirty = VersionResolver.resolve(null, Map.of(), dir, true);
        assertTrue(dirty.matches(head + "_uncommitted_[0-9a-f]{16}"), dirty);
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor());
    }
}
