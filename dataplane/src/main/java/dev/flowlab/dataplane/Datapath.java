package dev.flowlab.dataplane;

/** Which Open vSwitch datapath the bridges use. */
public enum Datapath {
    /** The kernel datapath where the {@code openvswitch} module exists, otherwise the userspace one. */
    AUTO(null),
    /** The kernel datapath ({@code datapath_type=system}); needs the openvswitch kernel module. */
    SYSTEM("system"),
    /** The userspace datapath ({@code datapath_type=netdev}); works everywhere, slower. */
    NETDEV("netdev");

    private final String ovsName;

    Datapath(String ovsName) {
        this.ovsName = ovsName;
    }

    /** The value of OVS's {@code datapath_type} column; null for {@link #AUTO}. */
    public String ovsName() {
        return ovsName;
    }
}
