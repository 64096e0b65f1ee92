package org.kamal4j.flows.rollout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * The checks of one canary host once its wait is over: the new container of the primary role still runs (and is
 * healthy when the image has a health check), the user's command on the host exits 0, and the user's URL answers
 * the expected status from the deploying machine. Every check runs; a failure lists each one that failed.
 */
final class CanaryCheck {

    /** How long the HTTP check may take, connecting included. */
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final FlowContext ctx;
    private final DeployConfig config;
    private final RolloutPlan plan;

    CanaryCheck(FlowContext ctx, DeployConfig config, RolloutPlan plan) {
        this.ctx = ctx;
        this.config = config;
        this.plan = plan;
    }

    /** Checks {@code host}; returns what passed, throws with what failed. */
    String check(String host, Session s) throws FlowException, TransportException, InterruptedException {
        String role = ctx.selection().primaryRole();
        AppCommands app = new AppCommands(config, config.role(role), ctx.randomHex());
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String status = s.run(app.healthStatus(config.version())).strip();
        if (status.equals("running") || status.equals("healthy")) {
            passed.add("container " + status);
        } else {
            failed.add("the container of " + role + " " + config.version() + " is "
                    + (status.isEmpty() ? "gone" : status));
        }
        if (plan.canaryCheck() != null) {
            ExecResult r = s.exec(checkCommand(host, role, app));
            if (r.exitStatus() == 0) {
                passed.add("check passed");
            } else {
                String out = (r.stdout().strip() + "\n" + r.stderr().strip()).strip();
                failed.add("the canary check exited " + r.exitStatus() + (out.isEmpty() ? "" : ": "
                        + ctx.output().redact(out)));
            }
        }
        if (plan.canaryUrl() != null) {
            String url = url(host);
            try {
                int answered = get(url);
                if (answered == plan.canaryStatus()) {
                    passed.add("GET " + url + " " + answered);
                } else {
                    failed.add("GET " + url + " answered " + answered + ", expected " + plan.canaryStatus());
                }
            } catch (IOException e) {
                failed.add("GET " + url + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        if (!failed.isEmpty()) {
            throw new FlowException(String.join("; ", failed));
        }
        return String.join(", ", passed);
    }

    /**
     * The user's command, run by {@code sh -c} on the host with the canary's {@code KAMAL_HOST}, {@code KAMAL_ROLE},
     * {@code KAMAL_VERSION} and {@code KAMAL_CONTAINER} (the new container's name) in its environment.
     */
    Command checkCommand(String host, String role, AppCommands app) {
        return Command.of("env", "KAMAL_HOST=" + host, "KAMAL_ROLE=" + role, "KAMAL_VERSION=" + config.version(),
                "KAMAL_CONTAINER=" + app.containerName(config.version()), "sh", "-c", plan.canaryCheck())
                .step("canary check");
    }

    String url(String host) {
        return plan.canaryUrl().replace("{host}", host);
    }

    /** The status {@code url} answers (redirects are not followed: a 301 is what the check sees). */
    private static int get(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
