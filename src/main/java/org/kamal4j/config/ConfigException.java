package org.kamal4j.config;

import java.util.List;
import org.kamal4j.KamalException;

/** The configuration is invalid; holds every problem found, each with its file and line. */
public class ConfigException extends KamalException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(heading(problems) + System.lineSeparator() + details(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** {@code Invalid Kamal configuration: N problem(s) (fix them and run again)}. */
    @Override
    public String heading() {
        return heading(problems);
    }

    /** One indented line per problem. */
    @Override
    public String details() {
        return details(problems);
    }

    private static String heading(List<ConfigProblem> problems) {
        int n = problems.size();
        return "Invalid Kamal configuration: " + n + (n == 1 ? " problem" : " problems")
                + " (fix " + (n == 1 ? "it" : "them") + " and run again)";
    }

    private static String details(List<ConfigProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (ConfigProblem p : problems) {
            if (sb.length() > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append("  ").append(p.format());
        }
        return sb.toString();
    }
}
