package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Lldp;
import dev.flowlab.controller.api.SwitchPort;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The LLDP frame the controller sends out of a switch port to find what is on the other side. The
 * chassis id names the switch ({@code dpid:0000000000000001}) and the port id the port number
 * ({@code 3}), both as locally assigned text, so {@code tcpdump -v} shows them readably.
 *
 * <p>Anyone on a host can send an LLDP frame that says the same. So each probe also carries, in an
 * organizationally specific TLV, the time it was made and an HMAC-SHA256 over switch, port and
 * time under a secret that only this controller knows (random per controller, as ONOS signs its
 * probes). A frame without it, with a wrong one, or older than {@code maxAge} is nobody's probe.
 */
final class LldpProbe {
    /** The nearest-bridge group address: 802.1D bridges never forward it. */
    static final MacAddress LLDP_MULTICAST = MacAddress.of("01:80:c2:00:00:0e");
    static final int ETH_TYPE_LLDP = 0x88cc;
    private static final int LOCALLY_ASSIGNED = 7;
    private static final String CHASSIS_PREFIX = "dpid:";
    private static final int TTL_SECONDS = 120;
    private static final int MIN_FRAME = 60;
    private static final int ORG_SPECIFIC = 127;
    /** A locally administered, unregistered OUI ("f1" for flowlab) and our subtype. */
    private static final byte[] OUI = {0x02, (byte) 0xf1, 0x0b};
    private static final int SUBTYPE_SIGNED_TIME = 1;
    private static final int MAC_BYTES = 16;   // HMAC-SHA256 truncated, as RFC 2104 allows (128 bits)
    private static final int SIGNATURE_TLV = OUI.length + 1 + Long.BYTES + MAC_BYTES;
    private static final String HMAC = "HmacSHA256";
    /** A probe's timestamp may be this far ahead of our clock (it is our clock: only for safety). */
    private static final long FUTURE_SLACK_MILLIS = 1000;

    private final SecretKeySpec key;
    private final long maxAgeMillis;
    private final LongSupplier clockMillis;
    private final ThreadLocal<Mac> macs;

    /** Signs with {@code secret}; accepts probes up to {@code maxAge} old by {@code clockMillis}. */
    LldpProbe(byte[] secret, Duration maxAge, LongSupplier clockMillis) {
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.maxAgeMillis = maxAge.toMillis();
        this.clockMillis = clockMillis;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no " + HMAC + ": " + e.getMessage(), e);
            }
        });
    }

    /** With a fresh random secret and the monotonic clock: what a controller uses. */
    static LldpProbe withRandomSecret(Duration maxAge) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new LldpProbe(secret, maxAge, () -> System.nanoTime() / 1_000_000);
    }

    /** The frame announcing {@code port} of {@code dpid}, sent from {@code source} (the port's own MAC). */
    byte[] frame(DatapathId dpid, OFPort port, MacAddress source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MIN_FRAME + SIGNATURE_TLV);
        out.writeBytes(LLDP_MULTICAST.getBytes());
        out.writeBytes(source.getBytes());
        out.write(ETH_TYPE_LLDP >>> 8);
        out.write(ETH_TYPE_LLDP & 0xff);
        tlv(out, 1, LOCALLY_ASSIGNED, text(CHASSIS_PREFIX + String.format("%016x", dpid.getLong())));
        tlv(out, 2, LOCALLY_ASSIGNED, text(Integer.toString(port.getPortNumber())));
        tlv(out, 3, -1, new byte[] {(byte) (TTL_SECONDS >>> 8), (byte) TTL_SECONDS});
        long now = clockMillis.getAsLong();
        ByteBuffer signed = ByteBuffer.allocate(SIGNATURE_TLV).put(OUI).put((byte) SUBTYPE_SIGNED_TIME).putLong(now)
                .put(sign(dpid, port, now));
        tlv(out, ORG_SPECIFIC, -1, signed.array());
        tlv(out, 0, -1, new byte[0]);
        while (out.size() < MIN_FRAME) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** The switch port that sent {@code frame}, if it is one of our probes: named, signed by us and fresh. */
    Optional<SwitchPort> sender(Ethernet frame) {
        Optional<SwitchPort> named = frame.lldp().flatMap(LldpProbe::named);
        if (named.isEmpty()) {
            return named;
        }
        ByteBuffer signature = signatureTlv(frame);
        if (signature == null) {
            return Optional.empty();
        }
        long made = signature.getLong();
        byte[] mac = new byte[MAC_BYTES];
        signature.get(mac);
        long age = clockMillis.getAsLong() - made;
        SwitchPort from = named.get();
        boolean genuine = MessageDigest.isEqual(mac, sign(from.dpid(), from.port(), made));
        return genuine && age <= maxAgeMillis && age >= -FUTURE_SLACK_MILLIS ? named : Optional.empty();
    }

    /** The switch port the mandatory TLVs name, if they are in our format (signed or not). */
    static Optional<SwitchPort> named(Lldp lldp) {
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

    /** Our organizationally specific TLV's value after OUI and subtype (time, then MAC), or null. */
    private static ByteBuffer signatureTlv(Ethernet frame) {
        byte[] b = frame.bytes();
        int at = 14 + (frame.vlan().isPresent() ? 4 : 0);
        while (at + 2 <= b.length) {
            int header = (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
            int type = header >>> 9;
            int length = header & 0x1ff;
            int value = at + 2;
            if (type == 0 || value + length > b.length) {
                return null;
            }
            if (type == ORG_SPECIFIC && length == SIGNATURE_TLV
                    && Arrays.equals(b, value, value + OUI.length, OUI, 0, OUI.length)
                    && b[value + OUI.length] == SUBTYPE_SIGNED_TIME) {
                return ByteBuffer.wrap(b, value + OUI.length + 1, Long.BYTES + MAC_BYTES);
            }
            at = value + length;
        }
        return null;
    }

    private byte[] sign(DatapathId dpid, OFPort port, long millis) {
        Mac mac = macs.get();
        mac.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES + Long.BYTES)
                .putLong(dpid.getLong()).putInt(port.getPortNumber()).putLong(millis).flip());
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
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
