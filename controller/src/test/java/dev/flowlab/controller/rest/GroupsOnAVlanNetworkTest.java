package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.VlanPorts;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.VlanRole;
import dev.flowlab.controller.rest.Http.Answer;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFGroupMod;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * On a network with VLAN roles a group's bucket outputs would leave without the VLAN stage's egress
 * tagging: such groups are refused, through REST and the apps' API alike, before the switch sees them.
 */
class GroupsOnAVlanNetworkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RecordingApp APP = new RecordingApp("grouping");
    private static final VlanPorts ROLES = new VlanPorts(Map.of("s1-eth1", VlanRole.access(10),
            "s1-eth2", VlanRole.access(20), "s1-eth3", VlanRole.trunk(List.of(10, 20))));
    private static Controller controller;
    private static SwitchPeer peer;
    private static Http http;
    private static Switch sw;

    @BeforeAll
    static void start() throws Exception {
        controller = Controller.start(ControllerConfig.builder().apps().listen("127.0.0.1", 0).vlanPorts(ROLES)
                .rest(RestConfig.on("127.0.0.1", 0)).build(), List.of(APP));
        peer = SwitchPeer.connect(controller.address(), 1, 1, 2, 3).keepFlowTable(2).sayHello();   // the VLAN pipeline: ingress table, apps table
        assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
        http = new Http(controller.restAccess().orElseThrow());
        sw = APP.context().switchById(DatapathId.of(1)).orElseThrow();
    }

    @AfterAll
    static void stop() {
        peer.close();
        controller.close();
    }

    @Test
    void aGroupThatOutputsToAPortIsRefusedOverRestWithTheReason() {
        int groupModsBefore = peer.received(OFGroupMod.class).size();

        Answer posted = http.post("/api/switches/1/groups", """
                {"type": "all", "buckets": [{"actions": [{"type": "OUTPUT", "port": 1}]},
                                            {"actions": [{"type": "OUTPUT", "port": 2}]}]}""");

        assertThat(posted.status()).as(posted.text()).isEqualTo(400);
        assertThat(posted.error()).isEqualTo("this network has VLAN roles, and a group's bucket output (here to port 1)"
                + " would bypass the VLAN stage's egress tagging (a group cannot tell which VLAN a frame is in); output"
                + " to ports from the flows' own actions instead");
        assertThat(peer.received(OFGroupMod.class)).hasSize(groupModsBefore);
    }

    @Test
    void anAppsGroupThatOutputsToAPortIsRefusedToo() {
        var of = sw.factory();
        int groupModsBefore = peer.received(OFGroupMod.class).size();

        assertThatThrownBy(() -> APP.context().groups().add(sw, OFGroupType.INDIRECT,
                List.of(Groups.bucket(of, Flows.output(of, OFPort.FLOOD)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bypass the VLAN stage");
        assertThat(peer.received(OFGroupMod.class)).hasSize(groupModsBefore);
    }

    @Test
    void aGroupThatOnlySendsToTheControllerIsKept() throws Exception {
        var of = sw.factory();

        long id = APP.context().groups().add(sw, OFGroupType.INDIRECT,
                List.of(Groups.bucket(of, Flows.output(of, OFPort.CONTROLLER)))).get(10, TimeUnit.SECONDS);

        assertThat(peer.groups()).extracting(g -> (long) g.getGroup().getGroupNumber()).contains(id);
        APP.context().groups().delete(sw, id).get(10, TimeUnit.SECONDS);
    }
}
