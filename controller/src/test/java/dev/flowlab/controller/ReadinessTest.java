package dev.flowlab.controller;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/** {@link Controller#awaitReady}: returns once the expected network is seen, else names what is missing. */
class ReadinessTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Long enough for a connected peer's handshake; the cases that must fail wait this long for nothing. */
    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final DatapathId ONE = DatapathId.of(1);
    private static final DatapathId TWO = DatapathId.of(2);

    private static Controller start() {
        return Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build());
    }

    @Test
    void readyOnceEverySwitchIsConnectedWithItsPorts() throws Exception {
        try (Controller controller = start();
             SwitchPeer one = SwitchPeer.handshake(controller.address(), 1, 1, 2);
             SwitchPeer two = SwitchPeer.handshake(controller.address(), 2, 1)) {
            ExpectedNetwork expected = new ExpectedNetwork(
                    Map.of(ONE, Set.of(OFPort.of(1), OFPort.of(2)), TWO, Set.of(OFPort.of(1))), Set.of());
            assertThatCode(() -> controller.awaitReady(expected, WAIT, p -> { })).doesNotThrowAnyException();
        }
    }

    @Test
    void aSwitchThatNeverConnectsIsNamed() {
        try (Controller controller = start()) {
            ExpectedNetwork expected = new ExpectedNetwork(Map.of(TWO, Set.of()), Set.of());
            assertThatThrownBy(() -> controller.awaitReady(expected, SHORT, p -> { }))
                    .isInstanceOf(NotReadyException.class)
                    .hasMessageContaining("1 of 1 switches did not connect")
                    .hasMessageContaining(TWO.toString())
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void aPortTheSwitchDoesNotReportIsNamed() throws Exception {
        try (Controller controller = start();
             SwitchPeer one = SwitchPeer.handshake(controller.address(), 1, 1, 2)) {
            ExpectedNetwork expected = new ExpectedNetwork(Map.of(ONE, Set.of(OFPort.of(1), OFPort.of(3))), Set.of());
            assertThatThrownBy(() -> controller.awaitReady(expected, SHORT, p -> { }))
                    .isInstanceOf(NotReadyException.class)
                    .hasMessageContaining("misses ports [3]");
        }
    }

    @Test
    void aLinkNotDiscoveredIsNamed() throws Exception {
        // The peers do not pass LLDP frames to each other: the controller never sees the cable.
        try (Controller controller = start();
             SwitchPeer one = SwitchPeer.handshake(controller.address(), 1, 1);
             SwitchPeer two = SwitchPeer.handshake(controller.address(), 2, 1)) {
            Link cable = new Link(ONE, OFPort.of(1), TWO, OFPort.of(1));
            ExpectedNetwork expected = new ExpectedNetwork(Map.of(ONE, Set.of(OFPort.of(1)), TWO, Set.of(OFPort.of(1))),
                    Set.of(cable, cable.reversed()));
            assertThatThrownBy(() -> controller.awaitReady(expected, SHORT, p -> { }))
                    .isInstanceOf(NotReadyException.class)
                    .hasMessageContaining("2 of 2 inter-switch links were not discovered");
        }
    }

    @Test
    void anAppThatHoldsTrafficBackIsWaitedForAndNamed() {
        java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean(true);
        App holder = new App() {
            @Override
            public java.util.Optional<String> notReady() {
                return holding.get() ? java.util.Optional.of("holder holds 3 ports") : java.util.Optional.empty();
            }
        };
        ExpectedNetwork nothing = new ExpectedNetwork(Map.of(), Set.of());
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build(), List.of(holder))) {
            assertThatThrownBy(() -> controller.awaitReady(nothing, SHORT, p -> { }))
                    .isInstanceOf(NotReadyException.class)
                    .hasMessageContaining("holder holds 3 ports");

            holding.set(false);
            assertThatCode(() -> controller.awaitReady(nothing, SHORT, p -> { })).doesNotThrowAnyException();
        }
    }
}
