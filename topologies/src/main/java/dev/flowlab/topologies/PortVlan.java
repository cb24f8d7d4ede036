package dev.flowlab.topologies;

import java.util.List;
import java.util.Objects;

/**
 * How a switch port treats VLAN tags (Open vSwitch's {@code vlan_mode}, {@code tag}, {@code trunks}):
 * an access port belongs to one VLAN and carries its frames untagged; a trunk carries tagged frames of
 * the listed VLANs (all when the list is empty); a QinQ port ({@code dot1q-tunnel}) puts every frame,
 * tagged or not, into service VLAN {@code tag} by pushing an 802.1ad tag outside any 802.1Q one.
 *
 * @param mode  the port's role
 * @param tag   the access VLAN or the QinQ service VLAN; 0 for a trunk
 * @param vlans a trunk's VLANs or a QinQ port's allowed customer VLANs (empty: all)
 */
public record PortVlan(Mode mode, int tag, List<Integer> vlans) {
    /** The port roles flowlab offers, named as OVS names them. */
    public enum Mode {
        ACCESS("access"), TRUNK("trunk"), QINQ("dot1q-tunnel");

        private final String ovsName;

        Mode(String ovsName) {
            this.ovsName = ovsName;
        }

        /** The value of the OVS Port {@code vlan_mode} column. */
        public String ovsName() {
            return ovsName;
        }
    }

    public PortVlan {
        Objects.requireNonNull(mode, "mode");
        vlans = vlans == null ? List.of() : List.copyOf(vlans);
        if (mode == Mode.TRUNK) {
            if (tag != 0) {
                throw new TopologyException("a trunk port has no tag of its own; give only its trunks");
            }
        } else {
            HostVlan.checkId(mode == Mode.QINQ ? "QinQ service VLAN" : "access VLAN tag", tag);
        }
        if (mode == Mode.ACCESS && !vlans.isEmpty()) {
            throw new TopologyException("an access port carries only its tag's VLAN; use trunks for several");
        }
        vlans.forEach(v -> HostVlan.checkId("VLAN id", v));
    }

    /** An access port in VLAN {@code tag}: frames leave it untagged. */
    public static PortVlan access(int tag) {
        return new PortVlan(Mode.ACCESS, tag, List.of());
    }

    /** A trunk carrying these VLANs tagged; none given means every VLAN. */
    public static PortVlan trunk(Integer... vlans) {
        return new PortVlan(Mode.TRUNK, 0, List.of(vlans));
    }

    /** A QinQ customer-facing port: frames enter service VLAN {@code serviceVlan} (802.1ad outer tag). */
    public static PortVlan qinq(int serviceVlan, Integer... customerVlans) {
        return new PortVlan(Mode.QINQ, serviceVlan, List.of(customerVlans));
    }

    /** The OVS Port column settings, e.g. {@code [vlan_mode=access, tag=10]}. */
    public List<String> ovsSettings() {
        String list = "[" + String.join(",", vlans.stream().map(String::valueOf).toList()) + "]";
        return switch (mode) {
            case ACCESS -> List.of("vlan_mode=access", "tag=" + tag);
            case TRUNK -> List.of("vlan_mode=trunk", "trunks=" + list);
            case QINQ -> List.of("vlan_mode=dot1q-tunnel", "tag=" + tag, "cvlans=" + list);
        };
    }
}
