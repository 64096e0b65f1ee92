package org.kamal4j.config.erb;

import java.util.Map;

/** Renders the ERB in a deploy.yml. Placeholder signature: the implementation lands with the ERB work. */
public final class ErbRenderer {

    private ErbRenderer() {}

    /**
     * Renders {@code template} (the text of {@code fileName}) with {@code env} as Ruby's ENV.
     *
     * @throws ErbException naming the file and line when the template cannot be rendered faithfully
     */
    public static String render(String template, String fileName, Map<String, String> env) {
        if (!template.contains("<%")) {
            return template;
        }
        throw new ErbException(fileName, 1, "ERB rendering is not implemented yet");
    }
}
