package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.store.MemoryConfigStore;
import dev.flowlab.controller.testing.FakeSwitch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
}
