package dev.flowlab.apps.fake;

import java.util.Arrays;
import org.projectfloodlight.openflow.protocol.oxm.OFOxm;
import org.projectfloodlight.openflow.protocol.oxm.OFOxmEthDst;
import org.projectfloodlight.openflow.protocol.oxm.OFOxmEthSrc;
import org.projectfloodlight.openflow.protocol.oxm.OFOxmIpv4Dst;
import org.projectfloodlight.openflow.protocol.oxm.OFOxmIpv4Src;

/**
 * The set-field rewrites the fake network models on untagged frames: Ethernet and IPv4 addresses
 * (checksums are not recomputed: nothing in the fake checks them). Other fields leave the frame as it is.
 */
final class Rewrites {
    private static final int IPV4 = 14;

    private Rewrites() {
    }

    static byte[] apply(byte[] frame, OFOxm<?> field) {
        byte[] b = Arrays.copyOf(frame, frame.length);
        if (field instanceof OFOxmEthDst f) {
            System.arraycopy(f.getValue().getBytes(), 0, b, 0, 6);
        } else if (field instanceof OFOxmEthSrc f) {
            System.arraycopy(f.getValue().getBytes(), 0, b, 6, 6);
        } else if (field instanceof OFOxmIpv4Src f) {
            System.arraycopy(f.getValue().getBytes(), 0, b, IPV4 + 12, 4);
        } else if (field instanceof OFOxmIpv4Dst f) {
            System.arraycopy(f.getValue().getBytes(), 0, b, IPV4 + 16, 4);
        }
        return b;
    }
}
