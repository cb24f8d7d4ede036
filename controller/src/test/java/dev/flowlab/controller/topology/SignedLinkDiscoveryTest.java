package dev.flowlab.controller.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.testing.Frames;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Link discovery over real OpenFlow connections: only the controller's own signed probes make
 * links, and its rounds go on while an app keeps the apps' executor busy.
 */
class SignedLinkDiscoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Takes the apps' executor and never gives it back (until the test ends). */
    private static final class BlockingApp implements App {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void start(AppContext context) {
            context.executor().execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private final BlockingApp blocking = new BlockingApp();
    private Controller controller;
    private SwitchPeer s1;
    private SwitchPeer s2;

    @BeforeEach
    void start() throws Exception {
        controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build(), List.of(blocking));
        s1 = SwitchPeer.handshake(controller.address(), 1, 1, 2);
        s2 = SwitchPeer.handshake(controller.address(), 2, 1, 2);
        assertThat(controller.awaitSwitches(List.of(DatapathId.of(1), DatapathId.of(2)), WAIT)).isTrue();
    }

    @AfterEach
    void stop() {
        blocking.release.countDown();
        s1.close();
        s2.close();
        controller.close();
    }

    @Test
    void aForgedLldpPacketInMakesNoLinkAndTheControllersOwnProbeDoes() {
        // A host behind s2 port 1 claims, in our probe format, to be s1 port 1 (where no cable is).
        s2.sendPacketIn(1, Frames.lldp(0x0200_0000_0099L, "dpid:0000000000000001", "1"));
        // The genuine probe s1 sent out of port 2, arriving at s2 port 2 as the wire would bring it.
        OFPacketOut probe = s1.awaitFirst(OFPacketOut.class, out -> outPort(out).equals(OFPort.of(2)), WAIT);
        s2.sendPacketIn(2, probe.getData());

        Link genuine = new Link(DatapathId.of(1), OFPort.of(2), DatapathId.of(2), OFPort.of(2));
        Poll.until("the genuine link", WAIT, () -> controller.topology().links().contains(genuine));
        assertThat(controller.topology().links()).containsExactly(genuine);   // packet-ins are handled in order
    }

    @Test
    void roundsGoOnWhileAnAppBlocksTheAppsExecutor() {
        // At switch up each port is probed once; every further probe comes from a round.
        s1.await(OFPacketOut.class, 2 * 3, WAIT);
        assertThat(controller.switchById(DatapathId.of(1))).isPresent();
    }

    private static OFPort outPort(OFPacketOut out) {
        return ((OFActionOutput) out.getActions().get(0)).getPort();
    }
}
