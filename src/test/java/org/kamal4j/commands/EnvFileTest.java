package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kamal4j.config.Env;
import org.kamal4j.config.SecretNotFoundException;
import org.kamal4j.config.Secrets;

class EnvFileTest {

    @Test
    void escapingExampleOfTheReference() {
        String value = "a \"b\" $HOME #x \\ \n é";
        EnvFile file = EnvFile.of(new Env(Map.of(), List.of("X"), Map.of()), Secrets.of(Map.of("X", value)));
        // exact bytes (one backslash stays one, unlike Kamal); only the newline a line cannot hold is escaped
        assertEquals("X=a \"b\" $HOME #x \\ \\n é\n", file.content());
        assertEquals(Set.of(value), file.secretValues());
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
