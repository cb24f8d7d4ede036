package dev.flowlab.topologies;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.flowlab.topologies.FileEntries.HostEntry;
import dev.flowlab.topologies.FileEntries.IdentityEntry;
import dev.flowlab.topologies.FileEntries.LinkEntry;
import dev.flowlab.topologies.FileEntries.ParamsEntry;
import dev.flowlab.topologies.FileEntries.QosEntry;
import dev.flowlab.topologies.FileEntries.SwitchEntry;
import dev.flowlab.topologies.FileEntries.TapEntry;
import dev.flowlab.topologies.FileEntries.TunnelEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one topology file element by element, so that every error can name the file and the line of the
 * element at fault. Jackson binds each element; this class only walks the top level and adds the nodes.
 */
final class TopologyFileReader {
    private record Located<T>(T entry, int line) {
    }

    private static final String KEYS = "hosts, switches, links, taps, tunnels, qos, identity";

    private final String file;
    private final ObjectMapper mapper;
    private final List<Located<HostEntry>> hosts = new ArrayList<>();
    private final List<Located<SwitchEntry>> switches = new ArrayList<>();
    private final List<Located<LinkEntry>> links = new ArrayList<>();
    private final List<Located<TapEntry>> taps = new ArrayList<>();
    private final List<Located<TunnelEntry>> tunnels = new ArrayList<>();
    private final List<Located<QosEntry>> qos = new ArrayList<>();
    private Located<IdentityEntry> identity;
    private final Map<String, Integer> lines = new HashMap<>();   // node name or link label -> line

    TopologyFileReader(String file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    Topology read(String content) {
        try (JsonParser p = mapper.createParser(content)) {
            JsonToken token = p.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw at(token == null ? 0 : line(p), null, (token == null ? "the file is empty; " : "")
                        + "a topology file is a mapping with keys " + KEYS);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                p.nextToken();
                switch (key) {
                    case "hosts" -> readList(p, key, HostEntry.class, "host", hosts);
                    case "switches" -> readList(p, key, SwitchEntry.class, "switch", switches);
                    case "links" -> readList(p, key, LinkEntry.class, "link", links);
                    case "taps" -> readList(p, key, TapEntry.class, "tap", taps);
                    case "tunnels" -> readList(p, key, TunnelEntry.class, "tunnel", tunnels);
                    case "qos" -> readList(p, key, QosEntry.class, "qos", qos);
                    case "identity" -> identity = readIdentity(p, keyLine);
                    default -> throw at(keyLine, null, "unknown key '" + key + "' (valid keys: " + KEYS + ")");
                }
            }
        } catch (JsonProcessingException e) {
            throw JacksonErrors.syntax(file, e);
        } catch (IOException e) {
            throw at(0, null, "cannot read: " + e.getMessage());
        }
        return build();
    }

    private <T> void readList(JsonParser p, String key, Class<T> type, String kind, List<Located<T>> into) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL
                || p.currentToken() == JsonToken.VALUE_STRING && p.getText().isEmpty()) {
            return;   // "links:" with nothing under it
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw at(line(p), null, "'" + key + "' must be a list of entries");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = line(p);
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw at(line, null, "each entry of '" + key + "' must be a mapping, like " + switch (key) {
                    case "links" -> "{a: h1, b: s1}";
                    case "hosts" -> "{name: h1}";
                    case "taps" -> "{switch: s1}";
                    case "tunnels" -> "{switch: s1, type: vxlan, remote: 192.168.77.2}";
                    case "qos" -> "{switch: s1, port: 2, queues: [{id: 0, max_rate: 50}]}";
                    default -> "{name: s1}";
                });
            }
            into.add(new Located<>(readElement(p, type, kind, line), line));
        }
    }

    private Located<IdentityEntry> readIdentity(JsonParser p, int keyLine) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL
                || p.currentToken() == JsonToken.VALUE_STRING && p.getText().isEmpty()) {
            return new Located<>(new IdentityEntry(null, null, null), keyLine);   // "identity:" alone: names only
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw at(line(p), null, "'identity' must be a mapping, like {domain: lab, nameservers: [10.0.0.53]}, "
                    + "or {} for hostnames and hosts files only");
        }
        return new Located<>(readElement(p, IdentityEntry.class, "identity", keyLine), keyLine);
    }

    /**
     * Binds one element. Jackson reports some errors (unknown keys of records) only at the element's end,
     * so the element is first copied while noting the line of each key, and errors are placed by key.
     */
    private <T> T readElement(JsonParser p, Class<T> type, String kind, int line) throws IOException {
        Map<String, Integer> keyLines = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        TokenBuffer copy = new TokenBuffer(p);
        int depth = 0;
        String key = null;
        do {
            JsonToken t = p.currentToken();
            if (t == JsonToken.FIELD_NAME) {
                key = p.currentName();
                keyLines.putIfAbsent(key, line(p));
            }
            if (depth == 1 && t.isScalarValue() && key != null) {
                names.put(key, p.getText());
            }
            if (depth == 1 && t.isScalarValue() && "dpid".equals(key)) {
                copy.writeString(p.getText());   // as written: YAML would read 0000000000000010 as octal 8
            } else {
                copy.copyCurrentEvent(p);
            }
            depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
        } while (depth > 0 && p.nextToken() != null);
        try (JsonParser element = copy.asParser(mapper)) {
            return mapper.readValue(element, type);
        } catch (JsonMappingException e) {
            String field = JacksonErrors.field(e);
            String what = switch (kind) {
                case "link" -> "link " + Link.label(names.get("a"), names.get("b"));
                case "tap", "tunnel", "qos" -> kind + " on " + names.getOrDefault("switch", "(no switch)");
                case "identity" -> "identity";
                default -> kind + " " + names.getOrDefault("name", "(no name)");
            };
            throw JacksonErrors.binding(file, field == null ? line : keyLines.getOrDefault(field, line), what, e);
        }
    }

    private Topology build() {
        TopologyBuilder b = Topology.builder();
        for (int i = 0; i < hosts.size(); i++) {
            Located<HostEntry> h = hosts.get(i);
            HostEntry e = h.entry();
            int number = i + 1;
            at(h.line(), () -> b.addHost(FileEntryConverter.host(e, e.ip() != null ? e.ip() : TopologyBuilder.defaultIp(number))));
            lines.put(e.name(), h.line());
        }
        for (Located<SwitchEntry> s : switches) {
            SwitchEntry e = s.entry();
            at(s.line(), () -> {
                if (e.dpid() == null) {
                    b.addSwitch(e.name());
                } else {
                    b.addSwitch(new Switch(e.name(), Dpids.parse(e.name(), e.dpid().toString())));
                }
            });
            lines.put(e.name(), s.line());
        }
        for (Located<LinkEntry> l : links) {
            LinkEntry e = l.entry();
            at(l.line(), () -> {
                if (e.a() == null || e.b() == null) {
                    throw new TopologyException("a link needs both ends, like {a: h1, b: s1}");
                }
                String label = Link.label(e.a(), e.b());
                if (e.vlan() != null && !isSwitch(e.a()) && !isSwitch(e.b())) {
                    throw new TopologyException(label, "link " + label + ": vlan settings are for switch ports, and "
                            + "neither end is a switch; give hosts tagged sub-interfaces with their 'vlans'");
                }
                b.addLink(e.a(), e.portA(), e.b(), e.portB(), params(label, e.params()),
                        vlan(label, e.vlanA(), e.vlan(), e.a()), vlan(label, e.vlanB(), e.vlan(), e.b()));
            });
            lines.putIfAbsent(Link.label(e.a(), e.b()), l.line());
            lines.putIfAbsent(Link.label(e.b(), e.a()), l.line());
        }
        for (Located<TapEntry> t : taps) {
            at(t.line(), () -> b.addTap(FileEntryConverter.tap(t.entry())));
        }
        for (Located<TunnelEntry> t : tunnels) {
            at(t.line(), () -> b.addTunnel(FileEntryConverter.tunnel(t.entry())));
            lines.putIfAbsent(b.lastTunnelName(), t.line());
        }
        for (Located<QosEntry> q : qos) {
            at(q.line(), () -> b.addQos(FileEntryConverter.qos(q.entry())));
        }
        if (identity != null) {
            at(identity.line(), () -> b.identity(FileEntryConverter.identity(identity.entry())));
        }
        try {
            return b.build();
        } catch (TopologyException e) {
            throw at(e.element() == null ? 0 : lines.getOrDefault(e.element(), 0), e.element(), e.getMessage());
        }
    }

    private static LinkParams params(String label, ParamsEntry p) {
        if (p == null) {
            return LinkParams.NONE;
        }
        try {
            return new LinkParams(p.bw() == null ? null : p.bw().doubleValue(),
                    p.delay() == null ? null : Durations.parse("delay", p.delay()),
                    p.jitter() == null ? null : Durations.parse("jitter", p.jitter()),
                    p.loss() == null ? null : p.loss().doubleValue(), p.maxQueue());
        } catch (TopologyException e) {
            throw new TopologyException(label, "link " + label + ": " + e.getMessage());
        }
    }

    /** The end's own {@code vlan_a}/{@code vlan_b}, else the link's {@code vlan} when the end is a switch. */
    private PortVlan vlan(String label, FileEntries.PortVlanEntry own, FileEntries.PortVlanEntry shared, String node) {
        try {
            return FileEntryConverter.portVlan(own != null ? own : isSwitch(node) ? shared : null);
        } catch (TopologyException e) {
            throw new TopologyException(label, "link " + label + ": " + e.getMessage());
        }
    }

    private boolean isSwitch(String node) {
        return switches.stream().anyMatch(s -> s.entry().name().equals(node));
    }

    private void at(int line, Runnable step) {
        try {
            step.run();
        } catch (TopologyException e) {
            throw at(line, e.element(), e.getMessage());
        }
    }

    private TopologyFileException at(int line, String element, String problem) {
        return new TopologyFileException(file, line, element, problem);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
