package org.kamal4j.config.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandSubstitutionTest {

    private final List<String> ran = new ArrayList<>();
    private final CommandSubstitution subst = new CommandSubstitution(command -> {
        ran.add(command);
        return "[" + command + "]";
    });

    private String apply(String value) {
        return subst.apply(value, Map.of(), Map.of(), "f:1");
    }

    @Test
    void nestedParenthesesBelongToOneCommand() {
        assertEquals("a [echo $(echo (x))] b", apply("a $(echo $(echo (x))) b"));
        assertEquals(List.of("echo $(echo (x))"), ran);
    }

    @Test
    void escapedParenthesisDoesNotCountForNesting() {
        assertEquals("[echo \\(]", apply("$(echo \\()"));
        assertEquals(List.of("echo \\("), ran);
    }

    @Test
    void unbalancedOrEmptyGroupsAreLeftAlone() {
        assertEquals("$(echo ( x", apply("$(echo ( x"));
        assertEquals("$()", apply("$()"));
        assertTrue(ran.isEmpty());
    }

    @Test
    void escapedCommandIsKeptWithoutTheBackslash() {
        assertEquals("$(echo hi) [date]", apply("\\$(echo hi) $(date)"));
        assertEquals(List.of("date"), ran);
    }

    @Test
    void realShellRunsInTheProjectDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("master.key"), "abc123\n");
        CommandSubstitution real = new CommandSubstitution(new ShellCommandRunner(dir, Map.of("PATH", System.getenv("PATH"))));
        assertEquals("abc123", real.apply("$(cat master.key)", Map.of(), Map.of(), "f:1"));
        assertEquals("a\nb", real.apply("$(printf 'a\\nb\\n\\n' | head -2)", Map.of(), Map.of(), "f:1"));
    }

    @Test
    void realShellFailureIsReportedWithoutOutput(@TempDir Path dir) {
        CommandSubstitution real = new CommandSubstitution(new ShellCommandRunner(dir, Map.of("PATH", System.getenv("PATH"))));
        SecretsFileException e = assertThrows(SecretsFileException.class,
                () -> real.apply("$(echo s3cr3t; exit 7)", Map.of(), Map.of(), ".kamal/secrets:4"));
        assertEquals(".kamal/secrets:4: command substitution $(...) failed: the command exited with status 7;"
                + " run the command in a shell from the project directory to see why", e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"));
    }

    @Test
    void kamalSecretsRunsInProcess() {
        String json = apply("$(kamal secrets fetch --adapter test --account acc --from Vault/Item DB_PASSWORD)");
        assertEquals("\\{\\\"Vault/Item/DB_PASSWORD\\\":\\\"DROWSSAP_BD/metI/tluaV\\\"\\}", json);
        assertTrue(ran.isEmpty());
    }

    @Test
    void typicalKamalSecretsFile() {
        String file = "SECRETS=$(kamal secrets fetch --adapter test --account my-account --from Vault/Item REGISTRY_PASSWORD DB_PASSWORD)\n"
                + "KAMAL_REGISTRY_PASSWORD=$(kamal secrets extract REGISTRY_PASSWORD $SECRETS)\n"
                + "DB_PASSWORD=$(kamal secrets extract DB_PASSWORD ${SECRETS})\n";
        Map<String, String> v = new DotenvParser(Map.of(), c -> {
            throw new AssertionError("no process expected: " + c);
        }).parse(file, ".kamal/secrets");
        assertEquals("DROWSSAP_YRTSIGER/metI/tluaV", v.get("KAMAL_REGISTRY_PASSWORD"));
        assertEquals("DROWSSAP_BD/metI/tluaV", v.get("DB_PASSWORD"));
    }

    @Test
    void extractMissingSecretNamesIt() {
        SecretsFileException e = assertThrows(SecretsFileException.class,
                () -> apply("$(kamal secrets extract NOPE '{\"A\":\"secretvalue\"}')"));
        assertEquals("f:1: Could not find secret NOPE", e.getMessage());
    }

    @Test
    void vendorAdapterExplainsTheCliEquivalent() {
        SecretsFileException e = assertThrows(SecretsFileException.class,
                () -> apply("$(kamal secrets fetch --adapter 1password --account a --from V/I X)"));
        assertTrue(e.getMessage().contains("$(op read op://"), e.getMessage());
    }

    @Test
    void unknownAdapter() {
        SecretsFileException e = assertThrows(SecretsFileException.class,
                () -> apply("$(kamal secrets fetch --adapter nosuch X)"));
        assertEquals("f:1: Unknown secrets adapter: nosuch", e.getMessage());
    }

    @Test
    void testAdapterNeedsAnAccount() {
        SecretsFileException e = assertThrows(SecretsFileException.class,
                () -> apply("$(kamal secrets fetch --adapter test X)"));
        assertEquals("f:1: No value provided for required options '--account'", e.getMessage());
    }
}
