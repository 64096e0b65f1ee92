package org.kamal4j.config.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.config.SecretNotFoundException;

class SecretsFilesTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void mainFileOverridesCommon() throws Exception {
        write(".kamal/secrets-common", "A=common\nB=common\n");
        write(".kamal/secrets", "B=main\n");
        SecretsFiles s = new SecretsFiles(dir, ".kamal/secrets", null, Map.of());
        assertEquals("common", s.get("A"));
        assertEquals("main", s.get("B"));
        assertEquals(Map.of("A", "common", "B", "main"), s.all());
    }

    @Test
    void destinationFileReplacesTheMainFile() throws Exception {
        write(".kamal/secrets-common", "A=common\n");
        write(".kamal/secrets", "B=main\nC=main\n");
        write(".kamal/secrets.staging", "C=staging\n");
        SecretsFiles s = new SecretsFiles(dir, ".kamal/secrets", "staging", Map.of());
        assertEquals(Map.of("A", "common", "C", "staging"), s.all());
        SecretNotFoundException e = assertThrows(SecretNotFoundException.class, () -> s.get("B"));
        assertEquals("Secret 'B' not found in .kamal/secrets-common, .kamal/secrets.staging", e.getMessage());
    }

    @Test
    void missingFilesAreSkippedAndNamedInTheError() throws Exception {
        write(".kamal/secrets", "A=1\n");
        SecretsFiles s = new SecretsFiles(dir, ".kamal/secrets", null, Map.of());
        assertEquals("1", s.get("A"));
        SecretNotFoundException e = assertThrows(SecretNotFoundException.class, () -> s.get("DB_PASSWORD"));
        assertEquals("Secret 'DB_PASSWORD' not found in .kamal/secrets", e.getMessage());
    }

    @Test
    void noFilesAtAll() {
        SecretsFiles s = new SecretsFiles(dir, ".kamal/secrets", null, Map.of());
        SecretNotFoundException e = assertThrows(SecretNotFoundException.class, () -> s.get("DB_PASSWORD"));
        assertEquals("Secret 'DB_PASSWORD' not found, no secret files (.kamal/secrets-common, .kamal/secrets) provided",
                e.getMessage());
        SecretsFiles d = new SecretsFiles(dir, "config/secrets", "prod", Map.of());
        assertEquals("Secret 'X' not found, no secret files (config/secrets-common, config/secrets.prod) provided",
                assertThrows(SecretNotFoundException.class, () -> d.get("X")).getMessage());
    }

    @Test
    void commonVariablesAreNotVisibleInTheSecondFileButEnvironmentIs() throws Exception {
        write(".kamal/secrets-common", "A=common\n");
        write(".kamal/secrets", "B=[$A][$HOME]\n");
        SecretsFiles s = new SecretsFiles(dir, ".kamal/secrets", null, Map.of("HOME", "/h"));
        assertEquals("[][/h]", s.get("B"));
    }

    @Test
    void filesAreEvaluatedLazilyAndOnce() throws Exception {
        write(".kamal/secrets", "A=$(first)\nB=$(second)\n");
        AtomicInteger runs = new AtomicInteger();
        SecretsFiles s = new SecretsFiles(dir, ".kamal/secrets", null, Map.of(), c -> {
            runs.incrementAndGet();
            return c + "\n";
        });
        assertEquals(0, runs.get());
        assertEquals("first", s.get("A"));
        assertEquals("second", s.get("B"));
        s.all();
        assertEquals(2, runs.get());
    }

    @Test
    void concurrentLookupsEvaluateOnce() throws Exception {
        write(".kamal/secrets", "A=$(slow)\n");
        AtomicInteger runs = new AtomicInteger();
        SecretsFiles s = new SecretsFiles(dir, ".kamal/secrets", null, Map.of(), c -> {
            runs.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "v";
        });
        List<Thread> threads = IntStream.range(0, 4)
                .mapToObj(i -> new Thread(() -> assertEquals("v", s.get("A")))).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, runs.get());
    }

    @Test
    void realCommandRunsInBaseDir() throws Exception {
        write("config/master.key", "k3y\n");
        write(".kamal/secrets", "RAILS_MASTER_KEY=$(cat config/master.key)\n");
        SecretsFiles s = new SecretsFiles(dir, ".kamal/secrets", null, Map.of("PATH", System.getenv("PATH")));
        assertEquals("k3y", s.get("RAILS_MASTER_KEY"));
    }
}
