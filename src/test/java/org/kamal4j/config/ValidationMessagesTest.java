package org.kamal4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture in src/test/resources/config/invalid/ names its feature and lists, in {@code # expect:} lines,
 * exactly the problems (Kamal's message text, in order) loading it must report.
 */
class ValidationMessagesTest {

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.dir("running-example").resolveSibling("invalid"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void reportsExactlyTheExpectedProblems(String fixture) throws IOException {
        Path dir = Fixtures.dir("running-example").resolveSibling("invalid");
        List<String> expected = Files.readAllLines(dir.resolve(fixture)).stream()
                .filter(l -> l.startsWith("# expect: ")).map(l -> l.substring("# expect: ".length())).toList();
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of()).configFile(fixture).version("abc123").load());
        assertEquals(expected, e.problems().stream().map(ConfigProblem::kamalMessage).toList(), e.getMessage());
        e.problems().forEach(p -> assertEquals(fixture, p.file(), p.format()));
    }
}
