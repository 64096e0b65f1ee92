package org.kamal4j.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kamal4j.config.model.ModelBuilder;
import org.kamal4j.config.erb.ErbException;
import org.kamal4j.config.erb.ErbRenderer;
import org.kamal4j.config.secrets.SecretsFiles;
import org.kamal4j.config.validate.CrossChecks;
import org.kamal4j.config.validate.Problems;
import org.kamal4j.config.validate.SchemaValidator;
import org.kamal4j.config.yaml.DeepMerge;
import org.kamal4j.config.yaml.SourceMap;
import org.kamal4j.config.yaml.YamlTreeReader;

/**
 * Reads a deployment's configuration exactly as Kamal 2.12 does: ERB, YAML, destination merge, validation,
 * defaults; optionally with a pom-supplied tree. Nothing connects anywhere. Configure with the fluent setters,
 * then call {@link #load()}. Source precedence is decided here and nowhere else: {@code deploy.yml}, then the pom
 * {@code <deploy>} tree deep-merged over it, then {@code deploy.<destination>.yml} deep-merged over both, then
 * the command line's {@code -Dkamal.deploy.*} properties ({@link PropertyOverrides}) over everything.
 */
public final class ConfigLoader {

    /** The file name shown for problems in the pom's {@code <deploy>} configuration. */
    public static final String POM_SOURCE = "pom.xml <deploy>";
    public static final String DEFAULT_CONFIG_FILE = "config/deploy.yml";

    private final Path baseDir;
    private final Map<String, String> environment;
    private String configFile;
    private String destination;
    private String version;
    private boolean versionOptional;
    private Map<String, Object> pomTree;
    private Map<String, String> properties = Map.of();

    /**
     * @param baseDir     the project directory; relative paths and git resolve against it
     * @param environment the process environment (ERB's ENV, {@code VERSION})
     */
    public ConfigLoader(Path baseDir, Map<String, String> environment) {
        this.baseDir = baseDir.toAbsolutePath();
        this.environment = Map.copyOf(environment);
    }

    /** Config file relative to the base dir; null means {@code config/deploy.yml}. */
    public ConfigLoader configFile(String file) {
        this.configFile = file == null || file.isBlank() ? null : file;
        return this;
    }

    public ConfigLoader destination(String dest) {
        this.destination = dest == null || dest.isBlank() ? null : dest;
        return this;
    }

    /** Explicit version ({@code -Dkamal.version}); wins over {@code VERSION} and git. */
    public ConfigLoader version(String explicit) {
        this.version = explicit;
        return this;
    }

    /** When true, a missing version is not an error ({@link DeployConfig#version()} is then null). */
    public ConfigLoader versionOptional(boolean optional) {
        this.versionOptional = optional;
        return this;
    }

    /** The pom's {@code <deploy>} configuration as a deploy.yml-shaped tree (null or empty: none). */
    public ConfigLoader pomTree(Map<String, Object> tree) {
        this.pomTree = tree == null || tree.isEmpty() ? null : tree;
        return this;
    }

    /** User properties; the {@code kamal.deploy.*} ones override single deploy.yml keys. */
    public ConfigLoader properties(Map<String, String> userProperties) {
        this.properties = userProperties == null ? Map.of() : Map.copyOf(userProperties);
        return this;
    }

    /** Loads, validates and resolves; throws one exception listing every problem. */
    public DeployConfig load() throws ConfigException {
        SourceMap sources = new SourceMap();
        Map<String, Object> root = readTree(sources);
        Problems problems = new Problems(sources);
        new SchemaValidator(problems).validate(root);
        CrossChecks cross = new CrossChecks(problems);
        cross.beforeModel(root, destination, baseDir);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.list());
        }
        // Kamal adds _uncommitted_ only when the working tree is built (builder.context set), because otherwise
        // it builds a clean git clone of HEAD (flows.steps.CleanClone). Jib always builds the working tree.
        String resolved = VersionResolver.resolve(version, environment, baseDir,
                ModelBuilder.builder(root).buildsWorkingTree());
        if (resolved == null && !versionOptional) {
            problems.addTopLevel(VersionResolver.noVersionMessage(baseDir), null);
        } else if (resolved != null && !resolved.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            // the version becomes an image tag and part of container names: Docker's tag rule, checked here
            problems.addTopLevel("Version " + resolved + " is not a valid Docker tag (letters, digits, _ . -;"
                    + " at most 128, not starting with . or -)", null);
        }
        String secretsPath = ProjectPaths.secrets(root);
        DeployConfig config = ModelBuilder.build(root, destination, resolved,
                new SecretsFiles(baseDir, secretsPath, destination, environment));
        cross.afterModel(config, root);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.list());
        }
        return config;
    }

    private Map<String, Object> readTree(SourceMap sources) throws ConfigException {
        Map<String, String> erbEnv = erbEnvironment(environment, destination);
        Path base = baseDir.resolve(configFile == null ? DEFAULT_CONFIG_FILE : configFile);
        boolean pomOnly = pomTree != null && configFile == null && !Files.exists(base);
        Map<String, Object> root = pomOnly ? new LinkedHashMap<>() : readFile(base, erbEnv, sources);
        if (pomTree != null) {
            PomSources.record(pomTree, "", sources);
            root = DeepMerge.merge(root, pomTree);
        }
        if (destination != null) {
            Path dest = destinationFile(base, destination);
            if (!pomOnly || Files.exists(dest)) {
                root = DeepMerge.merge(root, readFile(dest, erbEnv, sources));
            }
        }
        Map<String, Object> overrides = PropertyOverrides.toTree(properties, sources);
        return overrides.isEmpty() ? root : DeepMerge.merge(root, overrides);
    }

    /** {@code config/deploy.yml} -> {@code config/deploy.staging.yml}. */
    static Path destinationFile(Path base, String destination) {
        String name = base.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return base.resolveSibling(stem + "." + destination + ".yml");
    }

    /** ERB's ENV: the process environment with {@code KAMAL_DESTINATION} set to the destination or removed. */
    static Map<String, String> erbEnvironment(Map<String, String> environment, String destination) {
        Map<String, String> env = new HashMap<>(environment);
        if (destination == null) {
            env.remove("KAMAL_DESTINATION");
        } else {
            env.put("KAMAL_DESTINATION", destination);
        }
        return env;
    }

    private Map<String, Object> readFile(Path file, Map<String, String> env, SourceMap sources)
            throws ConfigException {
        String shown = displayName(file);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(new ConfigProblem("", "Configuration file not found in " + file, null, 0));
        }
        String text;
        try {
            if (Files.size(file) > ParseLimits.MAX_BYTES) {
                throw new ConfigException(new ConfigProblem("", ParseLimits.exceeded("bytes", ParseLimits.MAX_BYTES)
                        + ": " + Files.size(file) + " bytes", shown, 0));
            }
            text = ErbRenderer.render(Files.readString(file, StandardCharsets.UTF_8), shown, env);
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem("", "cannot read " + file + ": " + e.getMessage(), null, 0));
        } catch (ErbException e) {
            throw new ConfigException(new ConfigProblem("", "ERB: " + e.getMessage().replaceFirst(
                    "^" + Pattern.quote(e.fileName() + ":" + e.line() + ": "), ""),
                    e.fileName(), e.line()));
        }
        Object tree = YamlTreeReader.read(text, shown, sources);
        if (!(tree instanceof Map)) {
            throw new ConfigException(new ConfigProblem("", "should be a hash (the top level of a deploy.yml)",
                    shown, 1));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) tree;
        return map;
    }

    /** The file as shown in problems: relative to the base dir when inside it. */
    private String displayName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(baseDir) ? baseDir.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    /** Records every key path of the pom tree as coming from the pom. */
    private static final class PomSources {
        private PomSources() {}

        static void record(Object node, String path, SourceMap sources) {
            sources.put(path, POM_SOURCE, 0);
            if (node instanceof Map<?, ?> m) {
                m.forEach((k, v) -> record(v, SourceMap.join(path, k), sources));
            } else if (node instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    record(l.get(i), SourceMap.join(path, i), sources);
                }
            }
        }
    }
}
