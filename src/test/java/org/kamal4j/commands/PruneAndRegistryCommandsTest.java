package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.kamal4j.commands.RemoteArgv.assertSameArgv;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kamal4j.config.Registry;
import org.kamal4j.config.SecretValue;

class PruneAndRegistryCommandsTest {

    private final PruneCommands prune = new PruneCommands(Example.config());

    @Test
    void pruneContainersKeepsTheRetainedOnes() {
        assertEquals("docker ps -q -a --filter label=service=app --filter status=created --filter status=exited"
                + " --filter status=dead | tail -n +6 | while read container_id; do docker rm $container_id; done",
                prune.containers(5).toShell());
        assertThrows(IllegalArgumentException.class, () -> prune.containers(0));
    }

    @Test
    void pruneImagesLinesOfTheReference() {
        assertEquals("docker image prune --force --filter label=service=app", prune.danglingImages().toShell());
        String kamal = "docker image ls --filter label=service=app --format '{{.ID}} {{.Repository}}:{{.Tag}}' | grep -v -w \"$(docker container ls -a --format '{{.Image}}\\|' --filter label=service=app | tr -d '\\n')registry.example/app:latest\\|registry.example/app:<none>\" | while read image tag; do docker rmi $tag; done";
        assertEquals(kamal, prune.taggedImages().toShell());
        assertEquals(prune.danglingImages().toShell() + " && " + kamal, prune.images().toShell());
    }

    @Test
    void pruneImagesOfADestinationKeepsItsLatestTag() {
        String line = new PruneCommands(Example.staging()).taggedImages().toShell();
        assertEquals(true, line.contains(")registry.example/app:latest-staging\\|registry.example/app:<none>\""));
    }

    @Test
    void loginSendsThePasswordOnStandardInput() {
        Command login = new RegistryCommands(Example.config().registry(), Example.SECRETS).login();
        assertEquals("docker login registry.example -u deployer --password-stdin", login.toShell());
        assertArrayEquals("s3cret".getBytes(StandardCharsets.UTF_8), login.stdin());
        assertEquals(Set.of("s3cret"), login.secrets());
        assertSameArgv("docker login registry.example -u \"deployer\" --password-stdin", login, "docker");
    }

    @Test
    void dockerHubLoginWithSecretUsernameHidesBoth() {
        Registry hub = new Registry(null, SecretValue.secret("DB_PASSWORD"), SecretValue.literal("pw"));
        Command login = new RegistryCommands(hub, Example.SECRETS).login();
        assertEquals("docker login -u [REDACTED] --password-stdin", login.display());
        assertEquals("docker logout", new RegistryCommands(hub, Example.SECRETS).logout().toShell());
    }

    @Test
    void logoutAndLocalRegistry() {
        assertEquals("docker logout registry.example",
                new RegistryCommands(Example.config().registry(), Example.SECRETS).logout().toShell());
        Registry local = new Registry("localhost:5555", null, null);
        assertThrows(IllegalStateException.class, () -> new RegistryCommands(local, Example.SECRETS).login());
    }
}
