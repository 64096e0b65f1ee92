package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RemoteArgvTest {

    @Test
    void printsEachArgumentAfterShellParsing() {
        assertEquals("docker [a b] [c] [kept] [$X]\n", RemoteArgv.of("docker 'a b' c \"${KEEP}\" '$X'", "docker"));
    }

    @Test
    void detectsADifferentArgv() {
        assertThrows(AssertionError.class,
                () -> RemoteArgv.assertSameArgv("docker a b", Command.of("docker", "a b"), "docker"));
    }

    @Test
    void pwdIsTheHomeDirectory() {
        assertEquals("docker [<home>/x]\n", RemoteArgv.of("docker $PWD/x", "docker"));
    }
}
