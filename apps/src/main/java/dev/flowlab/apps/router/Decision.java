package dev.flowlab.apps.router;

import dev.flowlab.apps.router.Neighbours.Neighbour;
import dev.flowlab.apps.router.RoutingTable.NextHop;
import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Ipv4;
import java.util.Optional;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.MacAddress;

/** What the router does with one frame, decided from its tables alone (pure, so tests need no switch). */
sealed interface Decision {

    /** Not the router's business: the next app (the switching part) handles it. */
    record NotForRouter() implements Decision {
    }

    /** An ARP request for a gateway address: answer it. */
    record AnswerArp(Subnet gateway, Arp request) implements Decision {
    }

    /** An ICMP echo request to a gateway address: answer it. */
    record AnswerEcho() implements Decision {
    }

    /** An ARP reply to the router: nothing to send (what it teaches was learnt already). */
    record Learnt() implements Decision {
    }

    /** Addressed to the router but not deliverable: drop it. */
    record Drop(String reason) implements Decision {
    }

    /** Route it: the next hop's MAC and port are known. */
    record Forward(Neighbour next) implements Decision {
    }

    /** Route it once the next hop answers ARP. */
    record Resolve(NextHop hop) implements Decision {
    }

    static Decision of(Ethernet frame, MacAddress routerMac, RoutingTable table, Neighbours neighbours) {
        Optional<Arp> arp = frame.arp();
        if (arp.isPresent()) {
            return arp(arp.get(), frame, routerMac, table);
        }
        if (!frame.destination().equals(routerMac)) {
            return new NotForRouter();
        }
        Optional<Ipv4> ip = frame.ipv4();
        if (ip.isEmpty()) {
            return new Drop("not IPv4");
        }
        if (table.gateway(ip.get().destination()).isPresent()) {
            boolean echo = frame.icmp().map(i -> i.type() == 8).orElse(false);
            return echo ? new AnswerEcho() : new Drop("to the gateway itself, not an echo request");
        }
        if (ip.get().ttl() <= 1) {
            return new Drop("TTL expired");
        }
        Optional<NextHop> hop = table.lookup(ip.get().destination());
        if (hop.isEmpty()) {
            return new Drop("no route to " + ip.get().destination());
        }
        return neighbours.get(hop.get().ip()).<Decision>map(Forward::new).orElseGet(() -> new Resolve(hop.get()));
    }

    private static Decision arp(Arp arp, Ethernet frame, MacAddress routerMac, RoutingTable table) {
        if (arp.opcode().equals(ArpOpcode.REQUEST)) {
            return table.gateway(arp.targetIp()).<Decision>map(gw -> new AnswerArp(gw, arp)).orElseGet(NotForRouter::new);
        }
        boolean toUs = frame.destination().equals(routerMac) || table.gateway(arp.targetIp()).isPresent();
        return toUs ? new Learnt() : new NotForRouter();
    }
}
