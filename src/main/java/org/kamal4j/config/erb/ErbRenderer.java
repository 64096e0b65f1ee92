package org.kamal4j.config.erb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kamal4j.config.ParseLimits;

/**
 * Renders the ERB in a deploy.yml as Kamal does ({@code ERB.new(text, trim_mode: "-").result}): the common
 * ENV forms in pure Java, anything else with real ERB on JRuby when the user adds it, otherwise a clear error.
 */
public final class ErbRenderer {

    static final String JRUBY_VERSION = "9.4.8.0";

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
        String out = render(template, fileName, env, JRubyErb.detect());
        if (out.length() > ParseLimits.MAX_BYTES) {
            throw new ErbException(fileName, 1, "the rendered ERB is " + ParseLimits.exceeded("characters",
                    ParseLimits.MAX_BYTES));
        }
        return out;
    }

    /** Ruby can loop forever; the render runs on a daemon thread that is abandoned after the time limit. */
    private static String bounded(JRubyErb jruby, String template, String fileName, Map<String, String> env) {
        FutureTask<String> task = new FutureTask<>(() -> jruby.render(template, fileName, env));
        Thread t = new Thread(task, "kamal-erb");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(ParseLimits.MAX_RUBY_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            throw new ErbException(fileName, 1, "rendering the ERB " + ParseLimits.exceeded("seconds",
                    ParseLimits.MAX_RUBY_SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErbException(fileName, 1, "interrupted while rendering the ERB");
        }
    }

    static String render(String template, String fileName, Map<String, String> env, Optional<JRubyErb> jruby) {
        List<ErbPart> parts = ErbScanner.scan(template);
        List<EnvExpression.Node> compiled = new ArrayList<>();
        for (ErbPart part : parts) {
            Optional<EnvExpression.Node> node = compile(part);
            if (node.isEmpty()) {
                return jruby.map(j -> bounded(j, template, fileName, env))
                        .orElseThrow(() -> unsupported(fileName, part));
            }
            compiled.add(node.get());
        }
        StringBuilder out = new StringBuilder(template.length());
        for (int k = 0; k < parts.size(); k++) {
            out.append(evaluate(compiled.get(k), parts.get(k), fileName, env));
        }
        return out.toString();
    }

    /** The evaluation of one part, or empty when only Ruby can evaluate it. */
    private static Optional<EnvExpression.Node> compile(ErbPart part) {
        switch (part.kind()) {
            case TEXT:
                return Optional.of(env -> part.text());
            case COMMENT:
                return Optional.of(env -> "");
            case CODE:
                return part.text().isBlank() ? Optional.of(env -> "") : Optional.empty();
            case OUTPUT:
                try {
                    EnvExpression.Node node = EnvExpression.parse(part.text());
                    return Optional.of(env -> {
                        String v = node.apply(env);
                        return v == null ? "" : v;
                    });
                } catch (EnvExpression.Unsupported e) {
                    return Optional.empty();
                }
            default:
                return Optional.empty();
        }
    }

    private static String evaluate(EnvExpression.Node node, ErbPart part, String fileName, Map<String, String> env) {
        try {
            return node.apply(env);
        } catch (EnvExpression.KeyNotFound e) {
            throw new ErbException(fileName, part.line(), "key not found: \"" + e.key + "\" (KeyError from ENV.fetch): set "
                    + e.key + " in the environment, or give a default: ENV.fetch(\"" + e.key + "\", \"default\")");
        }
    }

    private static ErbException unsupported(String fileName, ErbPart part) {
        String tag = part.kind() == ErbPart.Kind.UNTERMINATED ? "an ERB tag without its closing %>"
                : "the ERB tag " + shorten(part);
        return new ErbException(fileName, part.line(), tag + " needs Ruby: without it kamal-maven-plugin renders only"
                + " <%= ENV[\"X\"] %>, ENV.fetch(\"X\"), ENV.fetch(\"X\", \"default\"), ENV[\"X\"] || \"default\","
                + " string literals, <%# comments %> and -%> / <%- trimming. To render this file exactly with Ruby's"
                + " ERB, add JRuby to the plugin in your pom.xml (see docs/erb.md):\n" + jrubySnippet());
    }

    private static String shorten(ErbPart part) {
        String open = part.kind() == ErbPart.Kind.OUTPUT ? "<%=" : "<%";
        String code = part.text().strip().replaceAll("\\s+", " ");
        return open + " " + (code.length() > 60 ? code.substring(0, 57) + "..." : code) + " %>";
    }

    /** The pom snippet that puts JRuby on the plugin's class path. */
    static String jrubySnippet() {
        return String.join("\n",
                "  <plugin>",
                "    <groupId>org.kamal4j</groupId>",
                "    <artifactId>kamal-maven-plugin</artifactId>",
                "    <dependencies>",
                "      <dependency>",
                "        <groupId>org.jruby</groupId>",
                "        <artifactId>jruby-complete</artifactId>",
                "        <version>" + JRUBY_VERSION + "</version>",
                "      </dependency>",
                "    </dependencies>",
                "  </plugin>");
    }
}
