package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.config.Env;
import org.kamal4j.config.SecretNotFoundException;
import org.kamal4j.config.Secrets;

class EnvFileTest {

    @Test
    void valuesAreWrittenAsTheirExactBytes() {
        String value = "a \"b\" $HOME #x \\ é";
        EnvFile file = EnvFile.of(new Env(Map.of(), List.of("X"), Map.of()), Secrets.of(Map.of("X", value)));
        // one backslash stays one, unlike Kamal
        assertEquals("X=a \"b\" $HOME #x \\ é\n", file.content());
        assertEquals(Set.of(value), file.secretValues());
        assertEquals(Map.of(), file.fromEnvironment());
    }

    @Test
    void aValueWithALineBreakIsWrittenBareAndFedThroughStandardInput() {
        String value = "line1\nit's $HOME `id`\r\nend";
        EnvFile file = EnvFile.of(new Env(Map.of(), List.of("A", "X"), Map.of()), Secrets.of(Map.of("X", value,
                "A", "plain")));
        assertEquals("A=plain\nX\n", file.content());
        Command fed = file.feed(Command.of("docker", "run", "--env-file", "f", "img"));
        assertEquals("eval \"$(cat)\" && docker run --env-file f img", fed.display());
        assertEquals("export X='line1\nit'\\''s $HOME `id`\r\nend'\n", new String(fed.stdin(),
                StandardCharsets.UTF_8));
        assertTrue(fed.secrets().contains(value));
    }

    @Test
    void aTerminalRunReadsTheValueFromAFileItRemovesFirst(@TempDir Path dir) throws Exception {
        String value = "line1\nit's $HOME `id` $(touch canary)\r\nend\\";
        EnvFile file = EnvFile.of(new Env(Map.of(), List.of("X"), Map.of()), Secrets.of(Map.of("X", value)));
        Path exports = dir.resolve(".kamal/web.env.exec-1234");
        Files.createDirectories(exports.getParent());
        Files.writeString(exports, file.exports());
        Command run = file.sourced(".kamal/web.env.exec-1234", Command.of("printenv", "X"));
        assertTrue(run.secrets().contains(value));
        Process p = new ProcessBuilder("/bin/sh", "-c", ShellQuoting.render(run)).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(value + "\n", out);
        assertFalse(Files.exists(exports), "the file is removed before the run");
        assertFalse(Files.exists(dir.resolve("canary")), "nothing in the value ran");
    }

    @Test
    void withoutBareValuesTheRunIsUnchanged() {
        Command run = Command.of("docker", "run");
        assertSame(run, EnvFile.of(Env.EMPTY, Example.SECRETS).feed(run));
    }

    @Test
    void onlyLineBreaksAreEscaped() {
        assertEquals("\t\\r\u001b\u0001\u007f#{x}\\n\\", EnvFile.escape("\t\r\u001b\u0001\u007f#{x}\n\\"));
    }

    @Test
    void runningExampleAndAliasedSecret() {
        Env env = new Env(Map.of("DB_HOST", "db.internal"), List.of("DB_PASSWORD", "API_KEY:KAMAL_REGISTRY_PASSWORD"),
                Map.of());
        assertEquals("DB_PASSWORD=dbpw\nAPI_KEY=s3cret\n", EnvFile.of(env, Example.SECRETS).content());
    }

    @Test
    void anEnvWithoutSecretsIsASingleNewline() {
        assertEquals("\n", EnvFile.of(Env.EMPTY, Example.SECRETS).content());
    }

    @Test
    void anUnknownSecretFails() {
        Env env = new Env(Map.of(), List.of("NOPE"), Map.of());
        assertThrows(SecretNotFoundException.class, () -> EnvFile.of(env, Example.SECRETS));
    }
}
