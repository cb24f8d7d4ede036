package dev.flowlab.controller.api;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a switch port treats VLANs, as the controller's VLAN stage enforces it (the roles Open vSwitch
 * gives a port in standalone mode, done here in OpenFlow because OVS applies them only in NORMAL).
 *
 * <ul>
 *   <li>{@link Kind#ACCESS}: one VLAN, {@code vid}; frames untagged on the wire.</li>
 *   <li>{@link Kind#TRUNK}: frames tagged with one of {@code allowed} (empty: every VLAN).</li>
 *   <li>{@link Kind#TUNNEL}: 802.1ad customer port: every frame, tagged or not, enters service VLAN
 *       {@code vid} under an outer 0x88a8 tag, which leaves again on the way out.</li>
 *   <li>{@link Kind#NONE}: no VLAN role; frames pass as they are (OVS's default port).</li>
 * </ul>
 *
 * @param kind    the role
 * @param vid     the access VLAN or the service VLAN; 0 otherwise
 * @param allowed a trunk's VLANs (empty: all); empty otherwise
 */
public record VlanRole(Kind kind, int vid, Set<Integer> allowed) {
    /** The port roles. */
    public enum Kind { ACCESS, TRUNK, TUNNEL, NONE }

    /** A port with no VLAN role. */
    public static final VlanRole NONE = new VlanRole(Kind.NONE, 0, Set.of());

    public VlanRole {
        Objects.requireNonNull(kind, "kind");
        allowed = Set.copyOf(new TreeSet<>(allowed));
        if ((kind == Kind.ACCESS || kind == Kind.TUNNEL)) {
            checkVid(vid);
        }
        allowed.forEach(VlanRole::checkVid);
    }

    /** An access port of VLAN {@code vid}. */
    public static VlanRole access(int vid) {
        return new VlanRole(Kind.ACCESS, vid, Set.of());
    }

    /** A trunk carrying these VLANs tagged (none given: every VLAN). */
    public static VlanRole trunk(Collection<Integer> allowed) {
        return new VlanRole(Kind.TRUNK, 0, Set.copyOf(allowed));
    }

    /** An 802.1ad customer port of service VLAN {@code serviceVid}. */
    public static VlanRole tunnel(int serviceVid) {
        return new VlanRole(Kind.TUNNEL, serviceVid, Set.of());
    }

    /** Whether a frame of VLAN {@code vlan} (as the apps' table sees it) may leave through this port. */
    public boolean carries(int vlan) {
        return switch (kind) {
            case ACCESS, TUNNEL -> vlan == vid;
            case TRUNK -> allowed.isEmpty() || allowed.contains(vlan);
            case NONE -> true;
        };
    }

    /** Whether such a frame leaves this port without the tag it has in the apps' table. */
    public boolean pops() {
        return kind == Kind.ACCESS || kind == Kind.TUNNEL;
    }

    private static void checkVid(int vid) {
        if (vid < 1 || vid > 4094) {
            throw new IllegalArgumentException("VLAN id " + vid + " is out of range; use 1-4094");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ACCESS -> "access " + vid;
            case TRUNK -> "trunk " + (allowed.isEmpty() ? "all" : new TreeSet<>(allowed).toString());
            case TUNNEL -> "802.1ad tunnel " + vid;
            case NONE -> "none";
        };
    }
}
