package dev.flowlab.dataplane;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IcmpEchoTest {
    @Test
    void anEchoRequestCarriesIdSequenceAndAValidChecksum() {
        byte[] p = IcmpEcho.echoRequest(0x1234, 7);
        assertThat(p).hasSize(64);
        assertThat(p[0]).isEqualTo((byte) 8);
        assertThat(IcmpEcho.checksum(p)).as("checksum over a packet with its checksum is 0").isZero();
    }

    @Test
    void onlyEchoRepliesWithOurIdAreMatched() {
        byte[] reply = new byte[20 + 64];
        reply[0] = 0x45;                                   // IPv4, 20-byte header
        System.arraycopy(IcmpEcho.echoRequest(0x1234, 7), 0, reply, 20, 64);
        reply[20] = 0;                                     // type 0: echo reply

        assertThat(IcmpEcho.matchingReply(reply, reply.length, 0x1234)).isEqualTo(7);
        assertThat(IcmpEcho.matchingReply(reply, reply.length, 0x4321)).isEqualTo(-1);
        reply[20] = 8;                                     // someone's echo request to us
        assertThat(IcmpEcho.matchingReply(reply, reply.length, 0x1234)).isEqualTo(-1);
    }
}
