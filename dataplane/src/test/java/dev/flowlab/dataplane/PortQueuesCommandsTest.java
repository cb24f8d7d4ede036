package dev.flowlab.dataplane;

import dev.flowlab.topologies.PortQos;
import dev.flowlab.topologies.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ovs-vsctl arguments that give a port its queues, and the run record that makes teardown look for them. */
class PortQueuesCommandsTest {
    private static final Topology T = Topology.builder().addSwitch("s1").addHost("h1").addHost("h2")
            .addLink("h1", "s1").addLink("h2", "s1")
            .addQos(new PortQos("s1", 2, 100.0, List.of(PortQos.Queue.max(0, 50), new PortQos.Queue(1, 0.5, 10.0))))
            .build();

    @TempDir
    Path dir;

    @AfterEach
    void restoreStateDir() {
        System.clearProperty("flowlab.state.dir");
    }

    @Test
    void eachPortGetsALinuxHtbQosWithItsQueuesAllTaggedWithTheRun() {
        assertThat(String.join(" ", PortQueues.ovsArgs(T, "r1"))).isEqualTo(
                "-- set port s1-eth2 qos=@qos0"
                        + " -- --id=@qos0 create QoS type=linux-htb external_ids:flowlab-run=r1"
                        + " other_config:max-rate=100000000 queues:0=@qos0q0 queues:1=@qos0q1"
                        + " -- --id=@qos0q0 create Queue external_ids:flowlab-run=r1 other_config:max-rate=50000000"
                        + " -- --id=@qos0q1 create Queue external_ids:flowlab-run=r1 other_config:min-rate=500000"
                        + " other_config:max-rate=10000000");
        assertThat(PortQueues.ports(T)).containsExactly("s1-eth2");
    }

    @Test
    void theQueuesComeInTheTransactionAfterThePorts() {
        List<String> argv = OvsCommands.afterPorts(new Plan(T), NetworkOptions.defaults(), "r1",
                java.time.Duration.ofSeconds(5));
        assertThat(argv).contains("qos=@qos0");
    }

    @Test
    void theRunRecordKeepsItsQueuedPorts() {
        System.setProperty("flowlab.state.dir", dir.toString());
        RunState s = new RunState("q", 1, 2, 3, List.of("h1"), List.of("s1-eth2"), List.of("s1"), List.of(),
                PortQueues.ports(T));
        s.save();
        assertThat(RunState.load(s.file())).isEqualTo(s);
        RunState older = new RunState("old", 1, 2, 3, List.of(), List.of(), List.of());
        older.save();
        assertThat(RunState.load(older.file()).qosPorts()).isEmpty();
    }

    @Test
    void onlyTaggedRecordsThatNothingUsesAreDestroyed() {
        // QoS q1 (run r1) on a port still there, q2 (r1) orphaned, q3 (r2) orphaned; queues u1 (q1's), u2 (q2's), u3 (q3's).
        String listing = """
                {"data":[[["uuid","q1"],["map",[["flowlab-run","r1"]]],["map",[[0,["uuid","u1"]]]]],                [["uuid","q2"],["map",[["flowlab-run","r1"]]],["map",[[0,["uuid","u2"]]]]],                [["uuid","q3"],["map",[["flowlab-run","r2"]]],["map",[[1,["uuid","u3"]]]]]],"headings":["_uuid","external_ids","queues"]}
                {"data":[[["uuid","u1"],["map",[["flowlab-run","r1"]]]],[["uuid","u2"],["map",[["flowlab-run","r1"]]]],                [["uuid","u3"],["map",[["flowlab-run","r2"]]]],[["uuid","u4"],["map",[]]]],"headings":["_uuid","external_ids"]}
                {"data":[[["uuid","q1"]],[["set",[]]]],"headings":["qos"]}
                """;
        assertThat(PortQueues.unused(listing, "r1"::equals)).containsExactly("QoS q2", "Queue u2");
        assertThat(PortQueues.unused(listing, run -> true)).containsExactly("QoS q2", "QoS q3", "Queue u2", "Queue u3");
    }
}
