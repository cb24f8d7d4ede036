package dev.flowlab.topologies;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.flowlab.topologies.FileEntries.FileEntry;
import dev.flowlab.topologies.FileEntries.HostEntry;
import dev.flowlab.topologies.FileEntries.LinkEntry;
import dev.flowlab.topologies.FileEntries.ParamsEntry;
import dev.flowlab.topologies.FileEntries.QosEntry;
import dev.flowlab.topologies.FileEntries.SwitchEntry;
import dev.flowlab.topologies.FileEntries.TapEntry;
import dev.flowlab.topologies.FileEntries.TunnelEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Topology files in YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}):
 * <pre>
 * hosts:                       # ip defaults to 10.0.0.N/8 (N = position); mac and gateway optional
 *   - {name: h1, ip: 10.0.1.1/24, mac: "00:00:00:00:00:01", gateway: 10.0.1.254}
 * switches:                    # dpid defaults to the number in the name; a hex string or a number
 *   - {name: s1, dpid: 1}
 * links:                       # ports default to the next free one (hosts from 0, switches from 1)
 *   - {a: h1, b: s1, port_b: 1, params: {bw: 100, delay: 5ms, jitter: 1ms, loss: 0.5, max_queue: 1000}}
 * </pre>
 * {@code bw} is in Mbit/s, {@code loss} in percent, {@code max_queue} in packets. Beyond one veth per host:
 * <pre>
 * hosts:
 *   - {name: h1, aliases: [10.0.0.101/8], vlans: [{id: 10, ip: 10.10.0.1/24}, {id: 20, outer: 100, ip: ...}]}
 *   - {name: gw, ip: 10.1.0.254/24, nat: {outside: s9, ip: 192.168.7.1/24, gateway: 192.168.7.254}}
 * links:                       # vlan: the switch end(s); vlan_a / vlan_b: one end
 *   - {a: h1, b: s1, vlan: {tag: 10}}            # access port in VLAN 10
 *   - {a: s1, b: s2, vlan: {trunks: [10, 20]}}   # trunk ([] = every VLAN)
 *   - {a: c1, b: p1, vlan_b: {qinq: 100}}        # 802.1ad service VLAN 100 on p1's port
 * taps:                        # switch port backed by TAP device s1-tapN
 *   - {switch: s1}
 * tunnels:                     # vxlan or gre; device s1-vxN / s1-greN
 *   - {switch: s1, type: vxlan, remote: 192.168.77.2, local: 192.168.77.1, vni: 42, dst_port: 4789,
 *      underlay_netns: under1, mtu: 1450}
 * qos:                         # egress queues (OVS linux-htb) on a link's switch port; rates in Mbit/s
 *   - {switch: s1, port: 2, max_rate: 100, queues: [{id: 0, max_rate: 50}, {id: 1, min_rate: 5, max_rate: 10}]}
 * identity: {domain: lab, nameservers: [10.0.0.53], search: [lab]}   # {} = hostnames and /etc/hosts only
 * </pre>
 * Unknown keys, bad values, duplicates and links to missing nodes are errors that start with the file name
 * and line.
 */
public final class TopologyFiles {
    private TopologyFiles() {
    }

    /** Reads a topology file; its extension picks the format. */
    public static Topology read(Path file) {
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new TopologyFileException(file.toString(), 0, null, "no such file; give the path of a .yaml, .yml or "
                    + ".json topology file, or a spec like tree,2,2");
        } catch (IOException e) {
            throw new TopologyFileException(file.toString(), 0, null, "cannot read it: " + e.getMessage());
        }
        return parse(content, file.toString());
    }

    /** Reads a topology from text; {@code fileName}'s extension picks the format and names the source in errors. */
    public static Topology parse(String content, String fileName) {
        return new TopologyFileReader(fileName, readerFor(fileName)).read(content);
    }

    /** The topology as YAML, in the form {@link #parse} reads back to an equal topology. */
    public static String toYaml(Topology t) {
        return write(t, yamlMapper());
    }

    /** The topology as pretty-printed JSON, in the form {@link #parse} reads back to an equal topology. */
    public static String toJson(Topology t) {
        return write(t, jsonMapper().enable(SerializationFeature.INDENT_OUTPUT));
    }

    /** Writes the topology to a file; its extension picks the format. */
    public static void write(Topology t, Path file) {
        String text = isJson(formatOf(file.toString())) ? toJson(t) : toYaml(t);
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write topology file " + file, e);
        }
    }

    /** True if {@code path} names a file this class reads (by extension). */
    public static boolean hasTopologyExtension(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    private static ObjectMapper readerFor(String fileName) {
        return (isJson(formatOf(fileName)) ? jsonMapper() : yamlMapper())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static String formatOf(String fileName) {
        if (!hasTopologyExtension(fileName)) {
            throw new TopologyFileException(fileName, 0, null,
                    "unknown file type; a topology file ends in .yaml, .yml or .json");
        }
        return fileName;
    }

    private static boolean isJson(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static ObjectMapper jsonMapper() {
        return new ObjectMapper();
    }

    private static ObjectMapper yamlMapper() {
        return new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    }

    private static String write(Topology t, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(entries(t));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + t, e);
        }
    }

    private static FileEntry entries(Topology t) {
        List<HostEntry> hosts = t.hosts().stream().map(FileEntryConverter::entry).toList();
        List<SwitchEntry> switches = t.switches().stream().map(s -> new SwitchEntry(s.name(), s.dpid())).toList();
        Ports ports = new Ports();
        t.hosts().forEach(h -> ports.addNode(h.name(), false));
        t.switches().forEach(s -> ports.addNode(s.name(), true));
        List<LinkEntry> links = new ArrayList<>();
        for (Link l : t.links()) {
            // Leave out ports the reader would number the same way, as the builder does.
            Integer pa = ports.next(l.nodeA()) == l.portA() ? null : l.portA();
            Integer pb = ports.next(l.nodeB()) == l.portB() ? null : l.portB();
            ports.take(l.nodeA(), l.portA());
            ports.take(l.nodeB(), l.portB());
            links.add(linkEntry(t, l, pa, pb));
        }
        List<TapEntry> taps = new ArrayList<>();
        for (TapPort tap : t.taps()) {
            taps.add(new TapEntry(tap.switchName(), ports.next(tap.switchName()) == tap.port() ? null : tap.port()));
            ports.take(tap.switchName(), tap.port());
        }
        List<TunnelEntry> tunnels = new ArrayList<>();
        for (Tunnel tunnel : t.tunnels()) {
            int next = ports.next(tunnel.switchName());
            tunnels.add(FileEntryConverter.entry(tunnel, next == tunnel.port() ? null : tunnel.port()));
            ports.take(tunnel.switchName(), tunnel.port());
        }
        List<QosEntry> qos = t.qos().stream().map(FileEntryConverter::entry).toList();
        return new FileEntry(hosts, switches, links, taps, tunnels, qos, FileEntryConverter.entry(t.identity().orElse(null)));
    }

    /** One {@code vlan} where the switch ends agree (or only one end is a switch), else {@code vlan_a}/{@code vlan_b}. */
    private static LinkEntry linkEntry(Topology t, Link l, Integer pa, Integer pb) {
        boolean aSwitch = t.switchNamed(l.nodeA()).isPresent();
        boolean bSwitch = t.switchNamed(l.nodeB()).isPresent();
        boolean shared = !aSwitch ? l.vlanA() == null : !bSwitch ? l.vlanB() == null : Objects.equals(l.vlanA(), l.vlanB());
        PortVlan one = l.vlanA() != null ? l.vlanA() : l.vlanB();
        return new LinkEntry(l.nodeA(), l.nodeB(), pa, pb, params(l.params()),
                shared ? FileEntryConverter.entry(one) : null,
                shared ? null : FileEntryConverter.entry(l.vlanA()), shared ? null : FileEntryConverter.entry(l.vlanB()));
    }

    private static ParamsEntry params(LinkParams p) {
        if (p.isNone()) {
            return null;
        }
        return new ParamsEntry(FileEntryConverter.number(p.bandwidthMbit()),
                p.delay() == null ? null : Durations.format(p.delay()),
                p.jitter() == null ? null : Durations.format(p.jitter()), FileEntryConverter.number(p.lossPercent()),
                p.maxQueuePackets());
    }
}
