package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;

class InitMojoTest {

    static InitMojo mojo(Path dir, RecordingLog log) {
        InitMojo m = new InitMojo();
        m.baseDir = dir.toFile();
        m.setLog(log);
        return m;
    }

    @Test
    void createsAConfigThatLoadsSecretsAndSampleHooks(@TempDir Path dir) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo(dir, log).execute();
        assertTrue(Files.isRegularFile(dir.resolve(".kamal/secrets")));
        for (String hook : InitMojo.HOOKS) {
            assertTrue(Files.isRegularFile(dir.resolve(".kamal/hooks/" + hook + ".sample")), hook);
        }
        assertTrue(log.info.contains("Created config/deploy.yml"), log.info.toString());
        DeployConfig c = new ConfigLoader(dir, Map.of()).version("v1").load();
        assertEquals("my-app", c.service());
        assertEquals("192.168.0.1", c.primaryHost());
    }

    @Test
    void neverOverwritesAndSaysWhatItSkipped(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/deploy.yml"), "mine");
        RecordingLog log = new RecordingLog();
        mojo(dir, log).execute();
        assertEquals("mine", Files.readString(dir.resolve("config/deploy.yml")));
        assertTrue(log.info.contains("Left alone (already exist): config/deploy.yml"), log.info.toString());
        RecordingLog again = new RecordingLog();
        mojo(dir, again).execute();
        assertTrue(again.info.get(0).startsWith("Left alone (already exist): config/deploy.yml, .kamal/secrets, "),
                again.info.toString());
    }
}
