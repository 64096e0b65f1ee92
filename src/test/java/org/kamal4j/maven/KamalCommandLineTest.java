package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kamal command lines (alias texts) to goals and their properties. */
class KamalCommandLineTest {

    private static KamalCommandLine parse(String text) {
        return KamalCommandLine.parse(KamalCommandLine.split(text));
    }

    @Test
    void anExecAliasBecomesAppExecWithItsOptionsAndTheCommandAsOneValue() {
        KamalCommandLine l = parse("app exec -i --reuse -r web \"bin/rails console\"");
        assertEquals("app-exec", l.goal());
        assertEquals(Map.of("kamal.interactive", "true", "kamal.reuse", "true", "kamal.roles", "web",
                "kamal.command", "bin/rails console"), l.properties());
    }

    @Test
    void subcommandsWithUnderscoresAccessoriesAndRollbackVersions() {
        assertEquals("app-stale-containers", parse("app stale_containers --stop").goal());
        assertEquals(Map.of("kamal.accessory", "db", "kamal.command", "psql -c 'select 1'"),
                parse("accessory exec db psql -c \"'select 1'\"").properties());
        assertEquals(Map.of("kamal.version", "v41"), parse("rollback v41").properties());
        assertEquals(Map.of("kamal.follow", "true", "kamal.lines", "50", "kamal.grep", "ERROR"),
                parse("app logs -f --lines=50 -g ERROR").properties());
        assertEquals("details", parse("details").goal());
    }

    @Test
    void whatNoGoalDoesIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("console"));
        assertTrue(e.getMessage().startsWith("`console` is not a Kamal command"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("app logs --bogus"));
        assertEquals("option --bogus is not offered by the goal kamal:app-logs", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("app containers extra"));
        assertEquals("kamal:app-containers takes no argument extra", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("app"));
        assertTrue(e.getMessage().contains("needs a subcommand"), e.getMessage());
    }

    @Test
    void splitsAsAShellWouldForASimpleCommand() {
        assertEquals(List.of("a b", "c", "d\"e", "$x", "f g"), KamalCommandLine.split("'a b' c \"d\\\"e\" '$x' f\\ g"));
        assertThrows(IllegalArgumentException.class, () -> KamalCommandLine.split("'open"));
    }
}
