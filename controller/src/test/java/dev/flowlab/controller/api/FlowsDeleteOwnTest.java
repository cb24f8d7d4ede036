package dev.flowlab.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * {@link Flows#deleteOwn} through the real controller, against a switch peer that keeps a flow table in one
 * version: an app's delete takes its own entries and no one else's, also on OpenFlow 1.0, whose flow delete
 * cannot select by cookie.
 */
class FlowsDeleteOwnTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final U64 MINE = Flows.cookie("learning-switch");
    private static final U64 OTHERS = Flows.cookie("hub");

    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_10", "OF_13", "OF_15"})
    void deletesTheAppsOwnEntriesIntoAPortThenAllOfThemAndNoOneElses(OFVersion version) throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 1, 1, 2, 3).speaking(version).keepFlowTable(1)
                     .sayHello()) {
            assertThat(controller.awaitSwitches(List.of(DatapathId.of(1)), WAIT)).isTrue();
            Switch sw = controller.switchById(DatapathId.of(1)).orElseThrow();
            OFFactory of = sw.factory();
            Poll.until("link discovery's LLDP entry", WAIT, () -> peer.flows().stream().anyMatch(e -> e.getPriority() == 65000));
            peer.install(entry(of, MINE.or(U64.of(7)), 1, 2));
            peer.install(entry(of, MINE, 2, 1));
            peer.install(entry(of, OTHERS, 3, 2));   // another app's, into the same port
            peer.install(entry(of, OTHERS, 1, 3));
            List<OFFlowStatsEntry> others = peer.flows().stream()
                    .filter(e -> !e.getCookie().and(Flows.APP_COOKIE_MASK).equals(MINE)).toList();
            assertThat(others).extracting(OFFlowStatsEntry::getCookie).contains(Flows.cookie("link-discovery"), OTHERS, OTHERS);
            List<OFFlowStatsEntry> mineIntoPort1 = peer.flows().stream().filter(e -> e.getCookie().equals(MINE)).toList();

            Flows.deleteOwn(sw, MINE, Flows.APP_COOKIE_MASK, OFPort.of(2)).get(5, TimeUnit.SECONDS);
            sw.barrier().get(5, TimeUnit.SECONDS);
            assertThat(peer.flows()).as("only its own entry into port 2 went")
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(others.stream(), mineIntoPort1.stream()).toList());

            Flows.deleteOwn(sw, MINE, Flows.APP_COOKIE_MASK, OFPort.ANY).get(5, TimeUnit.SECONDS);
            sw.barrier().get(5, TimeUnit.SECONDS);
            assertThat(peer.flows()).as("every other entry stays: link discovery's, the other app's")
                    .containsExactlyInAnyOrderElementsOf(others);
            if (version == OFVersion.OF_10) {
                assertThat(peer.received(OFFlowDelete.class)).as("no 1.0 delete, which would select by match alone").isEmpty();
            }
        }
    }

    @Test
    void aDeleteByCookieCannotBeBuiltForOpenFlow10() {
        assertThatThrownBy(() -> Flows.deleteByCookie(OFFactories.getFactory(OFVersion.OF_10), MINE, Flows.APP_COOKIE_MASK))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Flows.deleteOwn");
    }

    /** The learning switch's kind of entry: in on one port from one MAC to another, out of another port. */
    private static OFFlowAdd entry(OFFactory of, U64 cookie, int in, int out) {
        return of.buildFlowAdd().setCookie(cookie).setPriority(1)
                .setMatch(Flows.match(of, Flows.oxms(of).inPort(OFPort.of(in)), Flows.oxms(of).ethSrc(MacAddress.of(in)),
                        Flows.oxms(of).ethDst(MacAddress.of(out))))
                .setActions(List.of(Flows.output(of, OFPort.of(out))))
                .build();
    }
}
