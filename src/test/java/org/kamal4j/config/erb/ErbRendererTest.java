package org.kamal4j.config.erb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure-Java subset; JRuby is deliberately withheld so nothing here can pass through Ruby. */
class ErbRendererTest {

    private static final Map<String, String> ENV = Map.of("HOST", "example.com", "EMPTY", "", "PORT", "3000");

    private static String render(String template) {
        return ErbRenderer.render(template, "config/deploy.yml", ENV, Optional.empty());
    }

    @Test
    void templateWithoutTagsIsUnchanged() {
        assertEquals("service: app\n", ErbRenderer.render("service: app\n", "config/deploy.yml", Map.of()));
    }

    @Test
    void envIndexWithDoubleAndSingleQuotes() {
        assertEquals("host: example.com:3000\n", render("host: <%= ENV[\"HOST\"] %>:<%=ENV['PORT']%>\n"));
    }

    @Test
    void missingEnvIndexRendersEmpty() {
        assertEquals("x: []", render("x: [<%= ENV[\"NOPE\"] %>]"));
    }

    @Test
    void fetchWithAndWithoutDefault() {
        assertEquals("example.com d 3000 blockd",
                render("<%= ENV.fetch(\"HOST\") %> <%= ENV.fetch('NOPE', 'd') %> <%= ENV.fetch(\"PORT\", \"1\") %>"
                        + " <%= ENV.fetch(\"NOPE\") { \"blockd\" } %>"));
    }

    @Test
    void fetchDefaultMayBeAnotherLookup() {
        assertEquals("example.com", render("<%= ENV.fetch(\"NOPE\", ENV[\"HOST\"]) %>"));
    }

    @Test
    void fetchWithoutDefaultFailsLikeKeyErrorWithFileAndLine() {
        ErbException e = assertThrows(ErbException.class, () -> render("a: 1\nb: <%= ENV.fetch(\"DB_HOST\") %>\n"));
        assertEquals("config/deploy.yml", e.fileName());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("config/deploy.yml:2: key not found: \"DB_HOST\""), e.getMessage());
    }

    @Test
    void orDefaultAppliesOnlyToNil() {
        assertEquals("default|", render("<%= ENV[\"NOPE\"] || \"default\" %>|<%= ENV['EMPTY'] || 'default' %>"));
        assertEquals("example.com", render("<%= ENV[\"A\"] || ENV[\"B\"] || ENV[\"HOST\"] %>"));
    }

    @Test
    void stringLiterals() {
        assertEquals("a\tb\n 'q' c\\d #x", render("<%= \"a\\tb\\n\" %><%= ' \\'q\\' ' %><%= 'c\\d' %><%= \" #x\" %>"));
    }

    @Test
    void commentTagsRenderNothing() {
        assertEquals("a: 1\n\nb: 2\n", render("a: 1\n<%# a comment with ENV[\"X\"] and %%> inside %>\nb: 2\n"));
    }

    @Test
    void doublePercentIsALiteralTag() {
        assertEquals("<% not a tag %>", render("<%% not a tag %>"));
    }

    @Test
    void dashCloseTrimsTheFollowingNewline() {
        assertEquals("a: 1\nb: 2\n", render("a: 1\n<%# gone -%>\nb: 2\n"));
        assertEquals("x: example.comy: 1\n", render("x: <%= ENV[\"HOST\"] -%>\ny: 1\n"));
    }

    @Test
    void dashCloseTrimsCrlfToo() {
        assertEquals("a\r\nb\r\n", render("a\r\n<%# c -%>\r\nb\r\n"));
    }

    @Test
    void dashCloseWithoutNewlineJustCloses() {
        assertEquals("[example.com] x", render("[<%= ENV[\"HOST\"] -%>] x"));
    }

    @Test
    void dashOpenDropsIndentationOnlyAtLineStart() {
        assertEquals("a:\nb: 1\n", render("a:\n    <%- -%>\nb: 1\n"));
        assertEquals("a:\n  x: example.com\n", render("a:\n\t <%- -%>\n  x: <%= ENV[\"HOST\"] %>\n"));
        assertEquals("x \ty", render("x \t<%- -%>y"));
    }

    @Test
    void dashOpenAlsoDropsBlanksRightAfterThePreviousTag() {
        // Ruby's trim-mode scanner matches ^ at its scan position, i.e. right after a closing tag or <%%.
        assertEquals("example.com|", render("<%= ENV[\"HOST\"] %>  \t<%- -%>|"));
        assertEquals("<%|", render("<%%   <%- -%>|"));
        assertEquals("a   |", render("a   <%- -%>|"));
    }

    @Test
    void closingTagsOutsideAndOpeningTagsInsideAreText() {
        assertEquals("x -%> %> y", render("x -%> %> y"));
        assertEquals("<%>", render("<%= \"<%%>\" %>"));
    }

    @Test
    void tagLineIsTheLineOfItsOpening() {
        ErbException e = assertThrows(ErbException.class, () -> render("a\n<%# x\ny %>\n  <%- z\n%>"));
        assertEquals(4, e.line());
    }

    @Test
    void plainCloseKeepsNewline() {
        assertEquals("a\n\nb", render("a\n<% %>\nb"));
    }

    @Test
    void unsupportedTagWithoutJRubyNamesFileLineAndFix() {
        String template = "service: app\nservers:\n<% [1, 2].each do |i| %>\n  - 10.0.0.<%= i %>\n<% end %>\n";
        ErbException e = assertThrows(ErbException.class, () -> render(template));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("config/deploy.yml:3: the ERB tag <% [1, 2].each do |i| %> needs Ruby"), e.getMessage());
        assertTrue(e.getMessage().contains("<groupId>org.jruby</groupId>"), e.getMessage());
        assertTrue(e.getMessage().contains("<artifactId>jruby-complete</artifactId>"), e.getMessage());
        assertTrue(e.getMessage().contains("<version>" + ErbRenderer.JRUBY_VERSION + "</version>"), e.getMessage());
    }

    @Test
    void unsupportedOutputExpressionIsNotGuessed() {
        ErbException e = assertThrows(ErbException.class, () -> render("a: 1\nb: <%= ENV[\"HOST\"].upcase %>\n"));
        assertEquals(2, e.line());
        ErbException shell = assertThrows(ErbException.class, () -> render("p: <%= `cat pw` %>"));
        assertEquals(1, shell.line());
        ErbException interpolation = assertThrows(ErbException.class, () -> render("p: <%= \"#{ENV['HOST']}\" %>"));
        assertEquals(1, interpolation.line());
    }

    @Test
    void unterminatedTagIsReported() {
        ErbException e = assertThrows(ErbException.class, () -> render("a: 1\nb: <%= ENV[\"HOST\"]\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("without its closing %>"), e.getMessage());
    }

    @Test
    void noJRubyVisibleFromAnEmptyClassLoader() {
        ClassLoader platformOnly = new ClassLoader(null) {};
        assertTrue(JRubyErb.detect(platformOnly).isEmpty());
        assertTrue(JRubyErb.detect(getClass().getClassLoader()).isPresent());
    }
}
