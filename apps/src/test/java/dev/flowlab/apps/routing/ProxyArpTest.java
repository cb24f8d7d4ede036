package dev.flowlab.apps.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.fake.Frames;
import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.ArpOpcode;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

class ProxyArpTest {
    private static final MacAddress H1 = MacAddress.of("00:00:00:00:00:01");
    private static final MacAddress H2 = MacAddress.of("00:00:00:00:00:02");
    private static final IPv4Address IP1 = IPv4Address.of("10.0.0.1");
    private static final IPv4Address IP2 = IPv4Address.of("10.0.0.2");

    @Test
    void theReplyTellsTheAskerTheTargetsMac() {
        Arp request = Ethernet.of(Frames.arpRequest(H1, IP1, IP2)).arp().orElseThrow();
        Ethernet reply = Ethernet.of(ProxyArp.reply(request, H2));

        assertThat(reply.destination()).isEqualTo(H1);
        assertThat(reply.source()).isEqualTo(H2);
        assertThat(reply.arp()).contains(new Arp(ArpOpcode.REPLY, H2, IP2, H1, IP1));
        assertThat(reply.bytes()).hasSize(60);
    }

    @Test
    void onlyRealQuestionsAreAnswered() {
        assertThat(ProxyArp.isQuestion(arp(Frames.arpRequest(H1, IP1, IP2)))).isTrue();
        assertThat(ProxyArp.isQuestion(arp(Frames.arpRequest(H1, IP1, IP1)))).as("gratuitous").isFalse();
        assertThat(ProxyArp.isQuestion(arp(Frames.arpRequest(H1, IPv4Address.NONE, IP2)))).as("probe").isFalse();
        assertThat(ProxyArp.isQuestion(arp(Frames.arpReply(H2, IP2, H1, IP1)))).as("reply").isFalse();
    }

    @Test
    void recentFramesLetTheFirstCopyThroughPerSwitchAndWindow() {
        RecentFrames recent = new RecentFrames(Duration.ofMillis(500));
        byte[] frame = Frames.arpRequest(H1, IP1, IP2);
        long t = 1_000_000_000L;
        assertThat(recent.firstTime(DatapathId.of(1), frame, t)).isTrue();
        assertThat(recent.firstTime(DatapathId.of(2), frame, t)).as("another switch").isTrue();
        assertThat(recent.firstTime(DatapathId.of(1), frame, t + 1_000_000)).as("looped copy").isFalse();
        assertThat(recent.firstTime(DatapathId.of(1), Frames.arpRequest(H1, IP1, IPv4Address.of("10.0.0.3")), t))
                .as("another frame").isTrue();
        assertThat(recent.firstTime(DatapathId.of(2), frame, t + Duration.ofSeconds(1).toNanos())).as("a retry").isTrue();
    }

    private static Arp arp(byte[] frame) {
        return Ethernet.of(frame).arp().orElseThrow();
    }
}
