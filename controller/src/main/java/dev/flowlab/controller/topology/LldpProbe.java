package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Lldp;
import dev.flowlab.controller.api.SwitchPort;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The LLDP frame the controller sends out of a switch port to find what is on the other side. The
 * chassis id names the switch ({@code dpid:0000000000000001}) and the port id the port number
 * ({@code 3}), both as locally assigned text, so {@code tcpdump -v} shows them readably.
 */
final class LldpProbe {
    /** The nearest-bridge group address: 802.1D bridges never forward it. */
    static final MacAddress LLDP_MULTICAST = MacAddress.of("01:80:c2:00:00:0e");
    static final int ETH_TYPE_LLDP = 0x88cc;
    private static final int LOCALLY_ASSIGNED = 7;
    private static final String CHASSIS_PREFIX = "dpid:";
    private static final int TTL_SECONDS = 120;
    private static final int MIN_FRAME = 60;

    private LldpProbe() {
    }

    /** The frame announcing {@code port} of {@code dpid}, sent from {@code source} (the port's own MAC). */
    static byte[] frame(DatapathId dpid, OFPort port, MacAddress source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MIN_FRAME);
        out.writeBytes(LLDP_MULTICAST.getBytes());
        out.writeBytes(source.getBytes());
        out.write(ETH_TYPE_LLDP >>> 8);
        out.write(ETH_TYPE_LLDP & 0xff);
        tlv(out, 1, LOCALLY_ASSIGNED, text(CHASSIS_PREFIX + String.format("%016x", dpid.getLong())));
        tlv(out, 2, LOCALLY_ASSIGNED, text(Integer.toString(port.getPortNumber())));
        tlv(out, 3, -1, new byte[] {(byte) (TTL_SECONDS >>> 8), (byte) TTL_SECONDS});
        tlv(out, 0, -1, new byte[0]);
        while (out.size() < MIN_FRAME) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** The switch port that sent {@code frame}, if it is one of our probes. */
    static Optional<SwitchPort> sender(Ethernet frame) {
        return frame.lldp().flatMap(LldpProbe::sender);
    }

    static Optional<SwitchPort> sender(Lldp lldp) {
        String chassis = lldp.chassisIdText();
        if (lldp.chassisIdSubtype() != LOCALLY_ASSIGNED || lldp.portIdSubtype() != LOCALLY_ASSIGNED
                || !chassis.startsWith(CHASSIS_PREFIX) || chassis.length() != CHASSIS_PREFIX.length() + 16) {
            return Optional.empty();
        }
        try {
            long dpid = Long.parseUnsignedLong(chassis.substring(CHASSIS_PREFIX.length()), 16);
            int port = Integer.parseInt(lldp.portIdText());
            return port > 0 ? Optional.of(new SwitchPort(DatapathId.of(dpid), OFPort.of(port))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();   // someone else's LLDP that happens to look similar
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** One TLV: 7-bit type, 9-bit length, then an optional subtype byte and the value. */
    private static void tlv(ByteArrayOutputStream out, int type, int subtype, byte[] value) {
        int length = value.length + (subtype >= 0 ? 1 : 0);
        out.write(type << 1 | length >>> 8);
        out.write(length & 0xff);
        if (subtype >= 0) {
            out.write(subtype);
        }
        out.writeBytes(value);
    }
}
