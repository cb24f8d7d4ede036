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
        String ports = Ovsdb.addPortOps(plan).toString();
        List<String> after = OvsCommands.afterPorts(plan, o, "run1", Duration.ofSeconds(30));

        assertThat(bridges.get(0)).endsWith("ovs-vsctl");
        assertThat(Collections.frequency(bridges, "add-br")).isEqualTo(2);
        assertThat(bridges).containsSubsequence("add-br", "s2", "--", "set", "bridge", "s2", "datapath_type=netdev",
                "protocols=OpenFlow13", "fail_mode=secure", "other_config:datapath-id=0000000000000002",
                "other_config:disable-in-band=true", "external_ids:flowlab-run=run1");
        assertThat(bridges).doesNotContain("add-port", "set-controller");
        assertThat(ports).contains("""
                {"op":"insert","table":"Interface","uuid-name":"i3","row":{"name":"s2-eth2","ofport_request":2}}""");
        assertThat(ports).contains("""
                {"op":"insert","table":"Port","uuid-name":"p3","row":{"name":"s2-eth2","interfaces":["named-uuid","i3"]}}""");
        assertThat(ports).contains("{\"op\":\"mutate\",\"table\":\"Bridge\",\"where\":[[\"name\",\"==\",\"s2\"]],"
                + "\"mutations\":[[\"ports\",\"insert\",[\"set\",[[\"named-uuid\",\"p2\"],[\"named-uuid\",\"p3\"]]]]]}");
        // ovs-vswitchd has applied the transaction once cur_cfg reaches the next_cfg it bumps.
        assertThat(ports).endsWith("{\"op\":\"mutate\",\"table\":\"Open_vSwitch\",\"where\":[],"
                + "\"mutations\":[[\"next_cfg\",\"+=\",1]]},"
                + "{\"op\":\"select\",\"table\":\"Open_vSwitch\",\"where\":[],\"columns\":[\"next_cfg\"]}]");
        assertThat(ports).doesNotContain("\"h1-eth0\"", "\"h2-eth0\"");
        // A switch connects to its controller with every port in place.
        assertThat(after.get(0)).endsWith("ovs-vsctl");
        assertThat(after).doesNotContain("add-br", "add-port");
        assertThat(after).containsSubsequence("set-controller", "s1", "tcp:127.0.0.1:16753");
    }

    @Test
    void noControllerMeansNothingAfterThePorts() {
        Plan plan = new Plan(Topologies.single(1));
        List<String> bridges = OvsCommands.addBridges(plan, NetworkOptions.defaults(), Datapath.SYSTEM, "r", Duration.ofSeconds(5));
        assertThat(bridges).contains("datapath_type=system", "fail_mode=standalone");
        assertThat(OvsCommands.afterPorts(plan, NetworkOptions.defaults(), "r", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aFailedOperationIsNamedWithTheOperation() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode ops = Ovsdb.addPortOps(new Plan(Topologies.single(1)));
        String refused = "[{\"uuid\":[\"uuid\",\"x\"]},{\"error\":\"constraint violation\",\"details\":"
                + "\"Transaction causes multiple rows in \\\"Port\\\" table to have identical values\"}]";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ovsdb.checkResults(json.readTree(refused), ops))
                .hasMessageStartingWith("ovsdb-server: constraint violation (Transaction causes multiple rows")
                .hasMessageContaining("{\"op\":\"insert\",\"table\":\"Port\"");
        Ovsdb.checkResults(json.readTree("[{\"uuid\":[\"uuid\",\"x\"]},{\"count\":1}]"), ops);
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
