package org.kamal4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that records info and error lines for assertions. */
final class RecordingLog extends SystemStreamLog {
    final List<String> info = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        info.add(content.toString());
    }

    @Override
    public void error(CharSequence content) {
        errors.add(content.toString());
    }
}
