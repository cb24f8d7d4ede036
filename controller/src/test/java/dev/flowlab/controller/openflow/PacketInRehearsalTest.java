package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.LoadedApp;
import dev.flowlab.controller.core.SwitchRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;

/** The rehearsal drives the real packet-in path of the dispatcher it is given, and leaves its registry as it found it. */
class PacketInRehearsalTest {

    /** Counts what it sees by kind ("arp 1 port 1", "icmp 8 port 1"...) and answers like a hub. */
    static final class Counting implements App {
        final Map<String, LongAdder> seen = new ConcurrentHashMap<>();
        final List<String> switchEvents = new CopyOnWriteArrayList<>();

        @Override
        public void onSwitchUp(Switch sw) {
            switchEvents.add("up " + sw.ports().size() + " ports");
        }

        @Override
        public void onSwitchDown(DatapathId dpid) {
            switchEvents.add("down");
        }

        @Override
        public Verdict onPacketIn(PacketIn in) {
            Ethernet eth = in.ethernet();
            String kind = eth.arp().map(a -> "arp " + a.opcode().getOpcode())
                    .or(() -> eth.icmp().map(i -> "icmp " + i.type()))
                    .orElse("other " + eth.etherType());
            seen.computeIfAbsent(kind + " port " + in.inPort().getPortNumber(), k -> new LongAdder()).increment();
            in.flood();
            return Verdict.HANDLED;
        }
    }

    @Test
    void everyPacketInReachesTheAppsParsedAndTheSwitchGoesDownAfterwards() {
        Counting app = new Counting();
        EventDispatcher dispatcher = new EventDispatcher(List.of(new LoadedApp("counting", app)));
        SwitchRegistry registry = new SwitchRegistry(dispatcher);
        PacketInRehearsal rehearsal = new PacketInRehearsal(ControllerConfig.builder().build(), dispatcher, registry);
        assertThat(registry.switches()).hasSize(1);

        long delivered = rehearsal.run(1_000, () -> false);
        rehearsal.close();

        // Passes of 64 host pairs' first pings: ARP request from port 1, reply from 2, echo from 1, echo reply from 2.
        assertThat(delivered).isEqualTo(4 * 256);
        assertThat(app.seen).containsOnlyKeys("arp 1 port 1", "arp 2 port 2", "icmp 8 port 1", "icmp 0 port 2");
        assertThat(app.seen.values()).allSatisfy(n -> assertThat(n.sum()).isEqualTo(256));
        assertThat(app.switchEvents).containsExactly("up 4 ports", "down");
        assertThat(registry.switches()).isEmpty();
    }

    @Test
    void stopsBetweenPassesWhenAsked() {
        Counting app = new Counting();
        EventDispatcher dispatcher = new EventDispatcher(List.of(new LoadedApp("counting", app)));
        PacketInRehearsal rehearsal = new PacketInRehearsal(ControllerConfig.builder().build(), dispatcher,
                new SwitchRegistry(dispatcher));
        try {
            assertThat(rehearsal.run(1_000_000, () -> true)).isZero();
        } finally {
            rehearsal.close();
        }
    }
}
