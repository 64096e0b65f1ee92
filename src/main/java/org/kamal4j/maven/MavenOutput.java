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
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
