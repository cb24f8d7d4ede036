package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.testing.Frames;
import dev.flowlab.controller.testing.LogCapture;
import dev.flowlab.controller.testing.RawPeer;
import dev.flowlab.controller.testing.SwitchPeer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;

/**
 * A switch that keeps sending packet-ins but stops reading its socket, under an app that answers
 * every packet-in with a packet-out to every switch (as {@code routing} floods broadcasts): the
 * other switch's packet-ins are still answered promptly, and the stalled one is shed.
 */
class StalledSwitchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The issue asks for p99 within 100 ms; a generous bound for a shared 2-core CI machine. */
    private static final Duration P99_BOUND = Duration.ofMillis(500);
    /** Last byte of the stalled switch's source MAC, to tell its floods apart. */
    private static final byte STALLED_MAC = 0x0c;

    /** Floods every packet to every switch from the controller, like routing's broadcast. */
    private static final class BroadcastApp implements App {
        private volatile AppContext context;

        @Override
        public void start(AppContext context) {
            this.context = context;
        }

        @Override
        public Verdict onPacketIn(PacketIn in) {
            byte[] frame = in.ethernet().bytes();
            for (Switch sw : context.switches()) {
                sw.send(sw.factory().buildPacketOut().setBufferId(OFBufferId.NO_BUFFER).setInPort(OFPort.CONTROLLER)
                        .setActions(List.of(sw.factory().actions().output(OFPort.FLOOD, 0xffff))).setData(frame).build());
            }
            return Verdict.HANDLED;
        }
    }

    @Test
    void aSwitchThatStopsReadingDelaysNoOtherAndIsShed() throws Exception {
        try (LogCapture log = LogCapture.of(SlowReaderGuard.class);
             Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                     .ioThreads(2).build(), List.of(new BroadcastApp()));
             SwitchPeer healthy = SwitchPeer.handshake(controller.address(), 1, 1, 2);
             RawPeer stalled = RawPeer.connectNotReading(controller.address())) {
            healthy.ignore(m -> m instanceof OFPacketOut out && out.getData().length > 6 && out.getData()[11] == STALLED_MAC);
            stalled.handshake(2, WAIT, 1);
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1L), DatapathId.of(2L)), WAIT)).isTrue();

            AtomicLong stalledSent = new AtomicLong();
            Thread flooder = new Thread(() -> flood(stalled, stalledSent), "stalled-switch");
            flooder.setDaemon(true);
            flooder.start();
            Poll.until("the stalled switch has sent 1000 packet-ins", WAIT, () -> stalledSent.get() >= 1000);

            // The healthy switch pings through the whole episode, one packet-in at a time, until the stalled one is gone.
            List<Long> delays = new ArrayList<>();
            int seq = 0;
            while (controller.switchById(DatapathId.of(2)).isPresent() || delays.size() < 200) {
                byte[] frame = Frames.ping(0x0a, 0x0b, 0x0a000001, 0x0a000000 | ++seq);
                long sent = System.nanoTime();
                healthy.sendPacketIn(1, frame);
                healthy.awaitFirst(OFPacketOut.class, out -> Arrays.equals(out.getData(), frame), WAIT);
                delays.add(System.nanoTime() - sent);
                assertThat(delays.size()).as("pings before the stalled switch was shed").isLessThan(200_000);
            }

            delays.sort(null);
            long p99 = delays.get((int) Math.ceil(delays.size() * 0.99) - 1);
            assertThat(Duration.ofNanos(p99)).as("p99 delay over %d packet-ins", delays.size()).isLessThan(P99_BOUND);
            assertThat(log.warnings()).anySatisfy(line -> assertThat(line)
                    .contains("dpid=00:00:00:00:00:00:00:02").contains("disconnect"));
            assertThat(healthy.isClosed()).isFalse();
        }
    }

    /** Broadcast packet-ins as fast as the socket takes them, until the controller hangs up. */
    private static void flood(RawPeer peer, AtomicLong sent) {
        try {
            for (int seq = 0; ; seq++) {   // distinct frames, 1 KB each: every one is flooded
                byte[] frame = Arrays.copyOf(Frames.ping(STALLED_MAC, 0xff, 0x0a0000ff, seq), 1024);
                peer.send(SwitchPeer.OF13.buildPacketIn().setBufferId(OFBufferId.NO_BUFFER).setTotalLen(frame.length)
                        .setReason(OFPacketInReason.NO_MATCH).setTableId(TableId.of(0))
                        .setMatch(SwitchPeer.OF13.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(1)).build())
                        .setData(frame).build());
                sent.incrementAndGet();
            }
        } catch (IOException closed) {
            // shed by the controller
        }
    }
}
