package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topologies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OvsCommandsTest {
    @Test
    void bridgesFirstThenPortsNumberedAsTheirNamesThenControllers() {
        NetworkOptions o = NetworkOptions.builder().failMode(FailMode.SECURE).controller("127.0.0.1", 16753).build();
        Plan plan = new Plan(Topologies.linear(2));
        List<String> bridges = OvsCommands.addBridges(plan, o, Datapath.NETDEV, "run1", Duration.ofSeconds(30));
        List<String> ports = OvsCommands.addPorts(plan, o, "run1", Duration.ofSeconds(30));

        assertThat(bridges.get(0)).endsWith("ovs-vsctl");
        assertThat(Collections.frequency(bridges, "add-br")).isEqualTo(2);
        assertThat(bridges).containsSubsequence("add-br", "s2", "--", "set", "bridge", "s2", "datapath_type=netdev",
                "protocols=OpenFlow13", "fail_mode=secure", "other_config:datapath-id=0000000000000002",
                "other_config:disable-in-band=true", "external_ids:flowlab-run=run1");
        assertThat(bridges).doesNotContain("add-port", "set-controller");
        assertThat(ports.get(0)).endsWith("ovs-vsctl");
        assertThat(ports).doesNotContain("add-br");
        assertThat(ports).containsSubsequence("add-port", "s2", "s2-eth2", "--", "set", "interface", "s2-eth2",
                "ofport_request=2");
        // A switch connects to its controller with every port in place.
        assertThat(ports.indexOf("set-controller")).isGreaterThan(ports.lastIndexOf("add-port"));
        assertThat(ports).containsSubsequence("set-controller", "s1", "tcp:127.0.0.1:16753");
    }

    @Test
    void noControllerMeansNoSetController() {
        Plan plan = new Plan(Topologies.single(1));
        List<String> bridges = OvsCommands.addBridges(plan, NetworkOptions.defaults(), Datapath.SYSTEM, "r", Duration.ofSeconds(5));
        assertThat(bridges).contains("datapath_type=system", "fail_mode=standalone");
        assertThat(OvsCommands.addPorts(plan, NetworkOptions.defaults(), "r", Duration.ofSeconds(5))).doesNotContain("set-controller");
    }

    @Test
    void everyBridgeOffersTheChosenOpenFlowVersionsLowestFirst() {
        NetworkOptions o = NetworkOptions.builder().protocols(List.of(OpenFlowVersion.OPENFLOW15,
                OpenFlowVersion.OPENFLOW10, OpenFlowVersion.OPENFLOW15)).build();
        List<String> argv = OvsCommands.addBridges(new Plan(Topologies.linear(2)), o, Datapath.NETDEV, "r", Duration.ofSeconds(5));

        assertThat(Collections.frequency(argv, "protocols=OpenFlow10,OpenFlow15")).isEqualTo(2);
        assertThat(NetworkOptions.defaults().protocols()).containsExactly(OpenFlowVersion.OPENFLOW13);
    }

    @Test
    void openFlowVersionsParseAsOvsNamesOrNumbers() {
        assertThat(OpenFlowVersion.parse("OpenFlow14")).isEqualTo(OpenFlowVersion.OPENFLOW14);
        assertThat(OpenFlowVersion.parse("openflow10")).isEqualTo(OpenFlowVersion.OPENFLOW10);
        assertThat(OpenFlowVersion.parse("1.5")).isEqualTo(OpenFlowVersion.OPENFLOW15);
        assertThat(OpenFlowVersion.parse("13")).isEqualTo(OpenFlowVersion.OPENFLOW13);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenFlowVersion.parse("OpenFlow12"))
                .hasMessage("unknown OpenFlow version 'OpenFlow12': use OpenFlow10,OpenFlow13,OpenFlow14,OpenFlow15");
    }

    @Test
    void theRunMarkIsFoundByItsExactKeyNotAsASubstring() {
        String json = """
                {"data":[["s1",["map",[["flowlab-run","ab12"]]]],
                         ["s2",["map",[["not-flowlab-run","ab12"],["note","flowlab-run=zz99"]]]],
                         ["s3",["map",[]]]],
                 "headings":["name","external_ids"]}""";
        assertThat(OvsControl.externalIdValues(json, OvsCommands.RUN_KEY)).containsExactly(java.util.Map.entry("s1", "ab12"));
    }
}
