package org.kamal4j.config.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.config.ConfigException;
import org.kamal4j.config.ConfigProblem;
import org.kamal4j.config.ParseLimits;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses YAML safely (only maps, lists and YAML 1.1 scalars; no arbitrary types) into a tree of
 * {@code LinkedHashMap}/{@code ArrayList}/scalars, recording the file and line of every key path. Anchors,
 * aliases and {@code <<} merge keys are resolved here, within {@link ParseLimits}: size, nesting, alias count,
 * nodes after expansion and time.
 */
public final class YamlTreeReader {

    private final String file;
    private final SourceMap sources;
    private final ScalarConstructor scalars = new ScalarConstructor();
    private final long deadline = System.nanoTime() + ParseLimits.MAX_SECONDS * 1_000_000_000L;
    private int nodes;

    private YamlTreeReader(String file, SourceMap sources) {
        this.file = file;
        this.sources = sources;
    }

    /** Reads {@code text} (named {@code file} in messages); an empty document gives an empty map. */
    public static Object read(String text, String file, SourceMap sources) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(ParseLimits.MAX_ALIASES);
        options.setNestingDepthLimit(ParseLimits.MAX_DEPTH);
        options.setCodePointLimit(ParseLimits.MAX_BYTES);
        if (text.length() > ParseLimits.MAX_BYTES) {
            throw new ConfigException(new ConfigProblem("", ParseLimits.exceeded("characters", ParseLimits.MAX_BYTES),
                    file, 0));
        }
        try {
            Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
            return root == null ? new LinkedHashMap<String, Object>() : new YamlTreeReader(file, sources)
                    .convert(root, "");
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigException(new ConfigProblem("", "invalid YAML: " + firstLine(e.getProblem()), file,
                    m == null ? 0 : m.getLine() + 1));
        } catch (YAMLException e) {
            throw new ConfigException(new ConfigProblem("", "invalid YAML: " + firstLine(e.getMessage()), file, 0));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable document" : s.lines().findFirst().orElse(s);
    }

    private Object convert(Node node, String path) throws ConfigException {
        checkLimits(node, path);
        sources.put(path, file, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode m) {
            return mapping(m, path);
        }
        if (node instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            for (Node item : s.getValue()) {
                out.add(convert(item, SourceMap.join(path, out.size())));
            }
            return out;
        }
        return scalar((ScalarNode) node);
    }

    /** Every node visited counts, so an alias used N times counts N times: expansion, not text, is bounded. */
    private void checkLimits(Node node, String path) throws ConfigException {
        int line = node.getStartMark().getLine() + 1;
        if (++nodes > ParseLimits.MAX_NODES) {
            throw new ConfigException(new ConfigProblem("", ParseLimits.exceeded(
                    "nodes after expanding aliases and merge keys", ParseLimits.MAX_NODES), file, line));
        }
        if (depth(path) > ParseLimits.MAX_DEPTH) {
            throw new ConfigException(new ConfigProblem("", ParseLimits.exceeded("levels of nesting",
                    ParseLimits.MAX_DEPTH), file, line));
        }
        if ((nodes & 0xff) == 0 && System.nanoTime() > deadline) {
            throw new ConfigException(new ConfigProblem("", ParseLimits.exceeded("seconds reading the file",
                    ParseLimits.MAX_SECONDS), file, line));
        }
    }

    private static int depth(String path) {
        int d = path.isEmpty() ? 0 : 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                d++;
            }
        }
        return d;
    }

    private Map<String, Object> mapping(MappingNode m, String path) throws ConfigException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
                merge(out, t.getValueNode(), path);
            }
        }
        for (NodeTuple t : m.getValue()) {
            if (!t.getKeyNode().getTag().equals(Tag.MERGE)) {
                String key = String.valueOf(t.getKeyNode() instanceof ScalarNode k ? scalar(k) : "?");
                String child = SourceMap.join(path, key);
                out.remove(key);
                out.put(key, convert(t.getValueNode(), child));
                sources.put(child, file, t.getKeyNode().getStartMark().getLine() + 1);
            }
        }
        return out;
    }

    /** {@code <<: *a} or {@code <<: [*a, *b]}: earlier sources win, explicit keys win over all of them. */
    private void merge(Map<String, Object> out, Node value, String path) throws ConfigException {
        List<Node> sourcesToMerge = value instanceof SequenceNode s ? s.getValue() : List.of(value);
        for (Node n : sourcesToMerge) {
            if (!(n instanceof MappingNode)) {
                throw new ConfigException(new ConfigProblem(path, "<< merge value should be a hash", file,
                        n.getStartMark().getLine() + 1));
            }
            Map<String, Object> merged = mapping((MappingNode) n, path);
            merged.forEach(out::putIfAbsent);
        }
    }

    private Object scalar(ScalarNode n) throws ConfigException {
        Tag tag = n.getTag();
        if (tag.equals(Tag.TIMESTAMP) || tag.equals(Tag.BINARY) || tag.equals(Tag.STR)) {
            return n.getValue();
        }
        try {
            return scalars.construct(n);
        } catch (YAMLException e) {
            throw new ConfigException(new ConfigProblem("", "unsupported YAML value " + tag + ": "
                    + firstLine(e.getMessage()), file, n.getStartMark().getLine() + 1));
        }
    }

    /** Exposes SafeConstructor's YAML 1.1 scalar rules (booleans yes/no/on/off, ints, floats, null). */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor() {
            super(new LoaderOptions());
        }

        Object construct(ScalarNode n) {
            return constructObject(n);
        }
    }
}
