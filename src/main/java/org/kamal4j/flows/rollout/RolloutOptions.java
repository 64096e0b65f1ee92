package org.kamal4j.flows.rollout;

import java.nio.file.Path;

/**
 * How a deploy rolls out beyond Kamal's behaviour.
 *
 * @param revert     switch hosts that already run the new version back when the boot fails ({@code kamal.revert},
 *                   default true; false keeps Kamal's split fleet)
 * @param reportFile where the JSON deploy report goes; null for {@code .kamal/deploy-report.json} under the
 *                   flow's base directory
 */
public record RolloutOptions(boolean revert, Path reportFile) {

    /** The file name of the report in either directory. */
    public static final String REPORT_NAME = "deploy-report.json";

    /** Revert on, report under {@code .kamal/}: what a flow gets when its caller says nothing. */
    public static RolloutOptions defaults() {
        return new RolloutOptions(true, null);
    }

    /** The report file for a flow whose base directory is {@code baseDir}. */
    public Path reportFileUnder(Path baseDir) {
        return reportFile != null ? reportFile : baseDir.resolve(".kamal").resolve(REPORT_NAME);
    }
}
