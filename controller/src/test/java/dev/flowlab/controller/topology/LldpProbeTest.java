package dev.flowlab.controller.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Lldp;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.testing.Frames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

class LldpProbeTest {
    private static final MacAddress PORT_MAC = MacAddress.of("02:00:00:00:01:03");
    private static final Duration MAX_AGE = Duration.ofSeconds(5);
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final LldpProbe probes = new LldpProbe(secret(1), MAX_AGE, clock::get);

    @Test
    void probeNamesItsSwitchAndPortAndParsesBack() {
        byte[] frame = probes.frame(DatapathId.of(0x1f), OFPort.of(3), PORT_MAC);
        Ethernet eth = Ethernet.of(frame);

        assertThat(eth.isLldp()).isTrue();
        assertThat(eth.etherType()).isEqualTo(EthType.LLDP);
        assertThat(eth.destination()).isEqualTo(MacAddress.of("01:80:c2:00:00:0e"));
        assertThat(eth.source()).isEqualTo(PORT_MAC);
        Lldp lldp = eth.lldp().orElseThrow();
        assertThat(lldp.chassisIdText()).isEqualTo("dpid:000000000000001f");
        assertThat(lldp.portIdText()).isEqualTo("3");
        assertThat(lldp.ttl()).isEqualTo(120);
        assertThat(probes.sender(eth)).contains(new SwitchPort(DatapathId.of(0x1f), OFPort.of(3)));
    }

    @Test
    void framesArePaddedToTheEthernetMinimum() {
        assertThat(probes.frame(DatapathId.of(1), OFPort.of(1), PORT_MAC)).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void fullWidthDatapathIdsAndLargePortNumbersRoundTrip() {
        DatapathId dpid = DatapathId.of(0xfedc_ba98_7654_3210L);
        OFPort port = OFPort.of(65000);
        assertThat(probes.sender(Ethernet.of(probes.frame(dpid, port, PORT_MAC))))
                .contains(new SwitchPort(dpid, port));
    }

    @Test
    void strangersLldpIsNotTakenForAProbe() {
        // What a host's lldpd sends: chassis id subtype 4 (MAC address), port id subtype 5 (interface name).
        Lldp fromHost = new Lldp(4, PORT_MAC.getBytes(), 5, "eth0".getBytes(StandardCharsets.US_ASCII), 120);
        Lldp lookalike = new Lldp(7, ascii("dpid:xyz0000000000001"), 7, ascii("1"), 120);
        Lldp badPort = new Lldp(7, ascii("dpid:0000000000000001"), 7, ascii("eth1"), 120);

        assertThat(LldpProbe.named(fromHost)).isEmpty();
        assertThat(LldpProbe.named(lookalike)).isEmpty();
        assertThat(LldpProbe.named(badPort)).isEmpty();
    }

    @Test
    void aFrameThatIsNotLldpHasNoSender() {
        byte[] arp = new byte[60];
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertThat(probes.sender(Ethernet.of(arp))).isEmpty();
    }

    @Test
    void anUnsignedFrameInOurFormatIsNoProbe() {
        // What anyone on a host can send: our chassis and port id format, but no signature.
        byte[] forged = Frames.lldp(0x0200_0000_0099L, "dpid:0000000000000001", "2");
        assertThat(Ethernet.of(forged).lldp().flatMap(LldpProbe::named)).isPresent();
        assertThat(probes.sender(Ethernet.of(forged))).isEmpty();
    }

    @Test
    void aProbeSignedWithAnotherSecretIsNoProbe() {
        LldpProbe otherController = new LldpProbe(secret(2), MAX_AGE, clock::get);
        byte[] theirs = otherController.frame(DatapathId.of(1), OFPort.of(2), PORT_MAC);
        assertThat(probes.sender(Ethernet.of(theirs))).isEmpty();
    }

    @Test
    void aProbeWhoseSignedPartWasChangedIsNoProbe() {
        byte[] genuine = probes.frame(DatapathId.of(1), OFPort.of(2), PORT_MAC);
        // The same signature moved onto another port: the port id TLV says "3" instead of "2".
        byte[] moved = genuine.clone();
        int at = indexOf(moved, ascii("2"), 30);
        moved[at] = '3';
        assertThat(probes.sender(Ethernet.of(moved))).isEmpty();
    }

    @Test
    void aProbeOlderThanTheMaximumAgeIsStale() {
        byte[] probe = probes.frame(DatapathId.of(1), OFPort.of(2), PORT_MAC);
        clock.addAndGet(MAX_AGE.toMillis());
        assertThat(probes.sender(Ethernet.of(probe))).isPresent();
        clock.addAndGet(1);
        assertThat(probes.sender(Ethernet.of(probe))).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static byte[] secret(int seed) {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) seed);
        return secret;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
