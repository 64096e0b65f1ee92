package org.kamal4j.config.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotenvParserTest {

    private final List<String> commands = new ArrayList<>();

    private Map<String, String> parse(String text) {
        return parse(text, Map.of());
    }

    private Map<String, String> parse(String text, Map<String, String> env) {
        CommandRunner echoRunner = command -> {
            commands.add(command);
            return "out(" + command + ")\n";
        };
        return new DotenvParser(env, echoRunner).parse(text, ".kamal/secrets");
    }

    @Test
    void keyEqualsValue() {
        assertEquals(Map.of("A", "1", "B", "two words"), parse("A=1\nB=two words\n"));
    }

    @Test
    void exportPrefixIsIgnored() {
        assertEquals(Map.of("A", "1"), parse("export A=1"));
    }

    @Test
    void exportWithoutValueOfUnknownKeyFailsWithFileAndLine() {
        SecretsFileException e = assertThrows(SecretsFileException.class, () -> parse("A=1\nexport B\n"));
        assertTrue(e.getMessage().startsWith(".kamal/secrets:2: 'export B' has an unset variable"), e.getMessage());
    }

    @Test
    void exportWithoutValueOfKnownKeyKeepsIt() {
        assertEquals(Map.of("A", "1"), parse("A=1\nexport A\n"));
    }

    @Test
    void yamlStyleColonNeedsASpace() {
        assertEquals(Map.of("A", "1"), parse("A: 1\nB:2\n"));
    }

    @Test
    void keysMayContainDots() {
        assertEquals(Map.of("a.b_C9", "x"), parse("a.b_C9=x"));
    }

    @Test
    void spacesAroundEqualsAndValueAreTrimmed() {
        assertEquals(Map.of("A", "value"), parse("  A =   value   \n"));
    }

    @Test
    void commentsOnTheirOwnLinesAndAfterUnquotedValues() {
        assertEquals(Map.of("A", "1", "B", "2"), parse("# a comment\nA=1 # trailing\n  # indented\nB=2#tight\n"));
    }

    @Test
    void hashInsideQuotesIsKept() {
        assertEquals(Map.of("A", "a#b", "B", "c # d"), parse("A='a#b'\nB=\"c # d\" # comment\n"));
    }

    @Test
    void emptyValuesAndBareKeys() {
        assertEquals(Map.of("A", "", "B", "", "C", ""), parse("A=\nB=  # nothing\nC\n"));
    }

    @Test
    void unquotedBackslashEscapesDropTheBackslash() {
        assertEquals("atb \\ x", parse("A=a\\tb \\\\ x").get("A"));
    }

    @Test
    void singleQuotedIsLiteral() {
        assertEquals("$HOME \\n $(echo x) \\t", parse("A='$HOME \\n $(echo x) \\t'", Map.of("HOME", "/root")).get("A"));
        assertTrue(commands.isEmpty());
    }

    @Test
    void doubleQuotedSpansLinesAndKeepsBackslashN() {
        Map<String, String> v = parse("A=\"line1\nline2\\nstill2\"\nB=after\n");
        assertEquals("line1\nline2\\nstill2", v.get("A"));
        assertEquals("after", v.get("B"));
    }

    @Test
    void doubleQuotedEscapes() {
        assertEquals("say \"hi\" t \\ $", parse("A=\"say \\\"hi\\\" \\t \\\\ \\$\"").get("A"));
    }

    @Test
    void legacyLinebreakModeExpandsBackslashN() {
        assertEquals("a\nb", parse("DOTENV_LINEBREAK_MODE=legacy\nA=\"a\\nb\"").get("A"));
        assertEquals("a\nb", parse("A=\"a\\nb\"", Map.of("DOTENV_LINEBREAK_MODE", "legacy")).get("A"));
    }

    @Test
    void variablesFromEarlierKeysThenEnvironmentElseEmpty() {
        Map<String, String> v = parse("A=one\nB=$A-${A}-$HOME-$MISSING.\nC=\"${B}\"\n", Map.of("HOME", "/home/me", "A", "env"));
        assertEquals("one-one-/home/me-.", v.get("B"));
        assertEquals("one-one-/home/me-.", v.get("C"));
    }

    @Test
    void laterKeysAreNotVisibleToEarlierOnes() {
        assertEquals("", parse("A=$B\nB=1").get("A"));
    }

    @Test
    void fileValuesWinOverEnvironment() {
        assertEquals("file", parse("TOKEN=file", Map.of("TOKEN", "env")).get("TOKEN"));
    }

    @Test
    void backslashDollarPreventsSubstitution() {
        assertEquals("$A ${A} $(cmd)", parse("A=1\nB=\\$A \\${A} \\$(cmd)").get("B"));
        assertTrue(commands.isEmpty());
    }

    @Test
    void loneDollarAndEmptyBracesStay() {
        assertEquals("cost $ 5 ${}", parse("A=cost $ 5 ${}").get("A"));
    }

    @Test
    void commandSubstitutionRunsAndDropsOneTrailingNewline() {
        assertEquals("x out(cat config/master.key) y", parse("A=x $(cat config/master.key) y").get("A"));
        assertEquals(List.of("cat config/master.key"), commands);
    }

    @Test
    void commandSubstitutionInDoubleQuotes() {
        assertEquals("out(echo hi)", parse("A=\"$(echo hi)\"").get("A"));
    }

    @Test
    void variablesInsideTheCommandAreSubstitutedBeforeItRuns() {
        parse("USER_NAME=bob\nA=$(echo $USER_NAME ${HOME})", Map.of("HOME", "/h"));
        assertEquals(List.of("echo bob /h"), commands);
    }

    @Test
    void variablesInCommandOutputAreSubstitutedAfterwards() {
        CommandRunner runner = command -> "$NAME and \\$NAME\n";
        Map<String, String> v = new DotenvParser(Map.of(), runner).parse("NAME=n\nA=$(printf x)", "f");
        assertEquals("n and $NAME", v.get("A"));
    }

    @Test
    void crlfAndBomAreNormalised() {
        assertEquals(Map.of("A", "1", "B", "2"), parse("\uFEFFA=1\r\nB=2\r\n"));
    }

    @Test
    void linesThatAreNotAssignmentsAreIgnored() {
        assertEquals(Map.of("A", "1"), parse("this is not valid\nA=1\n"));
    }

    @Test
    void longQuotedValuesDoNotOverflow() {
        String pem = "-----BEGIN KEY-----\n" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n".repeat(5000) + "-----END KEY-----";
        assertEquals(pem, parse("KEY=\"" + pem + "\"\nNEXT=1").get("KEY"));
    }

    @Test
    void failingCommandNamesFileAndLineButNoValue() {
        CommandRunner failing = command -> {
            throw new CommandRunner.LocalCommandFailedException("the command exited with status 3");
        };
        SecretsFileException e = assertThrows(SecretsFileException.class,
                () -> new DotenvParser(Map.of(), failing).parse("PW=hunter2\nB=$(op read $PW)\n", ".kamal/secrets"));
        assertTrue(e.getMessage().startsWith(".kamal/secrets:2: command substitution $(...) failed"), e.getMessage());
        assertTrue(e.getMessage().contains("status 3"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
