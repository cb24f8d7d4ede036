package dev.flowlab.lab.experiment;

import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.ControllerProcess;
import dev.flowlab.lab.ControllerProcesses;
import dev.flowlab.lab.Lab;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The failover experiment's outage: the run's controllers are processes of its own; the one that is
 * master of the switches (the only one, without a cluster) is killed with SIGKILL, as a crash, and
 * started again later with the same ports and options. Meanwhile a watcher polls the surviving members'
 * {@code /api/cluster} for the moment one of them is MASTER of every switch.
 */
final class MasterKill implements Outage {
    private static final long WATCH_MILLIS = 50;

    private final int members;
    private final List<String> launcher;
    private volatile int killed;
    private volatile double killedAt;
    private volatile long generationBefore;
    private volatile Double takeover;
    private volatile Integer newMaster;
    private Thread watcher;

    MasterKill(int members, List<String> launcher) {
        this.members = members;
        this.launcher = List.copyOf(launcher);
    }

    @Override
    public ControllerChoice controller() {
        return ControllerChoice.processes(members, launcher);
    }

    @Override
    public String stop(Lab lab) {
        ControllerProcesses processes = lab.controllerProcesses().orElseThrow();
        List<String> dpids = lab.dpids();
        killed = members == 1 ? 1 : processes.masterOfAll(dpids).map(ControllerProcess::number)
                .orElseThrow(() -> new IllegalStateException("no controller is master of every switch before the kill"));
        generationBefore = processes.generation(killed);
        killedAt = ModeRun.now();
        lab.killController(killed);
        if (members > 1) {
            watcher = new Thread(() -> watch(processes, dpids), "failover-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        return "controller " + killed + (members > 1 ? " (the master)" : "") + " killed with SIGKILL";
    }

    /** Polls until a surviving member is MASTER of every switch: the takeover time. */
    private void watch(ControllerProcesses processes, List<String> dpids) {
        while (!Thread.currentThread().isInterrupted()) {
            Optional<ControllerProcess> master = processes.masterOfAll(dpids).filter(m -> m.number() != killed);
            if (master.isPresent()) {
                takeover = ModeRun.now() - killedAt;
                newMaster = master.get().number();
                return;
            }
            try {
                Thread.sleep(WATCH_MILLIS);   // polling REST: the members push nothing
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void start(Lab lab) {
        lab.restartController(killed, Duration.ofSeconds(60));
    }

    @Override
    public boolean awaitSwitches(Lab lab, Duration timeout) {
        try {
            lab.controllerProcesses().orElseThrow().awaitSwitches(lab.dpids(), timeout, detail -> { });
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public ModeResult.Failover failover(Lab lab) {
        if (members == 1) {
            return null;
        }
        if (watcher != null) {
            watcher.interrupt();
        }
        ControllerProcesses processes = lab.controllerProcesses().orElseThrow();
        String held = ControllerProcesses.rolesHeld(processes.roles(), killed);
        String becomes = held.isEmpty() ? "no switches" : held;
        long after = newMaster == null ? 0 : processes.generation(newMaster);
        return new ModeResult.Failover(members, killed, takeover, newMaster, generationBefore, after, becomes);
    }
}
