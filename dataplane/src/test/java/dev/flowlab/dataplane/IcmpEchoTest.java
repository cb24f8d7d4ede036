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

    @Test
    void aDestinationUnreachableIsTracedToTheRequestItQuotes() {
        byte[] request = IcmpEcho.echoRequest(0x1234, 5);
        byte[] msg = new byte[20 + 8 + 20 + 8];
        msg[0] = 0x45;
        msg[20] = 3;                                       // destination unreachable
        msg[21] = 1;                                       // host unreachable
        msg[28] = 0x45;                                    // the quoted request's IP header
        msg[28 + 9] = 1;                                   // protocol ICMP
        System.arraycopy(request, 0, msg, 48, 8);          // and its first 8 bytes: type, code, checksum, id, seq

        assertThat(IcmpEcho.unreachableRequest(msg, msg.length, 0x1234)).isEqualTo(5);
        assertThat(IcmpEcho.unreachableRequest(msg, msg.length, 0x9999)).isEqualTo(-1);
        assertThat(IcmpEcho.unreachable(msg[21])).isEqualTo("host unreachable");
        assertThat(IcmpEcho.unreachable(0)).isEqualTo("network unreachable");
        assertThat(IcmpEcho.unreachable(13)).isEqualTo("administratively prohibited");
    }
}
