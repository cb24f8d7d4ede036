package dev.flowlab.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.testing.RehearsalModules;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What waits for the packet-in warm-up: a controller that listens when warm serves nothing before (REST neither:
 * a lab takes its REST API for the listener's), readiness waits no longer than its timeout, and a controller closed
 * mid-warm-up leaves no warm-up thread behind. The warm-up's copy of a test app is held in its start meanwhile.
 */
class WarmUpWaitTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final CountDownLatch hold = new CountDownLatch(1);

    @BeforeEach
    void holdTheWarmUp() {
        PacketPathWarmup.allowAnotherForTests();
        RehearsalModules.REHEARSABLE.reset();
        RehearsalModules.HOLD_WARM_UP_COPY = hold;
    }

    @AfterEach
    void release() {
        hold.countDown();
        RehearsalModules.HOLD_WARM_UP_COPY = null;
        Poll.until("no warm-up thread left", WAIT, () -> warmUpThreads().isEmpty());
    }

    @Test
    void aControllerThatListensWhenWarmServesNothingBeforeTheWarmUpIsOver() throws Exception {
        int openflow = freePort();
        int rest = freePort();
        ControllerConfig config = ControllerConfig.builder().apps("test-rehearsable").listen("127.0.0.1", openflow)
                .rest(RestConfig.on("127.0.0.1", rest)).listenWhenWarm(true).build();
        CompletableFuture<Controller> started = new CompletableFuture<>();
        Thread starting = new Thread(() -> {
            try {
                started.complete(Controller.start(config));
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "test-start");
        starting.start();
        Poll.until("start() waits for the warm-up", WAIT, () -> Arrays.stream(starting.getStackTrace())
                .anyMatch(f -> f.getMethodName().equals("awaitDone")));

        assertThatThrownBy(() -> connect(rest)).as("REST before the warm-up is over").isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> connect(openflow)).as("OpenFlow before the warm-up is over").isInstanceOf(ConnectException.class);

        hold.countDown();
        try (Controller controller = started.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            assertThat(controller.isListening()).isTrue();
            connect(rest);
            connect(openflow);
        }
    }

    @Test
    void readinessWaitsForTheWarmUpNoLongerThanItsTimeoutAndSaysSo() {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Controller controller = Controller.start(ControllerConfig.builder().apps("test-rehearsable")
                .listen("127.0.0.1", 0).build())) {
            Poll.until("the warm-up's copy is being made", WAIT, () -> !warmUpThreads().isEmpty());

            controller.awaitReady(new ExpectedNetwork(Map.of(), Set.of()), Duration.ofMillis(200), heard::add);

            assertThat(heard).contains("waiting for the packet-in path to warm up");
        }
        assertThat(Controller.warmUpWait(Duration.ofMillis(200).toNanos())).isEqualTo(Duration.ofMillis(200));
        assertThat(Controller.warmUpWait(-1)).isEqualTo(Duration.ZERO);
        assertThat(Controller.warmUpWait(Duration.ofHours(1).toNanos())).isLessThan(Duration.ofHours(1));
    }

    @Test
    void aControllerClosedMidWarmUpLeavesNoWarmUpBehindAndRehearsesNothing() {
        Controller controller = Controller.start(ControllerConfig.builder().apps("test-rehearsable")
                .listen("127.0.0.1", 0).build());
        Poll.until("the warm-up's copy is being made", WAIT, () -> !warmUpThreads().isEmpty());

        controller.close();
        hold.countDown();

        Poll.until("the warm-up thread and its copy's thread end", WAIT, () -> warmUpThreads().isEmpty());
        Poll.until("the copy stopped as the controller's app did", WAIT, () -> RehearsalModules.REHEARSABLE.stops.get() == 2);
        assertThat(RehearsalModules.REHEARSABLE.starts).hasValue(2);
        assertThat(RehearsalModules.REHEARSABLE.packetIns).hasValue(0);   // closed before its rehearsal: none rehearsed
    }

    private static List<String> warmUpThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith("flowlab-warmup"))
                .toList();
    }

    private static void connect(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
