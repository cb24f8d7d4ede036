package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.U64;

/**
 * Messages to one switch leave in the order of the send calls, whichever threads make them. An app
 * that sends an entry from a timer or another switch's thread and, later, its removal from the
 * switch's own thread (stp: a port blocked, then opened again) must not have the removal overtake it.
 */
class SendOrderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final U64 MARK = U64.of(0x5e4d0000L);
    private final CountDownLatch inCallback = new CountDownLatch(1);
    private final CountDownLatch sentFromOutside = new CountDownLatch(1);
    private Controller controller;
    private SwitchPeer peer;

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        controller.close();
    }

    @Test
    void aMessageSentFromAnotherThreadIsNotOvertakenByOneTheSwitchsOwnThreadSendsAfterIt() throws Exception {
        RecordingApp app = new RecordingApp("orderer", 100, in -> {
            inCallback.countDown();
            await(sentFromOutside);
            in.sw().send(entry(in.sw(), 2));   // on the switch's I/O thread, after the other thread's send returned
            return Verdict.HANDLED;
        });
        controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build(), List.of(app));
        peer = SwitchPeer.handshake(controller.address(), 1, 1, 2);
        assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
        Switch sw = controller.switchById(DatapathId.of(1)).orElseThrow();

        peer.sendPacketIn(1, new byte[60]);
        assertThat(inCallback.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the app holds the switch's thread").isTrue();
        sw.send(entry(sw, 1));   // from the test's thread while the switch's thread is busy
        sentFromOutside.countDown();

        Poll.until("both entries at the switch", WAIT, () -> marked().size() == 2);
        assertThat(marked()).containsExactly(1, 2);
    }

    /** The priorities of the test's entries, in the order the switch received them. */
    private List<Integer> marked() {
        return peer.received(OFFlowAdd.class).stream().filter(m -> m.getCookie().equals(MARK)).map(OFFlowMod::getPriority).toList();
    }

    private static OFFlowAdd entry(Switch sw, int priority) {
        return sw.factory().buildFlowAdd().setCookie(MARK).setPriority(priority).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the test's thread did not send in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
