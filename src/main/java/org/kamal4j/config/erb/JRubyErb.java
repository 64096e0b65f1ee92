package org.kamal4j.config.erb;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real Ruby ERB through JRuby, when the user adds {@code org.jruby:jruby-complete} to the plugin's
 * dependencies. Used reflectively so the plugin has no compile or runtime dependency on JRuby.
 */
final class JRubyErb {

    static final String CONTAINER = "org.jruby.embed.ScriptingContainer";

    // The template and file name come in as globals; the result is [ok, line, text] so Ruby errors keep their line.
    private static final String SCRIPT = String.join("\n",
            "require 'erb'",
            "begin",
            "  ENV.replace($kamal4j_env_keys.to_a.zip($kamal4j_env_values.to_a).to_h)",
            "  erb = ERB.new($kamal4j_template, trim_mode: '-')",
            "  erb.filename = $kamal4j_file",
            "  [true, 0, erb.result]",
            "rescue ScriptError, StandardError => e",
            "  where = ([e.message] + (e.backtrace || [])).map { |l| l[/#{Regexp.escape($kamal4j_file)}:(\\d+)/, 1] }.compact.first",
            "  [false, where.to_i, \"#{e.message.sub(/\\A#{Regexp.escape($kamal4j_file)}:\\d+: ?/, '')} (#{e.class})\"]",
            "end");

    private final ClassLoader loader;

    private JRubyErb(ClassLoader loader) {
        this.loader = loader;
    }

    /** JRuby from the context class loader or the plugin's own, if either can see it. */
    static Optional<JRubyErb> detect() {
        return detect(Thread.currentThread().getContextClassLoader(), JRubyErb.class.getClassLoader());
    }

    static Optional<JRubyErb> detect(ClassLoader... loaders) {
        for (ClassLoader loader : loaders) {
            if (loader == null) {
                continue;
            }
            try {
                Class.forName(CONTAINER, false, loader);
                return Optional.of(new JRubyErb(loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // not visible from this loader; try the next
            }
        }
        return Optional.empty();
    }

    /** Renders the whole template with {@code ERB.new(template, trim_mode: "-").result} and ENV = {@code env}. */
    String render(String template, String fileName, Map<String, String> env) {
        Object container = null;
        try {
            Class<?> type = Class.forName(CONTAINER, true, loader);
            container = newContainer(type);
            List<?> result = run(type, container, template, fileName, env);
            if (!Boolean.TRUE.equals(result.get(0))) {
                throw new ErbException(fileName, ((Number) result.get(1)).intValue(), "ERB (JRuby): " + result.get(2));
            }
            return result.get(2).toString();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new ErbException(fileName, 0, "rendering with JRuby failed: " + cause);
        } finally {
            terminate(container);
        }
    }

    private static List<?> run(Class<?> type, Object container, String template, String fileName, Map<String, String> env)
            throws ReflectiveOperationException {
        type.getMethod("setEnvironment", Map.class).invoke(container, Map.copyOf(env));
        Method put = type.getMethod("put", String.class, Object.class);
        put.invoke(container, "$kamal4j_template", template);
        put.invoke(container, "$kamal4j_file", fileName);
        // JRuby adds variables of its own (RUBY); replacing ENV makes it exactly the given map.
        List<Map.Entry<String, String>> entries = List.copyOf(env.entrySet());
        put.invoke(container, "$kamal4j_env_keys", entries.stream().map(Map.Entry::getKey).toArray(String[]::new));
        put.invoke(container, "$kamal4j_env_values", entries.stream().map(Map.Entry::getValue).toArray(String[]::new));
        return (List<?>) type.getMethod("runScriptlet", String.class).invoke(container, SCRIPT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object newContainer(Class<?> type) throws ReflectiveOperationException {
        Class<? extends Enum> scopeType = (Class<? extends Enum>) Class.forName("org.jruby.embed.LocalContextScope", true, loader);
        Class<? extends Enum> varsType = (Class<? extends Enum>) Class.forName("org.jruby.embed.LocalVariableBehavior", true, loader);
        // A runtime of its own per render, so ENV set here never leaks into another render or thread.
        return type.getConstructor(scopeType, varsType)
                .newInstance(Enum.valueOf(scopeType, "SINGLETHREAD"), Enum.valueOf(varsType, "TRANSIENT"));
    }

    private static void terminate(Object container) {
        if (container != null) {
            try {
                container.getClass().getMethod("terminate").invoke(container);
            } catch (ReflectiveOperationException e) {
                // the runtime is discarded either way
            }
        }
    }
}
