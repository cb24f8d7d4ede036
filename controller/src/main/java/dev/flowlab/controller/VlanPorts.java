package dev.flowlab.controller;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flowlab.controller.api.VlanRole;
import dev.flowlab.controller.core.AppConfigFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The VLAN role of each switch port the controller must enforce, by port name (interface names are
 * unique on a host, so a name picks one port of one bridge). Empty: no VLAN stage, the single-table
 * pipeline of a plain controller.
 *
 * <p>{@code flowlab run} derives it from the topology; for any other network it is read from a file
 * with the keys a topology link's {@code vlan:} takes ({@code --app-config vlans=FILE}):
 * <pre>
 * ports:
 *   s1-eth1: {tag: 10}            # access port of VLAN 10
 *   s1-eth3: {trunks: [10, 20]}   # trunk ([] = every VLAN)
 *   p1-eth1: {qinq: 100}          # 802.1ad customer port of service VLAN 100
 * </pre>
 *
 * @param ports role by port name
 */
public record VlanPorts(Map<String, VlanRole> ports) {
    /** The key of the VLAN stage's file among {@code --app-config} values. */
    public static final String CONFIG_ID = "vlans";
    /** No VLAN roles. */
    public static final VlanPorts NONE = new VlanPorts(Map.of());

    public VlanPorts {
        ports = Map.copyOf(ports);
    }

    /** The role of a port by name; {@link VlanRole#NONE} when none is given. */
    public VlanRole role(String portName) {
        return ports.getOrDefault(portName, VlanRole.NONE);
    }

    /** Whether any port has a role. */
    public boolean any() {
        return !ports.isEmpty();
    }

    /** Whether some port is an 802.1ad tunnel port. */
    public boolean hasTunnels() {
        return ports.values().stream().anyMatch(r -> r.kind() == VlanRole.Kind.TUNNEL);
    }

    /**
     * Reads a VLAN file (see the class comment).
     *
     * @throws IllegalArgumentException one line naming the file, the line and the problem
     */
    public static VlanPorts read(Path file) {
        File parsed = AppConfigFile.read(CONFIG_ID, file, File.class);
        Map<String, VlanRole> roles = new TreeMap<>();
        parsed.ports().forEach((name, keys) -> {
            try {
                roles.put(name, keys.role());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("VLAN file " + file + ", port " + name + ": " + e.getMessage());
            }
        });
        return new VlanPorts(roles);
    }

    /** The file's shape. */
    record File(Map<String, Keys> ports) {
        @JsonCreator
        File(@JsonProperty(value = "ports", required = true) Map<String, Keys> ports) {
            this.ports = ports == null ? Map.of() : ports;
        }
    }

    /** One port's keys, as a topology link's {@code vlan:} spells them. */
    record Keys(Integer tag, List<Integer> trunks, Integer qinq) {
        VlanRole role() {
            int given = (tag == null ? 0 : 1) + (trunks == null ? 0 : 1) + (qinq == null ? 0 : 1);
            if (given != 1) {
                throw new IllegalArgumentException("give exactly one of tag (access), trunks or qinq");
            }
            if (tag != null) {
                return VlanRole.access(tag);
            }
            return trunks != null ? VlanRole.trunk(trunks) : VlanRole.tunnel(qinq);
        }
    }
}
