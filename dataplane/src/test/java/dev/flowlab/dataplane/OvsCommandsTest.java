package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topologies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OvsCommandsTest {
    @Test
    void oneTransactionSetsEveryBridgeAndNumbersPortsAsTheirNames() {
        NetworkOptions o = NetworkOptions.builder().failMode(FailMode.SECURE).controller("127.0.0.1", 16753).build();
        List<String> argv = OvsCommands.addAll(new Plan(Topologies.linear(2)), o, Datapath.NETDEV, "run1",
                Duration.ofSeconds(30));

        assertThat(argv.get(0)).endsWith("ovs-vsctl");
        assertThat(Collections.frequency(argv, "add-br")).isEqualTo(2);
        assertThat(argv).containsSubsequence("add-br", "s2", "--", "set", "bridge", "s2", "datapath_type=netdev",
                "protocols=OpenFlow13", "fail_mode=secure", "other_config:datapath-id=0000000000000002",
                "other_config:disable-in-band=true", "external_ids:flowlab-run=run1");
        assertThat(argv).containsSubsequence("set-controller", "s1", "tcp:127.0.0.1:16753");
        assertThat(argv).containsSubsequence("add-port", "s2", "s2-eth2", "--", "set", "interface", "s2-eth2",
                "ofport_request=2");
    }

    @Test
    void noControllerMeansNoSetController() {
        List<String> argv = OvsCommands.addAll(new Plan(Topologies.single(1)), NetworkOptions.defaults(),
                Datapath.SYSTEM, "r", Duration.ofSeconds(5));
        assertThat(argv).doesNotContain("set-controller").contains("datapath_type=system", "fail_mode=standalone");
    }

    @Test
    void everyBridgeOffersTheChosenOpenFlowVersionsLowestFirst() {
        NetworkOptions o = NetworkOptions.builder().protocols(List.of(OpenFlowVersion.OPENFLOW15,
                OpenFlowVersion.OPENFLOW10, OpenFlowVersion.OPENFLOW15)).build();
        List<String> argv = OvsCommands.addAll(new Plan(Topologies.linear(2)), o, Datapath.NETDEV, "r", Duration.ofSeconds(5));

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
