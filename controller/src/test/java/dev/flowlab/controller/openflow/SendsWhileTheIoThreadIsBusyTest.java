package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Messages other threads send to a switch wait for its I/O thread; while that thread is busy (here an app
 * holds it in a packet-in) they count against the connection's queue bound like bytes the socket has not
 * taken: past it the switch is shed, and nothing more piles up. Packet-outs are dropped instead, as they are
 * for a switch that does not read: a busy controller must not disconnect a switch that reads.
 */
class SendsWhileTheIoThreadIsBusyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long MAX_QUEUED = 1 << 20;
    private static final int SENT = 4096;   // about 1 KB each: four times the bound

    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile EventExecutor heldLoop;
    private Controller controller;
    private SwitchPeer peer;

    @AfterEach
    void stop() {
        release.countDown();
        if (peer != null) {
            peer.close();
        }
        if (controller != null) {
            controller.close();
        }
    }

    /** A controller whose app holds the I/O thread of switch 1 from its first packet-in until {@link #release}. */
    private Switch holdingController(long maxQueued) throws Exception {
        RecordingApp holder = new RecordingApp("holder", 100, in -> {
            heldLoop = ThreadExecutorMap.currentExecutor();
            holding.countDown();
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Verdict.HANDLED;
        });
        ConnectionLimits limits = ConnectionLimits.defaults().withShedding(Duration.ofSeconds(30), maxQueued);
        controller = Controller.start(ControllerConfig.builder().apps().listen("127.0.0.1", 0).limits(limits).build(),
                List.of(holder));
        peer = SwitchPeer.handshake(controller.address(), 1, 1, 2);
        assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
        return controller.switchById(DatapathId.of(1)).orElseThrow();
    }

    private void holdIoThread() throws InterruptedException {
        peer.sendPacketIn(1, new byte[60]);
        assertThat(holding.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    /** A flow entry of about 1 KB (60 output actions). */
    private static OFFlowAdd bigEntry(OFFactory of, int priority) {
        List<OFAction> outputs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            outputs.add(Flows.output(of, OFPort.of(2)));
        }
        return of.buildFlowAdd().setPriority(priority).setMatch(of.buildMatch().build())
                .setInstructions(Flows.apply(of, outputs.toArray(OFAction[]::new))).build();
    }

    @Test
    void messagesWaitingForABusyIoThreadAreBoundedAndTheSwitchIsShed() throws Exception {
        Switch sw = holdingController(MAX_QUEUED);
        OFFlowAdd entry = bigEntry(sw.factory(), 7);
        holdIoThread();

        for (int i = 0; i < SENT; i++) {   // from this thread, while the switch's I/O thread is held
            sw.send(entry);
        }
        release.countDown();

        peer.awaitClosed(WAIT);
        long arrived = peer.received(OFFlowAdd.class).stream().filter(add -> add.getPriority() == 7).count();
        assertThat(arrived).isLessThan(SENT / 2);
    }

    @Test
    void aRequestWaitingWhenTheBoundShedsTheSwitchFailsSayingSo() throws Exception {
        Switch sw = holdingController(MAX_QUEUED);
        OFFlowAdd entry = bigEntry(sw.factory(), 7);
        holdIoThread();

        CompletableFuture<?> barrier = sw.barrier();
        for (int i = 0; i < SENT; i++) {
            sw.send(entry);
        }
        release.countDown();

        assertThatThrownBy(() -> barrier.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("switch " + DatapathId.of(1) + " disconnected: the controller disconnected it: ")
                .hasMessageContaining("more than the " + MAX_QUEUED + " allowed");
    }

    @Test
    void packetOutsWaitingForABusyIoThreadAreDroppedAndTheSwitchStays() throws Exception {
        Switch sw = holdingController(2 * MAX_QUEUED);   // above the 1 MiB write watermark
        OFFactory of = sw.factory();
        OFPacketOut packetOut = of.buildPacketOut().setBufferId(OFBufferId.NO_BUFFER).setInPort(OFPort.CONTROLLER)
                .setActions(List.of(Flows.output(of, OFPort.of(2)))).setData(new byte[1000]).build();
        holdIoThread();

        for (int i = 0; i < SENT; i++) {   // four times the high watermark, twice the bound
            sw.send(packetOut);
        }
        release.countDown();
        sw.send(bigEntry(of, 9));

        peer.awaitFirst(OFFlowAdd.class, add -> add.getPriority() == 9, WAIT);
        assertThat(peer.isClosed()).isFalse();
        assertThat(sw.isConnected()).isTrue();
        long arrived = peer.received(OFPacketOut.class).stream().filter(out -> out.getData().length == 1000).count();
        assertThat(arrived).isGreaterThan(0).isLessThan(SENT / 2);
    }

    @Test
    void aConfirmedPacketOutThatWasDroppedFailsInsteadOfBeingConfirmed() throws Exception {
        Switch sw = holdingController(2 * MAX_QUEUED);
        OFFactory of = sw.factory();
        OFPacketOut packetOut = of.buildPacketOut().setBufferId(OFBufferId.NO_BUFFER).setInPort(OFPort.CONTROLLER)
                .setActions(List.of(Flows.output(of, OFPort.of(2)))).setData(new byte[1000]).build();
        holdIoThread();
        for (int i = 0; i < 1500; i++) {   // past the 1 MiB write watermark
            sw.send(packetOut);
        }

        CompletableFuture<Void> confirmed = sw.sendConfirmed(packetOut);
        release.countDown();

        assertThatThrownBy(() -> confirmed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("the PACKET_OUT to switch " + DatapathId.of(1) + " was dropped: it is a packet-out");
    }

    @Test
    void sendsWhileTheIoThreadIsBusyQueueOneTaskNotOnePerSend() throws Exception {
        Switch sw = holdingController(ConnectionLimits.defaults().maxQueuedBytes());
        OFFactory of = sw.factory();
        holdIoThread();
        int before = ((SingleThreadEventExecutor) heldLoop).pendingTasks();

        for (int i = 0; i < 1000; i++) {
            sw.send(of.buildFlowAdd().setPriority(1000 + i).setMatch(of.buildMatch().build()).build());
        }
        int queued = ((SingleThreadEventExecutor) heldLoop).pendingTasks() - before;
        release.countDown();

        assertThat(queued).as("tasks queued on the I/O thread for 1000 sends").isLessThanOrEqualTo(1);
        Poll.until("the 1000 entries at the switch", WAIT, () -> sent().size() == 1000);
        assertThat(sent()).isSorted();
    }

    private List<Integer> sent() {
        return peer.received(OFFlowAdd.class).stream().map(OFFlowAdd::getPriority).filter(p -> p >= 1000 && p < 2000).toList();
    }
}
