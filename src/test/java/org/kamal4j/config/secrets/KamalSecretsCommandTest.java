package org.kamal4j.config.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KamalSecretsCommandTest {

    @Test
    void recognisesInlineCommands() {
        assertTrue(KamalSecretsCommand.matches("  kamal secrets fetch -a test x"));
        assertFalse(KamalSecretsCommand.matches("kamal deploy"));
        assertFalse(KamalSecretsCommand.matches("echo kamal secrets x"));
    }

    @Test
    void testAdapterReversesNamesWithoutFromAndMapsParens() {
        String out = KamalSecretsCommand.run("kamal secrets fetch --adapter=test --account=a ABC xLPARENyRPAREN");
        assertEquals(ShellWords.escape("{\"ABC\":\"CBA\",\"xLPARENyRPAREN\":\")y(x\"}"), out);
    }

    @Test
    void extractMatchesExactKeyOrPathSuffix() {
        assertEquals("v1", KamalSecretsCommand.run("kamal secrets extract A '{\"A\":\"v1\"}'"));
        assertEquals("v2", KamalSecretsCommand.run("kamal secrets extract B '{\"V/I/B\":\"v2\"}'"));
    }

    @Test
    void otherSubcommandsAreRefusedWithoutEchoingValues() {
        IllegalArgumentException print = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KamalSecretsCommand.run("kamal secrets print"));
        assertTrue(print.getMessage().startsWith("unsupported inline command 'kamal secrets print'"), print.getMessage());
        IllegalArgumentException odd = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KamalSecretsCommand.run("kamal secrets S3cr3t!Value"));
        assertFalse(odd.getMessage().contains("S3cr3t"), odd.getMessage());
    }

    @Test
    void shellWordsRoundTripJson() {
        String json = "{\"k\":\"a b\\\"c$d'e\"}";
        assertEquals(List.of("x", json), ShellWords.split("x " + ShellWords.escape(json)));
        assertEquals(List.of("a b", "c\"d", "e f", "g"), ShellWords.split("'a b' \"c\\\"d\" e\\ f g"));
    }
}
