package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * Connections of one datapath id run on different I/O threads; apps must still see its up and
 * down events in order, never an up overtaking the down before it.
 */
class SwitchEventOrderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Records up/down; its first switch-down is slow, giving a reconnect on another thread every chance to overtake it. */
    private static final class SlowDownApp implements App {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean downStarted;

        @Override
        public void onSwitchUp(Switch sw) {
            events.add("up");
        }

        @Override
        public void onSwitchDown(DatapathId dpid) {
            downStarted = true;
            // Not a sleep for synchronisation: the app is slow on purpose, and stops waiting early if an
            // up overtakes this down (the bug); serialised, the up cannot come until this returns.
            long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (events.stream().filter("up"::equals).count() < 2 && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            events.add("down");
        }
    }

    @Test
    void aReconnectsUpWaitsForThePreviousConnectionsDown() throws Exception {
        SlowDownApp app = new SlowDownApp();
        // Two I/O threads: consecutive connections are served by different ones.
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .ioThreads(2).build(), List.of(app))) {
            SwitchPeer first = SwitchPeer.handshake(controller.address(), 1, 1);
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1L)), WAIT)).isTrue();
            first.close();
            Poll.until("the app's switch-down has begun", WAIT, () -> app.downStarted);

            try (SwitchPeer second = SwitchPeer.handshake(controller.address(), 1, 1)) {
                Poll.until("three events", WAIT, () -> app.events.size() == 3);
                assertThat(app.events).containsExactly("up", "down", "up");
                assertThat(second.isClosed()).isFalse();
            }
        }
    }
}
