package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command.Text;
import org.kamal4j.commands.Command.Text.Kind;

class ShellQuotingTest {

    @Test
    void plainWordsStayBare() {
        assertEquals("docker ps --filter label=service=app", Command.of("docker", "ps", "--filter",
                "label=service=app").toShell());
    }

    @Test
    void singleQuotesAreEscapedInsideSingleQuotes() {
        assertEquals("echo 'it'\\''s'", Command.of("echo", "it's").toShell());
    }

    @Test
    void emptyArgumentIsQuoted() {
        assertEquals("echo ''", Command.of("echo", "").toShell());
    }

    @Test
    void expandingArgumentKeepsDollarActive() {
        Command c = Command.ofParts(List.of(new Text(Kind.ARG, "--volume"),
                new Text(Kind.EXPAND, "$PWD/a \"b\":/c")));
        assertEquals("--volume \"$PWD/a \\\"b\\\":/c\"", c.toShell());
    }

    @Test
    void pipesAndSecretsAreRedactedInDisplay() {
        Command c = Command.of("echo", "s3cret").pipe(Command.of("cat")).withSecrets(List.of("s3cret"));
        assertEquals("echo s3cret | cat", c.toShell());
        assertEquals("echo [REDACTED] | cat", c.display());
    }

    @Test
    void aSubshellRendersItsInnerCommandAsOneArgumentAndKeepsItsSecrets() {
        Command inner = Command.of("docker", "login", "-p", "it's-s3cr3t").or(Command.of("true"))
                .withSecrets(List.of("it's-s3cr3t"));
        Command c = Command.subshell(inner).and(Command.of("echo", "done"));

        assertEquals("sh -c " + ShellQuoting.quote(inner.toShell()) + " && echo done", c.toShell());
        assertEquals(Set.of("it's-s3cr3t"), c.secrets());
        assertEquals("sh -c 'docker login -p '\\''[REDACTED]'\\'' || true' && echo done", c.display());
        assertEquals("sh", c.program());
    }
}
