package org.kamal4j.config.erb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real Ruby ERB on JRuby (a test-scoped dependency here, a plugin dependency for users). */
class JRubyErbTest {

    private static final Map<String, String> ENV = Map.of("HOSTS", "10.0.0.1,10.0.0.2", "STAGE", "production");

    @Test
    void loopsAndConditionalsRenderThroughRuby() {
        String template = String.join("\n",
                "servers:",
                "<% ENV[\"HOSTS\"].split(\",\").each do |h| -%>",
                "  - <%= h %>",
                "<% end -%>",
                "<%- if ENV[\"STAGE\"] == \"production\" -%>",
                "proxy:",
                "  ssl: true",
                "<%- else -%>",
                "proxy: {}",
                "<%- end -%>",
                "name: <%= ENV.fetch(\"NAME\", \"app\").upcase %>",
                "");
        String expected = "servers:\n  - 10.0.0.1\n  - 10.0.0.2\nproxy:\n  ssl: true\nname: APP\n";
        assertEquals(expected, ErbRenderer.render(template, "config/deploy.yml", ENV));
    }

    @Test
    void envIsExactlyTheGivenMap() {
        String out = ErbRenderer.render("<%= ENV.key?(\"PATH\") %> <%= ENV.to_h.keys.sort.join(',') %>", "d.yml", ENV);
        assertEquals("false HOSTS,STAGE", out);
    }

    @Test
    void rubyAndPureJavaAgreeOnTheSubset() {
        // Every trimming and literal case of the subset in one template, because each JRuby runtime is slow to start.
        String template = String.join("",
                "a: <%= ENV[\"STAGE\"] %>\n",
                "<%# comment -%>\n",
                "  <%- -%>\n",
                "\t <%- -%>  \n",
                "x <%- -%>y\n",
                "b: <%= ENV[\"NOPE\"] || 'd' %>|<%= ENV['STAGE'] || \"z\" %>\n",
                "c: <%% x %%> %>\n",
                "<%# has %%> inside %>\n",
                "d: <%= ENV.fetch('NOPE', \"e\\tf\") -%>\n",
                "e: <%= ENV.fetch(\"NOPE\") { 'blk' } -%> tail\n",
                "f: <%=ENV.fetch('HOSTS')%>-%>\n",
                "g: [<%= ENV[\"NOPE\"] %>]<% %>\r\n",
                "<%# crlf -%>\r\n",
                "h: '<%= 'it\\'s' %>' \"<%= \"q\\\"\\\\\" %>\"\n",
                "text -%> and %> and %%> stay outside tags\n",
                "   <%- -%>   <%- -%>\n",
                "i: <%= \"<%%>\" %>|<%%  <%- -%>|x\\t<%- -%> y\n",
                "  \t<%# multi\nline\ncomment -%>\n",
                "<%=\n  ENV.fetch(\n 'NOPE',\n 'dflt'\n )\n-%>\n");
        String pureJava = ErbRenderer.render(template, "d.yml", ENV, Optional.empty());
        String ruby = JRubyErb.detect().orElseThrow().render(template, "d.yml", ENV);
        assertTrue(pureJava.startsWith("a: production\n"), pureJava);
        assertEquals(ruby, pureJava);
    }

    @Test
    void rubyErrorsNameFileAndLine() {
        ErbException e = assertThrows(ErbException.class,
                () -> ErbRenderer.render("a: 1\nb: <%= ENV.fetch(\"MISSING\").strip %>\n", "config/deploy.yml", ENV));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("MISSING"), e.getMessage());
        assertTrue(e.getMessage().contains("KeyError"), e.getMessage());
    }
}
