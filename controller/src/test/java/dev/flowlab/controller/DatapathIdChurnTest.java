package dev.flowlab.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.core.OwnedEntries;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A peer that connects again and again under datapath ids it makes up, and leaves, must not grow the
 * controller: what is kept per datapath id is dropped with the switch, or kept for the last few that left
 * (so that a switch reconnecting finds its counters and the owners of its groups again).
 */
class DatapathIdChurnTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SWITCHES = 2000;
    private static final int AT_ONCE = 100;

    @Test
    void switchesThatLeaveAreForgottenBeyondTheLastFew() throws Exception {
        RecordingApp app = new RecordingApp("churn");
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build(),
                List.of(app))) {
            for (int first = 1; first <= SWITCHES; first += AT_ONCE) {
                List<SwitchPeer> batch = connect(controller, first, AT_ONCE);
                CompletableFuture.allOf(controller.switches().stream().map(sw -> addGroup(app, sw))
                        .toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                batch.forEach(SwitchPeer::close);
                Poll.until("switches " + first + "+ down", WAIT, () -> controller.switches().isEmpty());
            }

            // One more switch uses the group table: the tables of the switches gone beyond the last few go.
            List<SwitchPeer> last = connect(controller, SWITCHES + 1, 1);
            addGroup(app, controller.switchById(DatapathId.of(SWITCHES + 1)).orElseThrow()).get(30, TimeUnit.SECONDS);
            assertThat(controller.groupsAndMeters().groupEntries().tracked()).isLessThanOrEqualTo(OwnedEntries.KEPT_GONE + 1);
            assertThat(controller.registry().remembered()).isLessThanOrEqualTo(SwitchRegistry.KEPT_GONE + 1);
            last.forEach(SwitchPeer::close);

            // The switch that left last comes back: its group is still the app's.
            List<SwitchPeer> back = connect(controller, SWITCHES, 1);
            Switch again = controller.switchById(DatapathId.of(SWITCHES)).orElseThrow();
            assertThat(app.context().groups().ids(again)).isNotEmpty();
            back.forEach(SwitchPeer::close);
        }
    }

    /** Switches {@code first}..{@code first + count - 1}, each keeping its tables, up at the controller. */
    private static List<SwitchPeer> connect(Controller controller, int first, int count) throws Exception {
        List<SwitchPeer> peers = new ArrayList<>();
        List<DatapathId> dpids = new ArrayList<>();
        for (int dpid = first; dpid < first + count; dpid++) {
            peers.add(SwitchPeer.connect(controller.address(), dpid, 1).keepFlowTable(1).sayHello());
            dpids.add(DatapathId.of(dpid));
        }
        assertThat(controller.awaitSwitches(dpids, WAIT)).isTrue();
        return peers;
    }

    private static CompletableFuture<Long> addGroup(RecordingApp app, Switch sw) {
        return app.context().groups().add(sw, OFGroupType.ALL,
                List.of(Groups.bucket(sw.factory(), Flows.output(sw.factory(), OFPort.of(1)))));
    }
}
