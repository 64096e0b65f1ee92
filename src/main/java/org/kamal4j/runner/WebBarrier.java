package org.kamal4j.runner;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The set-once gate between the primary role (the gatekeepers) and every other role (the queuers) of one boot:
 * the first primary-role container that becomes ready opens it, the first primary-role failure closes it, and the
 * first decision is final. Queuers wait in {@link #await} for a bounded time, so a boot can never hang.
 *
 * <p>Within a failure budget ({@link FailureBudget}) one failed gatekeeper need not stop the other roles: the
 * barrier then closes only once {@code closingFailures} distinct gatekeepers failed (the budget plus one, or every
 * gatekeeper of the boot when fewer), so it is always decided.
 */
public final class WebBarrier {

    /** Slack added to the deploy timeout for the gatekeeper's steps before readiness (clash check, docker run). */
    public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);

    /** Who decided and how. {@code cause} is null when the barrier opened. */
    public record Decision(boolean open, String host, Throwable cause) {}

    private final String primaryRole;
    private final Duration timeout;
    private final int closingFailures;
    private final Set<String> failed = new HashSet<>();
    private final CompletableFuture<Decision> decision = new CompletableFuture<>();

    /**
     * @param primaryRole the gatekeepers' role, named in messages
     * @param timeout     how long a queuer waits for the decision before giving up
     */
    public WebBarrier(String primaryRole, Duration timeout) {
        this(primaryRole, timeout, 1);
    }

    /**
     * @param closingFailures how many distinct gatekeepers must fail before the barrier closes (at least 1)
     */
    public WebBarrier(String primaryRole, Duration timeout, int closingFailures) {
        if (closingFailures < 1) {
            throw new IllegalArgumentException("closingFailures must be at least 1, got " + closingFailures);
        }
        this.primaryRole = primaryRole;
        this.timeout = timeout;
        this.closingFailures = closingFailures;
    }

    /**
     * How many distinct gatekeepers must fail to close the barrier when {@code gatekeepers} boot and the failure
     * budget tolerates {@code tolerated} failed hosts: one more than tolerated, or all of them.
     */
    public static int closingFailures(int gatekeepers, int tolerated) {
        return Math.max(1, Math.min(gatekeepers, tolerated + 1));
    }

    /** deploy_timeout + readiness_delay + {@link #DEFAULT_MARGIN}. */
    public static Duration defaultTimeout(int deployTimeoutSeconds, int readinessDelaySeconds) {
        return Duration.ofSeconds(deployTimeoutSeconds + (long) readinessDelaySeconds).plus(DEFAULT_MARGIN);
    }

    public String primaryRole() {
        return primaryRole;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Opens the barrier for {@code host}'s ready container; true only for the call that decided. */
    public boolean open(String host) {
        return decision.complete(new Decision(true, host, null));
    }

    /**
     * Records that the primary role failed on {@code host} and closes the barrier once {@code closingFailures}
     * distinct hosts failed. True for the first call per host made while the barrier was undecided (with one
     * closing failure: only the call that decided), so each failure that counted is reported once.
     */
    public boolean close(String host, Throwable cause) {
        synchronized (failed) {
            if (decision.isDone() || !failed.add(host)) {
                return false;
            }
            if (failed.size() < closingFailures) {
                return true;
            }
        }
        return decision.complete(new Decision(false, host, cause));
    }

    /** The decision, empty while undecided. */
    public Optional<Decision> decision() {
        return Optional.ofNullable(decision.getNow(null));
    }

    public boolean isOpen() {
        return decision().map(Decision::open).orElse(false);
    }

    public boolean isClosed() {
        return decision().map(d -> !d.open()).orElse(false);
    }

    /**
     * Waits until the barrier is decided: returns when it opened, throws when it closed or when the timeout
     * passed undecided. {@code role} and {@code host} name the queuer in the error.
     */
    public void await(String role, String host) throws HaltedAtBarrierException, InterruptedException {
        Decision d = waitForDecision(role, host);
        if (!d.open()) {
            throw new HaltedAtBarrierException(closedMessage(d, role, host), d.cause());
        }
    }

    private Decision waitForDecision(String role, String host) throws HaltedAtBarrierException,
            InterruptedException {
        try {
            return decision.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HaltedAtBarrierException("Halted at barrier: no " + primaryRole
                    + " container became healthy within " + format(timeout) + ", so " + role
                    + " was not booted on " + host + "; check the " + primaryRole
                    + " containers' logs and health check, then deploy again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the barrier is never completed exceptionally", e);
        }
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private String closedMessage(Decision d, String role, String host) {
        String why = d.cause() == null || d.cause().getMessage() == null ? ""
                : " (" + d.cause().getMessage().strip().lines().findFirst().orElse("") + ")";
        return "Halted at barrier: the primary role " + primaryRole + " failed on " + d.host() + why + ", so "
                + role + " was not booted on " + host + "; fix " + primaryRole + " and deploy again";
    }
}
