package dev.mlobservatory.console.lab;

/**
 * One step's check against the live stack. Blocking (HTTP to the API, Prometheus): runs on the console's executor,
 * never on the FX thread. A failure to ask is a "not yet" with the reason, never an exception.
 */
@FunctionalInterface
public interface LabCheck {

    LabCheckResult check(LabContext context);
}
