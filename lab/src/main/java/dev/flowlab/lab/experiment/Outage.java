package dev.flowlab.lab.experiment;

import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.Lab;
import java.time.Duration;

/**
 * How an experiment's controller is set up, taken away and brought back: the one thing the fail-mode
 * experiment ({@link ControllerStop}) and the failover experiment ({@link MasterKill}) do differently
 * around the same probes, pingalls and flow samples ({@link ModeRun}).
 */
interface Outage {
    /** The lab's controller. */
    ControllerChoice controller();

    /** Takes the controller (or the cluster's master) away; returns what was done, for the progress line. */
    String stop(Lab lab);

    /** Brings it back. */
    void start(Lab lab);

    /** Waits until every switch has a controller that writes to it again; false when {@code timeout} passed first. */
    boolean awaitSwitches(Lab lab, Duration timeout);

    /** What a cluster did about the loss of its master; null when there was no cluster. */
    default ModeResult.Failover failover(Lab lab) {
        return null;
    }
}
