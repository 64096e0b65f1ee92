package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServerCommandsTest {

    @Test
    void bootstrapLinesOfTheReference() {
        assertEquals("docker -v", ServerCommands.dockerVersion().toShell());
        assertEquals("[ \"${EUID:-$(id -u)}\" -eq 0 ] || sudo -nl usermod >/dev/null",
                ServerCommands.rootOrPasswordlessSudo().toShell());
        assertEquals("sh -c 'curl -fsSL https://get.docker.com || wget -O - https://get.docker.com || echo \"exit 1\"' | sh",
                ServerCommands.installDocker().toShell());
        assertEquals("[ \"${EUID:-$(id -u)}\" -eq 0 ]", ServerCommands.isRoot().toShell());
        assertEquals("id -nG \"${USER:-$(id -un)}\" | grep -qw docker", ServerCommands.inDockerGroup().toShell());
        assertEquals("[ \"${EUID:-$(id -u)}\" -eq 0 ] || id -nG \"${USER:-$(id -un)}\" | grep -qw docker",
                ServerCommands.canUseDocker().toShell());
        assertEquals("sudo -n usermod -aG docker \"${USER:-$(id -un)}\"", ServerCommands.addToDockerGroup().toShell());
        assertEquals("kill -HUP $PPID", ServerCommands.refreshSession().toShell());
        assertEquals("mkdir -p .kamal", ServerCommands.ensureRunDirectory().toShell());
    }

    @Test
    void networkCommands() {
        assertEquals("docker network create kamal", ServerCommands.createNetwork("kamal").toShell());
        assertEquals("docker network inspect kamal > /dev/null 2>&1 || docker network create kamal",
                ServerCommands.ensureNetwork("kamal").toShell());
    }
}
