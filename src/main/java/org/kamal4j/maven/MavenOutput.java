package org.kamal4j.maven;

import org.apache.maven.plugin.logging.Log;
import org.kamal4j.flows.local.Output;

/** Sends flow output to the Maven log. */
final class MavenOutput implements Output {

    private final Log log;

    MavenOutput(Log log) {
        this.log = log;
    }

    @Override
    public void line(Level level, String message) {
        switch (level) {
            case INFO -> log.info(message);
            case WARN -> log.warn(message);
            case ERROR -> log.error(message);
            case DEBUG -> log.debug(message);
        }
    }
}
