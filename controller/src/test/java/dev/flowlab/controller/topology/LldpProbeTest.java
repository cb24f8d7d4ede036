package dev.flowlab.controller.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Lldp;
import dev.flowlab.controller.api.SwitchPort;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

class LldpProbeTest {
    private static final MacAddress PORT_MAC = MacAddress.of("02:00:00:00:01:03");

    @Test
    void probeNamesItsSwitchAndPortAndParsesBack() {
        byte[] frame = LldpProbe.frame(DatapathId.of(0x1f), OFPort.of(3), PORT_MAC);
        Ethernet eth = Ethernet.of(frame);

        assertThat(eth.isLldp()).isTrue();
        assertThat(eth.etherType()).isEqualTo(EthType.LLDP);
        assertThat(eth.destination()).isEqualTo(MacAddress.of("01:80:c2:00:00:0e"));
        assertThat(eth.source()).isEqualTo(PORT_MAC);
        Lldp lldp = eth.lldp().orElseThrow();
        assertThat(lldp.chassisIdText()).isEqualTo("dpid:000000000000001f");
        assertThat(lldp.portIdText()).isEqualTo("3");
        assertThat(lldp.ttl()).isEqualTo(120);
        assertThat(LldpProbe.sender(eth)).contains(new SwitchPort(DatapathId.of(0x1f), OFPort.of(3)));
    }

    @Test
    void framesArePaddedToTheEthernetMinimum() {
        assertThat(LldpProbe.frame(DatapathId.of(1), OFPort.of(1), PORT_MAC)).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void fullWidthDatapathIdsAndLargePortNumbersRoundTrip() {
        DatapathId dpid = DatapathId.of(0xfedc_ba98_7654_3210L);
        OFPort port = OFPort.of(65000);
        assertThat(LldpProbe.sender(Ethernet.of(LldpProbe.frame(dpid, port, PORT_MAC))))
                .contains(new SwitchPort(dpid, port));
    }

    @Test
    void strangersLldpIsNotTakenForAProbe() {
        // What a host's lldpd sends: chassis id subtype 4 (MAC address), port id subtype 5 (interface name).
        Lldp fromHost = new Lldp(4, PORT_MAC.getBytes(), 5, "eth0".getBytes(StandardCharsets.US_ASCII), 120);
        Lldp lookalike = new Lldp(7, ascii("dpid:xyz0000000000001"), 7, ascii("1"), 120);
        Lldp badPort = new Lldp(7, ascii("dpid:0000000000000001"), 7, ascii("eth1"), 120);

        assertThat(LldpProbe.sender(fromHost)).isEmpty();
        assertThat(LldpProbe.sender(lookalike)).isEmpty();
        assertThat(LldpProbe.sender(badPort)).isEmpty();
    }

    @Test
    void aFrameThatIsNotLldpHasNoSender() {
        byte[] arp = new byte[60];
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertThat(LldpProbe.sender(Ethernet.of(arp))).isEmpty();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
