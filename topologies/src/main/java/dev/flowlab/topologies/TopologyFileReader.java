package dev.flowlab.topologies;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.topologies.FileEntries.HostEntry;
import dev.flowlab.topologies.FileEntries.LinkEntry;
import dev.flowlab.topologies.FileEntries.ParamsEntry;
import dev.flowlab.topologies.FileEntries.SwitchEntry;
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

    private final String file;
    private final ObjectMapper mapper;
    private final List<Located<HostEntry>> hosts = new ArrayList<>();
    private final List<Located<SwitchEntry>> switches = new ArrayList<>();
    private final List<Located<LinkEntry>> links = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();   // node name or link label -> line

    TopologyFileReader(String file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    Topology read(String content) {
        try (JsonParser p = mapper.createParser(content)) {
            JsonToken token = p.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw at(token == null ? 0 : line(p), null, "a topology file is a mapping with keys hosts, switches, links");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                p.nextToken();
                switch (key) {
                    case "hosts" -> readList(p, key, HostEntry.class, hosts);
                    case "switches" -> readList(p, key, SwitchEntry.class, switches);
                    case "links" -> readList(p, key, LinkEntry.class, links);
                    default -> throw at(keyLine, null, "unknown key '" + key + "' (valid keys: hosts, switches, links)");
                }
            }
        } catch (JsonProcessingException e) {
            throw JacksonErrors.translate(file, e);
        } catch (IOException e) {
            throw at(0, null, "cannot read: " + e.getMessage());
        }
        return build();
    }

    private <T> void readList(JsonParser p, String key, Class<T> type, List<Located<T>> into) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;   // "links:" with nothing under it
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw at(line(p), null, "'" + key + "' must be a list of entries");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = line(p);
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw at(line, null, "each entry of '" + key + "' must be a mapping, like {name: "
                        + (key.equals("links") ? "..., a: h1, b: s1}" : key.equals("hosts") ? "h1}" : "s1}"));
            }
            into.add(new Located<>(mapper.readValue(p, type), line));
        }
    }

    private Topology build() {
        TopologyBuilder b = Topology.builder();
        for (int i = 0; i < hosts.size(); i++) {
            Located<HostEntry> h = hosts.get(i);
            HostEntry e = h.entry();
            int number = i + 1;
            at(h.line(), () -> b.addHost(new Host(e.name(), e.ip() != null ? e.ip() : TopologyBuilder.defaultIp(number),
                    e.mac(), e.gateway())));
            lines.put(e.name(), h.line());
        }
        for (Located<SwitchEntry> s : switches) {
            SwitchEntry e = s.entry();
            at(s.line(), () -> {
                if (e.dpid() == null) {
                    b.addSwitch(e.name());
                } else {
                    b.addSwitch(new Switch(e.name(), dpid(e.name(), e.dpid())));
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
                b.addLink(e.a(), e.portA(), e.b(), e.portB(), params(Link.label(e.a(), e.b()), e.params()));
            });
            lines.putIfAbsent(Link.label(e.a(), e.b()), l.line());
            lines.putIfAbsent(Link.label(e.b(), e.a()), l.line());
        }
        try {
            return b.build();
        } catch (TopologyException e) {
            throw at(e.element() == null ? 0 : lines.getOrDefault(e.element(), 0), e.element(), e.getMessage());
        }
    }

    private static long dpid(String name, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        String hex = value.toString().replace(":", "").replaceFirst("^0[xX]", "");
        try {
            if (value instanceof String && !hex.isEmpty() && hex.length() <= 16) {
                return Long.parseUnsignedLong(hex, 16);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TopologyException(name, "switch " + name + ": dpid '" + value
                + "' is not a number or a hex string like \"00:00:00:00:00:00:00:0a\"");
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
