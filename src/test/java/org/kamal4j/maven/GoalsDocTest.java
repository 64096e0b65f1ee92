package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/goals.md against the plugin descriptor that maven-plugin-plugin generated from the Mojos (the same one
 * {@code mvn kamal:help} prints): every goal and every {@code kamal.*} property is documented, and every goal and
 * user-settable parameter has a description for {@code kamal:help -Ddetail}.
 */
class GoalsDocTest {

    @Test
    void goalsMdListsEveryGoalAndPropertyOfThePluginAndEachHasADescription() throws Exception {
        String doc = Files.readString(Path.of("docs/goals.md"));
        List<String> missing = new ArrayList<>();
        NodeList mojos = descriptor().getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            if (!doc.contains("`kamal:" + goal + "`")) {
                missing.add("goal kamal:" + goal + " is not in docs/goals.md");
            }
            if (text(mojo, "description").isBlank()) {
                missing.add("goal " + goal + " has no description (Javadoc on its Mojo class)");
            }
            NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                    .getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element p = (Element) parameters.item(j);
                if (text(p, "editable").equals("true") && text(p, "description").isBlank()) {
                    missing.add("parameter " + goal + "/" + text(p, "name") + " has no description (Javadoc)");
                }
            }
            NodeList configuration = mojo.getElementsByTagName("configuration");
            NodeList configured = configuration.getLength() == 0 ? configuration
                    : configuration.item(0).getChildNodes();
            for (int j = 0; j < configured.getLength(); j++) {
                String expression = configured.item(j).getTextContent().strip();
                if (expression.startsWith("${kamal.") && !doc.contains(expression.substring(2,
                        expression.length() - 1))) {
                    missing.add("property " + expression + " of kamal:" + goal + " is not in docs/goals.md");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** Hooks get Kamal's top-level command as KAMAL_COMMAND: the goal's first word, for every goal that runs hooks. */
    @Test
    void everyFlowGoalGivesHooksTheFirstWordOfItsGoalAsKamalCommand() throws Exception {
        NodeList mojos = descriptor().getElementsByTagName("mojo");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Class<?> type = Class.forName(text(mojo, "implementation"));
            if (AbstractFlowMojo.class.isAssignableFrom(type)) {
                String goal = text(mojo, "goal");
                String name = ((AbstractFlowMojo) type.getDeclaredConstructor().newInstance()).commandName();
                if (!name.equals(goal.split("-")[0])) {
                    wrong.add(goal + " -> " + name);
                }
                checked++;
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 20, "flow goals found: " + checked);
        assertEquals("accessory", new AccessoryExecMojo() { }.commandName(), "a test's subclass of a goal");
    }

    private static Element descriptor() throws Exception {
        try (InputStream in = GoalsDocTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "target/classes/META-INF/maven/plugin.xml (maven-plugin-plugin:descriptor)");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    private static String text(Element e, String child) {
        NodeList n = e.getElementsByTagName(child);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent();
    }
}
