package dev.flowlab.controller.api;

import static dev.flowlab.controller.api.FrameBytes.u16;
import static dev.flowlab.controller.api.FrameBytes.u8;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The mandatory TLVs of an LLDP frame (chassis id, port id, time to live).
 *
 * @param chassisIdSubtype for example 4 (MAC address) or 7 (locally assigned)
 * @param chassisId        the chassis id value, without its subtype byte
 * @param portIdSubtype    for example 2 (port component) or 7 (locally assigned)
 * @param portId           the port id value, without its subtype byte
 * @param ttl              seconds the information stays valid
 */
public record Lldp(int chassisIdSubtype, byte[] chassisId, int portIdSubtype, byte[] portId, int ttl) {
    private static final int END = 0;
    private static final int CHASSIS_ID = 1;
    private static final int PORT_ID = 2;
    private static final int TTL = 3;

    /** The LLDP data unit at {@code at}, or null when a mandatory TLV is missing or truncated. */
    static Lldp parse(byte[] b, int at) {
        int chassisSubtype = -1;
        int portSubtype = -1;
        int ttl = -1;
        byte[] chassis = null;
        byte[] port = null;
        while (at + 2 <= b.length) {
            int header = u16(b, at);
            int type = header >>> 9;
            int length = header & 0x1ff;
            int value = at + 2;
            if (type == END || value + length > b.length) {
                break;
            }
            if (type == CHASSIS_ID && length >= 1) {
                chassisSubtype = u8(b, value);
                chassis = Arrays.copyOfRange(b, value + 1, value + length);
            } else if (type == PORT_ID && length >= 1) {
                portSubtype = u8(b, value);
                port = Arrays.copyOfRange(b, value + 1, value + length);
            } else if (type == TTL && length >= 2) {
                ttl = u16(b, value);
            }
            at = value + length;
        }
        return chassis == null || port == null || ttl < 0 ? null : new Lldp(chassisSubtype, chassis, portSubtype, port, ttl);
    }

    /** The chassis id as text (subtype 7, locally assigned, is usually text such as {@code dpid:0000000000000001}). */
    public String chassisIdText() {
        return new String(chassisId, StandardCharsets.US_ASCII);
    }

    /** The port id as text. */
    public String portIdText() {
        return new String(portId, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lldp other && chassisIdSubtype == other.chassisIdSubtype && portIdSubtype == other.portIdSubtype
                && ttl == other.ttl && Arrays.equals(chassisId, other.chassisId) && Arrays.equals(portId, other.portId);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(chassisId) + Arrays.hashCode(portId)) + ttl;
    }

    @Override
    public String toString() {
        return "Lldp[chassis=" + chassisIdSubtype + ":" + chassisIdText() + " port=" + portIdSubtype + ":" + portIdText()
                + " ttl=" + ttl + "]";
    }
}
