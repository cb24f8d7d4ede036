package dev.flowlab.controller.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.OFVersion;

/** The OpenFlow versions this controller speaks, and their names as people write them. */
public final class OpenFlowVersions {
    /** The versions the controller negotiates, lowest first (1.1 and 1.2: no switch in use speaks only those). */
    public static final Set<OFVersion> SPOKEN = Collections.unmodifiableSet(
            EnumSet.of(OFVersion.OF_10, OFVersion.OF_13, OFVersion.OF_14, OFVersion.OF_15));

    private OpenFlowVersions() {
    }

    /** OF_13 -> "OpenFlow 1.3". */
    public static String name(OFVersion version) {
        String digits = version.name().substring(3);
        return "OpenFlow " + digits.charAt(0) + "." + digits.substring(1);
    }
}
