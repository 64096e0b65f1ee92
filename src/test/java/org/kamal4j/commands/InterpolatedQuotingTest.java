package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command.Text;
import org.kamal4j.commands.Command.Text.Kind;

/** Nasty values through the Kamal-style value part and substitutions: the remote argv is the value. */
class InterpolatedQuotingTest {

    private static String echoed(Command.Part part) {
        return RemoteArgv.of(Command.ofParts(List.of(new Text(Kind.ARG, "docker"), part)).toShell(), "docker");
    }

    @Test
    void valuesWithoutAGroupArriveExactly() {
        for (String value : List.of("plain", "a b", "it's", "$HOME", "`id`", "a;b|c&d", "line\nbreak", "é ü",
                "back\\slash", "\"q\"", "#{x}", "${unterminated", "")) {
            assertEquals("docker [" + value + "]\n", echoed(new Text(Kind.INTERPOLATED, value)), value);
        }
    }

    @Test
    void groupsExpandRemotelyAndTheRestStaysLiteral() {
        assertEquals("docker [kept $HOME `x` \"q\" \\ kept]\n",
                echoed(new Text(Kind.INTERPOLATED, "${KEEP} $HOME `x` \"q\" \\ ${KEEP}")));
        assertEquals("\"TOKEN=${KEEP}\"", ShellQuoting.quoteInterpolated("TOKEN=${KEEP}"));
    }

    @Test
    void onlyPlainNameGroupsExpandUnlikeKamal() {
        // Kamal leaves any ${...} active, so ${Z:=..}${Z@P} runs code on the host; we keep only ${NAME}.
        assertEquals("'${A:-$B}'", ShellQuoting.quoteInterpolated("${A:-$B}"));
        assertEquals("docker [${Z:=$(id)}${Z@P} kept $1]\n",
                echoed(new Text(Kind.INTERPOLATED, "${Z:=$(id)}${Z@P} ${KEEP} $1")));
    }

    @Test
    void expandKeepsOnlyNameReferences() {
        assertEquals("docker [kept/kept-$(id)-`id`-${K:-x}-$1-$]\n",
                echoed(new Text(Kind.EXPAND, "$KEEP/${KEEP}-$(id)-`id`-${K:-x}-$1-$")));
    }

    @Test
    void quotedSubstitutionIsOneWord() {
        Command.Substitution s = new Command.Substitution("a b ", Command.of("printf", "%s", "x y"), " $c\\", true);
        assertEquals("\"a b $(printf %s 'x y') \\$c\\\\\"", ShellQuoting.render(Command.ofParts(List.of(s))));
        assertEquals("docker [a b x y $c\\]\n", echoed(s));
    }

    @Test
    void unquotedSubstitutionIsSplitAsKamalDoes() {
        Command.Substitution s = new Command.Substitution("id=", Command.of("printf", "%s", "x y"), "", false);
        assertEquals("docker [id=x] [y]\n", echoed(s));
    }

    @Test
    void verbatimIsShellText() {
        Command c = Command.ofParts(List.of(new Text(Kind.ARG, "docker"), new Text(Kind.VERBATIM, "a 'b c' $KEEP")));
        assertEquals("docker [a] [b c] [kept]\n", RemoteArgv.of(c.toShell(), "docker"));
        assertEquals("a", Command.ofParts(List.of(new Text(Kind.VERBATIM, "a b"))).program());
    }
}
