package dev.flowlab.dataplane;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An OpenFlow version a bridge may speak (OVS {@code protocols}). A bridge offers the versions it was
 * built with; the controller picks one of them when it connects.
 */
public enum OpenFlowVersion {
    OPENFLOW10("OpenFlow10"),
    OPENFLOW13("OpenFlow13"),
    OPENFLOW14("OpenFlow14"),
    OPENFLOW15("OpenFlow15");

    /** What bridges speak unless told otherwise. */
    public static final List<OpenFlowVersion> DEFAULT = List.of(OPENFLOW13);

    private final String ovsName;

    OpenFlowVersion(String ovsName) {
        this.ovsName = ovsName;
    }

    /** The name OVS and ovs-ofctl use: {@code OpenFlow13}. */
    public String ovsName() {
        return ovsName;
    }

    /** {@code OpenFlow13} (any case) or {@code 13} or {@code 1.3}; an unknown name is a one-line error listing the known ones. */
    public static OpenFlowVersion parse(String text) {
        String digits = text.strip().toLowerCase(Locale.ROOT).replaceFirst("^openflow", "").replace(".", "");
        return Arrays.stream(values()).filter(v -> v.ovsName.substring(8).equals(digits)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown OpenFlow version '" + text + "': use "
                        + names(List.of(values()))));
    }

    /** Comma-separated OVS names: {@code OpenFlow10,OpenFlow13}. */
    public static String names(List<OpenFlowVersion> versions) {
        return versions.stream().map(OpenFlowVersion::ovsName).collect(Collectors.joining(","));
    }
}
