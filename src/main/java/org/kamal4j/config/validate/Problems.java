package org.kamal4j.config.validate;

import java.util.ArrayList;
import java.util.List;
import org.kamal4j.config.ConfigProblem;
import org.kamal4j.config.yaml.SourceMap;

/** Collects problems in the order they are found, attaching the source location of each key path. */
public final class Problems {

    private final SourceMap sources;
    private final List<ConfigProblem> list = new ArrayList<>();

    public Problems(SourceMap sources) {
        this.sources = sources;
    }

    /** A problem at {@code path} (its location is looked up). */
    public void add(String path, String message) {
        SourceMap.Location l = sources.find(path);
        list.add(new ConfigProblem(path, message, l == null ? null : l.file(), l == null ? 0 : l.line()));
    }

    /** A problem at {@code path}, shown at the line of {@code locatePath} (e.g. the offending key). */
    public void addAt(String path, String message, String locatePath) {
        SourceMap.Location l = sources.find(locatePath);
        list.add(new ConfigProblem(path, message, l == null ? null : l.file(), l == null ? 0 : l.line()));
    }

    /** A top-level cross-check problem (no path); {@code locatePath} chooses the line shown, may be null. */
    public void addTopLevel(String message, String locatePath) {
        SourceMap.Location l = locatePath == null ? sources.find("") : sources.find(locatePath);
        list.add(new ConfigProblem("", message, l == null ? null : l.file(), l == null ? 0 : l.line()));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<ConfigProblem> list() {
        return List.copyOf(list);
    }
}
