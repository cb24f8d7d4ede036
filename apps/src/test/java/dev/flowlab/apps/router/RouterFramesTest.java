package dev.flowlab.apps.router;

import static dev.flowlab.apps.router.Packets.ROUTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Ipv4;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/** The frames the router builds, read back through the controller's own parser. */
class RouterFramesTest {
    private static final MacAddress H1 = MacAddress.of(1);

    @Test
    void echoReplyComesFromThePingedGatewayWithValidChecksums() {
        byte[] request = Packets.ping(H1, ROUTER, "10.0.1.10", "10.0.2.1", 63);
        byte[] reply = RouterFrames.echoReply(request, ROUTER);

        Ethernet eth = Ethernet.of(reply);
        assertThat(eth.destination()).isEqualTo(H1);
        assertThat(eth.source()).isEqualTo(ROUTER);
        Ipv4 ip = eth.ipv4().orElseThrow();
        assertThat(ip.source()).isEqualTo(IPv4Address.of("10.0.2.1"));
        assertThat(ip.destination()).isEqualTo(IPv4Address.of("10.0.1.10"));
        assertThat(ip.ttl()).isEqualTo(64);
        assertThat(eth.icmp().orElseThrow().type()).isZero();
        assertThat(Packets.checksum(reply, 14, 20)).isZero();
        assertThat(Packets.checksum(reply, 34, 16)).isZero();
        assertThat(Arrays.copyOfRange(reply, 38, 50)).isEqualTo(Arrays.copyOfRange(request, 38, 50));   // id, seq, data
        assertThat(reply).hasSize(60);
    }

    @Test
    void onlyEchoRequestsGetAReply() {
        byte[] notEcho = Packets.ping(H1, ROUTER, "10.0.1.10", "10.0.2.1", 63);
        notEcho[34] = 13;   // timestamp request
        assertThat(RouterFrames.echoReply(notEcho, ROUTER)).isNull();
        assertThat(RouterFrames.echoReply(Packets.whoHas(H1, "10.0.1.10", "10.0.1.1"), ROUTER)).isNull();
    }

    @Test
    void arpFramesSayWhoIsWhere() {
        Arp reply = Ethernet.of(RouterFrames.arpReply(ROUTER, IPv4Address.of("10.0.1.1"), H1, IPv4Address.of("10.0.1.10")))
                .arp().orElseThrow();
        assertThat(reply).isEqualTo(new Arp(ArpOpcode.REPLY, ROUTER, IPv4Address.of("10.0.1.1"), H1, IPv4Address.of("10.0.1.10")));
        Ethernet request = Ethernet.of(RouterFrames.arpRequest(ROUTER, IPv4Address.of("10.0.2.1"), IPv4Address.of("10.0.2.20")));
        assertThat(request.destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(request.arp().orElseThrow().targetIp()).isEqualTo(IPv4Address.of("10.0.2.20"));
        assertThat(request.arp().orElseThrow().senderIp()).isEqualTo(IPv4Address.of("10.0.2.1"));
    }
}
