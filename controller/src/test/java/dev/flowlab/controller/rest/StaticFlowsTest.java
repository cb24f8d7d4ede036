package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.core.JsonMapping;
import dev.flowlab.controller.store.MemoryConfigStore;
import dev.flowlab.controller.store.StoreState;
import dev.flowlab.controller.testing.FakeSwitch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

class StaticFlowsTest {

    @Test
    void aControllerThatBecomesMasterInstallsTheStoredStaticFlowsUnderTheirIds() throws Exception {
        MemoryConfigStore store = new MemoryConfigStore();
        FakeSwitch sw = new FakeSwitch(1, 3);
        store.put("rest/flows/" + sw.id() + "/7", "{\"priority\":200,\"match\":{\"in_port\":1},"
                + "\"actions\":[{\"type\":\"OUTPUT\",\"port\":2}]}").join();
        store.put("rest/flows/00:00:00:00:00:00:00:09/1", "{\"match\":{\"in_port\":1}}").join();   // another switch's

        new StaticFlows(store).onSwitchUp(sw);
        sw.barrier().get(10, TimeUnit.SECONDS);

        assertThat(sw.table().entries(Flows.cookie("rest"), Flows.APP_COOKIE_MASK)).singleElement().satisfies(e -> {
            assertThat(e.getCookie()).isEqualTo(StaticFlows.COOKIE.or(U64.of(7)));
            assertThat(e.getPriority()).isEqualTo(200);
        });
    }

    private static final String DROP_IN_PORT_1 = "{\"match\":{\"in_port\":1},\"actions\":[]}";

    @Test
    void deletingEveryStaticFlowAlsoForgetsThoseTheSwitchTimedOutSoTheyDoNotComeBack() throws Exception {
        MemoryConfigStore store = new MemoryConfigStore();
        FakeSwitch sw = new FakeSwitch(1, 3);
        StaticFlows flows = new StaticFlows(store);
        flows.add(sw, body(DROP_IN_PORT_1)).get(10, TimeUnit.SECONDS);
        flows.add(sw, body("{\"priority\":300,\"match\":{\"in_port\":2},\"actions\":[]}")).get(10, TimeUnit.SECONDS);
        expire(sw, 2);

        assertThat(flows.deleteAll(sw).get(10, TimeUnit.SECONDS)).isEqualTo(1);

        assertThat(store.list("rest/flows/")).isEmpty();
        flows.onSwitchUp(sw);   // a reconnect, or a failover to this member
        sw.barrier().get(10, TimeUnit.SECONDS);
        assertThat(sw.table().entries(StaticFlows.COOKIE, Flows.APP_COOKIE_MASK)).isEmpty();
    }

    @Test
    void deletingAStaticFlowTheSwitchTimedOutForgetsItsStoredCopy() throws Exception {
        MemoryConfigStore store = new MemoryConfigStore();
        FakeSwitch sw = new FakeSwitch(1, 3);
        StaticFlows flows = new StaticFlows(store);
        flows.add(sw, body(DROP_IN_PORT_1)).get(10, TimeUnit.SECONDS);
        expire(sw, 1);

        assertThat(flows.delete(sw, 1).get(10, TimeUnit.SECONDS)).isZero();
        assertThat(store.list("rest/flows/")).isEmpty();
        assertThatThrownBy(() -> flows.delete(sw, 1).join()).hasCauseInstanceOf(dev.flowlab.controller.api.RestException.class);
    }

    @Test
    void aFlowTheStoreRefusesIsTakenOffTheSwitchAgain() throws Exception {
        MemoryConfigStore full = new MemoryConfigStore(new StoreState.Limits(0, 0));
        FakeSwitch sw = new FakeSwitch(1, 3);

        assertThatThrownBy(() -> new StaticFlows(full).add(sw, body(DROP_IN_PORT_1)).get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);

        sw.barrier().get(10, TimeUnit.SECONDS);
        assertThat(sw.table().entries(StaticFlows.COOKIE, Flows.APP_COOKIE_MASK)).isEmpty();
    }

    @Test
    void anIdIsNeverHandedOutTwiceNeitherAfterItsFlowIsDeletedNorByTheNextMaster() throws Exception {
        MemoryConfigStore store = new MemoryConfigStore();   // what every cluster member holds alike
        FakeSwitch sw = new FakeSwitch(1, 3);
        StaticFlows flows = new StaticFlows(store);
        int first = flows.add(sw, body(DROP_IN_PORT_1)).get(10, TimeUnit.SECONDS).id();
        int second = flows.add(sw, body("{\"priority\":300,\"match\":{\"in_port\":2},\"actions\":[]}"))
                .get(10, TimeUnit.SECONDS).id();
        flows.delete(sw, second).get(10, TimeUnit.SECONDS);

        int third = flows.add(sw, body(DROP_IN_PORT_1)).get(10, TimeUnit.SECONDS).id();
        flows.deleteAll(sw).get(10, TimeUnit.SECONDS);
        int fourth = new StaticFlows(store).add(sw, body(DROP_IN_PORT_1)).get(10, TimeUnit.SECONDS).id();   // a failover

        assertThat(java.util.List.of(first, second, third, fourth)).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> flows.delete(sw, 2).join()).hasCauseInstanceOf(dev.flowlab.controller.api.RestException.class);
    }

    private static FlowBody body(String json) throws Exception {
        return JsonMapping.json().readValue(json, FlowBody.class);
    }

    /** What the switch does when the entry's idle or hard timeout passes: it is gone, without the controller. */
    private static void expire(FakeSwitch sw, int id) {
        sw.table().apply(FakeSwitch.OF.buildFlowDelete().setTableId(TableId.ALL).setOutPort(OFPort.ANY)
                .setOutGroup(OFGroup.ANY).setMatch(FakeSwitch.OF.matchWildcardAll())
                .setCookie(StaticFlows.COOKIE.or(U64.of(id))).setCookieMask(U64.NO_MASK).build());
    }
}
