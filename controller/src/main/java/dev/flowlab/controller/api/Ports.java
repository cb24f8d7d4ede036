package dev.flowlab.controller.api;

import org.projectfloodlight.openflow.protocol.OFPortConfig;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortDescPropEthernet;
import org.projectfloodlight.openflow.protocol.OFPortFeatures;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFPortStatus;

/** Reading port state the way apps need it. */
public final class Ports {
    private Ports() {
    }

    /** Whether the port can carry traffic: link up and not administratively down. */
    public static boolean isUp(OFPortDesc port) {
        return !port.getState().contains(OFPortState.LINK_DOWN)
                && !port.getConfig().contains(OFPortConfig.PORT_DOWN);
    }

    /** Whether a port status message means the port can no longer carry traffic (down or deleted). */
    public static boolean wentDown(OFPortStatus status) {
        return status.getReason() == OFPortReason.DELETE || !isUp(status.getDesc());
    }

    /**
     * The port's current bit rate in kbit/s, 0 when the switch does not say: a field in OpenFlow 1.3, the
     * Ethernet property from 1.4 on, and in 1.0 only the fastest "current features" flag.
     */
    public static long currentSpeedKbps(OFPortDesc port) {
        return switch (port.getVersion()) {
            case OF_10 -> speedOfFlags(port.getCurr());
            case OF_11, OF_12, OF_13 -> port.getCurrSpeed();
            default -> port.getProperties().stream().filter(OFPortDescPropEthernet.class::isInstance)
                    .mapToLong(p -> ((OFPortDescPropEthernet) p).getCurrSpeed()).findFirst().orElse(0);
        };
    }

    private static long speedOfFlags(Set<OFPortFeatures> current) {
        long kbps = 0;
        for (OFPortFeatures f : current) {
            kbps = Math.max(kbps, switch (f) {
                case PF_10MB_HD, PF_10MB_FD -> 10_000L;
                case PF_100MB_HD, PF_100MB_FD -> 100_000L;
                case PF_1GB_HD, PF_1GB_FD -> 1_000_000L;
                case PF_10GB_FD -> 10_000_000L;
                default -> 0L;
            });
        }
        return kbps;
    }
}
