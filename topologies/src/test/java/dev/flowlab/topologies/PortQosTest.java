package dev.flowlab.topologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Egress queues on switch ports: the builder's checks, the file syntax, writing it back, errors with lines. */
class PortQosTest {
    private static final String FILE = """
            hosts: [{name: h1}, {name: h2}]
            switches: [{name: s1}]
            links:
              - {a: h1, b: s1}
              - {a: h2, b: s1}
            qos:
              - {switch: s1, port: 2, max_rate: 100, queues: [{id: 0, max_rate: 50}, {id: 1, min_rate: 5, max_rate: 10}]}
            """;

    @Test
    void readsQueuesOfAPort() {
        Topology t = TopologyFiles.parse(FILE, "q.yaml");
        assertThat(t.qos()).containsExactly(new PortQos("s1", 2, 100.0,
                List.of(PortQos.Queue.max(0, 50), new PortQos.Queue(1, 5.0, 10.0))));
        assertThat(t.qos().get(0).interfaceName()).isEqualTo("s1-eth2");
    }

    @Test
    void writesWhatItReadsAndCarriesQueuesThroughAPrefix() {
        Topology t = TopologyFiles.parse(FILE, "q.yaml");
        assertThat(TopologyFiles.parse(TopologyFiles.toYaml(t), "again.yaml")).isEqualTo(t);
        assertThat(TopologyFiles.parse(TopologyFiles.toJson(t), "again.json")).isEqualTo(t);
        assertThat(TopologyFiles.toYaml(t)).contains("max_rate: 50").doesNotContain("50.0");
        assertThat(t.withPrefix("x").qos().get(0).interfaceName()).isEqualTo("xs1-eth2");
        assertThat(t.withDeterministicMacs().qos()).isEqualTo(t.qos());
    }

    @Test
    void theBuilderWantsTheLinkFirstAndAnUnshapedOne() {
        TopologyBuilder b = Topology.builder().addHost("h1").addSwitch("s1");
        PortQos q = new PortQos("s1", 1, null, List.of(PortQos.Queue.max(0, 10)));
        assertThatThrownBy(() -> b.addQos(q)).hasMessage(
                "qos on s1 port 1: s1 has no link on port 1; queues go on a switch port of a link, added first");
        b.addLink("h1", "s1", LinkParams.bandwidth(10));
        assertThatThrownBy(() -> b.addQos(q)).hasMessage("qos on s1 port 1: its link h1 <-> s1 is shaped (params), "
                + "which puts its own qdisc on the same port; limit it with the link's bw or with queues, not both");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{switch: s9, port: 2, queues: [{id: 0, max_rate: 5}]}       | qos on s9 port 2: s9 is not a switch of this topology; add it first",
            "{switch: s1, port: 3, queues: [{id: 0, max_rate: 5}]}       | qos on s1 port 3: s1 has no link on port 3; queues go on a switch port of a link, added first",
            "{switch: s1, queues: [{id: 0, max_rate: 5}]}                | qos on s1: give the port, like {switch: s1, port: 2, queues: [{id: 0, max_rate: 50}]}",
            "{port: 2, queues: [{id: 0, max_rate: 5}]}                   | a qos entry needs the switch it is a port of, like {switch: s1, port: 2, queues: [{id: 0, max_rate: 50}]}",
            "{switch: s1, port: 2}                                       | qos on s1 port 2: give at least one queue, like queues: [{id: 0, max_rate: 50}]",
            "{switch: s1, port: 2, queues: [{max_rate: 5}]}              | qos on s1 port 2: each queue needs an id, like {id: 1, max_rate: 10}",
            "{switch: s1, port: 2, queues: [{id: 0, max_rate: -5}]}      | qos on s1 port 2: queue 0 max_rate must be > 0 Mbit/s, not -5.0",
            "{switch: s1, port: 2, queues: [{id: 70000, max_rate: 5}]}   | qos on s1 port 2: queue id must be 0..61439, not 70000",
            "{switch: s1, port: 2, queues: [{id: 1, min_rate: 9, max_rate: 5}]} | qos on s1 port 2: queue 1: min_rate 9 is above its max_rate 5",
            "{switch: s1, port: 2, queues: [{id: 1}, {id: 1}]}           | qos on s1 port 2: queue 1 is given twice",
            "{switch: s1, port: 2, max_rate: 10, queues: [{id: 1, max_rate: 20}]} | qos on s1 port 2: queue 1 asks for 20 Mbit/s, above the port's max_rate 10",
            "{switch: s1, port: 2, queues: [{id: 1, rate: 20}]}          | qos on s1: unknown key 'rate' (valid keys of a queue: id, min_rate, max_rate)",
    })
    void badEntriesNameTheFileLineAndPort(String bad, String problem) {
        String file = FILE.replace("{switch: s1, port: 2, max_rate: 100, queues: [{id: 0, max_rate: 50}, "
                + "{id: 1, min_rate: 5, max_rate: 10}]}", bad);
        assertThatThrownBy(() -> TopologyFiles.parse(file, "q.yaml"))
                .isInstanceOf(TopologyFileException.class)
                .hasMessage("q.yaml, line 7: " + problem);
    }

    @Test
    void aPortGetsOneEntry() {
        String twice = FILE + "  - {switch: s1, port: 2, queues: [{id: 3, max_rate: 5}]}\n";
        assertThatThrownBy(() -> TopologyFiles.parse(twice, "q.yaml")).hasMessage(
                "q.yaml, line 8: qos on s1 port 2 is given twice: give all of the port's queues in one entry");
    }
}
