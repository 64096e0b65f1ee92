package org.kamal4j.flows.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a run's reports go: {@code <goal>-<yyyyMMdd-HHmmss-SSS>.json} (UTC, so names sort by time) and the HTML
 * page beside it, in the report directory; the last deploy's report is also kept as {@code deploy-report.json}
 * for whatever already reads that name.
 */
public final class ReportFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("([a-z][a-z0-9-]*)-(\\d{8}-\\d{6}-\\d{3})\\.json");

    private ReportFiles() {}

    /** The JSON report of a {@code goal} run started at {@code at}, in {@code dir}. */
    public static Path timestamped(Path dir, String goal, Instant at) {
        return dir.resolve(goal + "-" + STAMP.format(at) + ".json");
    }

    /** The newest timestamped report in {@code dir} of one of {@code goals}; empty when there is none. */
    public static Optional<Path> latest(Path dir, Collection<String> goals) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                Matcher m = NAME.matcher(f.getFileName().toString());
                return m.matches() && goals.contains(m.group(1));
            }).max(Comparator.comparing(ReportFiles::stamp));
        }
    }

    private static String stamp(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? m.group(2) : "";
    }
}
