package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.cli.Main;
import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.ControllerProcess;
import dev.flowlab.lab.ControllerProcesses;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.Progress;
import dev.flowlab.lab.traffic.LabHost;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A cluster of three flowlab controller processes on real Open vSwitch (secure bridges): the master is
 * killed with SIGKILL; a pair that never talked pings within {@link #BOUND} (measured here: about 1 s,
 * the Raft election plus one ROLE_REQUEST per switch), a surviving member is master with a higher
 * generation id, the killed member comes back as SLAVE, and nothing is left afterwards.
 */
@SystemTest("rfo")
class FailoverSystemTest {
    /** Generous: ten times what the takeover takes on this machine, for a loaded CI machine. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    private static List<String> launcher() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "controller");
    }

    @Test
    void killingTheMasterHandsTheSwitchesToAnotherMemberAndAFreshPairPingsWithinTheBound() throws Exception {
        List<Long> pids = new ArrayList<>();
        LabSpec spec = new LabSpec(Topologies.linear(3), List.of("learning-switch"), ControllerChoice.processes(3, launcher()),
                FailMode.SECURE, "rfo");
        try (Lab lab = Lab.start(spec, Progress.SILENT)) {
            ControllerProcesses processes = lab.controllerProcesses().orElseThrow();
            processes.members().forEach(m -> pids.add(m.pid().orElseThrow()));
            ControllerProcess master = processes.masterOfAll(lab.dpids()).orElseThrow();
            long generationBefore = processes.generation(master.number());
            LabHost h1 = lab.host("h1").orElseThrow();
            LabHost h2 = lab.host("h2").orElseThrow();
            LabHost h3 = lab.host("h3").orElseThrow();
            assertThat(ping(lab, h1, h3, Duration.ofSeconds(10)).ok()).as("established pair before the kill").isTrue();

            lab.killController(master.number());
            long killed = System.nanoTime();
            ExecResult fresh = ping(lab, h2, h1, BOUND);
            Duration took = Duration.ofNanos(System.nanoTime() - killed);

            assertThat(fresh.ok()).as("fresh pair h2 -> h1 within %s after the kill: %s", BOUND, fresh.stdout()).isTrue();
            assertThat(took).isLessThan(BOUND.plusSeconds(1));
            Optional<ControllerProcess> newMaster = awaitNewMaster(processes, lab.dpids(), master.number());
            assertThat(newMaster).as("a surviving member is master of every switch").isPresent();
            assertThat(processes.generation(newMaster.get().number())).isGreaterThan(generationBefore);
            assertThat(ping(lab, h1, h3, Duration.ofSeconds(5)).ok()).as("established pair after the kill").isTrue();

            lab.restartController(master.number(), Duration.ofSeconds(60));
            pids.add(master.pid().orElseThrow());
            processes.awaitSwitches(lab.dpids(), Duration.ofSeconds(60), detail -> { });
            assertThat(processes.roles().values()).allSatisfy(roles ->
                    assertThat(roles.get(master.number())).as("the restarted member's role").isEqualTo("SLAVE"));
        }
        pids.forEach(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("controller pid %s", pid)
                .isNotEqualTo(Optional.of(true)));
        assertThat(Leftovers.named("rfo")).isEmpty();
    }

    /** {@code ping -c1 -w SECONDS}: sends until one reply comes or the deadline passes. */
    private static ExecResult ping(Lab lab, LabHost from, LabHost to, Duration deadline) {
        return lab.network().host(from.namespace()).exec(deadline.plusSeconds(5), "ping", "-n", "-c1",
                "-w", String.valueOf(deadline.toSeconds()), to.ip());
    }

    private static Optional<ControllerProcess> awaitNewMaster(ControllerProcesses processes, List<String> dpids, int killed)
            throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ControllerProcess> master = processes.masterOfAll(dpids).filter(m -> m.number() != killed);
            if (master.isPresent()) {
                return master;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }
}
