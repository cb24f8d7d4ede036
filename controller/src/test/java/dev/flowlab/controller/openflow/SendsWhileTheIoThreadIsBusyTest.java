package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Messages other threads send to a switch wait for its I/O thread; while that thread is busy (here an app
 * holds it in a packet-in) they count against the connection's queue bound like bytes the socket has not
 * taken: past it the switch is shed, and nothing more piles up.
 */
class SendsWhileTheIoThreadIsBusyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long MAX_QUEUED = 1 << 20;
    private static final int SENT = 4096;   // about 1 KB each: four times the bound

    @Test
    void messagesWaitingForABusyIoThreadAreBoundedAndTheSwitchIsShed() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingApp holder = new RecordingApp("holder", 100, in -> {
            holding.countDown();
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Verdict.HANDLED;
        });
        ConnectionLimits limits = ConnectionLimits.defaults().withShedding(Duration.ofSeconds(30), MAX_QUEUED);
        try (Controller controller = Controller.start(ControllerConfig.builder().apps().listen("127.0.0.1", 0)
                .limits(limits).build(), List.of(holder));
             SwitchPeer peer = SwitchPeer.handshake(controller.address(), 1, 1, 2)) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Switch sw = controller.switchById(DatapathId.of(1)).orElseThrow();
            OFFactory of = sw.factory();
            List<OFAction> outputs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                outputs.add(Flows.output(of, OFPort.of(2)));
            }
            OFFlowAdd entry = of.buildFlowAdd().setPriority(7).setMatch(of.buildMatch().build())
                    .setInstructions(Flows.apply(of, outputs.toArray(OFAction[]::new))).build();
            peer.sendPacketIn(1, new byte[60]);
            assertThat(holding.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

            for (int i = 0; i < SENT; i++) {   // from this thread, while the switch's I/O thread is held
                sw.send(entry);
            }
            release.countDown();

            peer.awaitClosed(WAIT);
            long arrived = peer.received(OFFlowAdd.class).stream().filter(add -> add.getPriority() == 7).count();
            assertThat(arrived).isLessThan(SENT / 2);
        }
    }
}
