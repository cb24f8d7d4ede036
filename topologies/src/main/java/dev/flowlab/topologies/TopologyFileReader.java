package dev.flowlab.topologies;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
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
                throw at(token == null ? 0 : line(p), null, (token == null ? "the file is empty; " : "")
                        + "a topology file is a mapping with keys hosts, switches, links");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                p.nextToken();
                switch (key) {
                    case "hosts" -> readList(p, key, HostEntry.class, "host", hosts);
                    case "switches" -> readList(p, key, SwitchEntry.class, "switch", switches);
                    case "links" -> readList(p, key, LinkEntry.class, "link", links);
                    default -> throw at(keyLine, null, "unknown key '" + key + "' (valid keys: hosts, switches, links)");
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
                throw at(line, null, "each entry of '" + key + "' must be a mapping, like {name: "
                        + (key.equals("links") ? "..., a: h1, b: s1}" : key.equals("hosts") ? "h1}" : "s1}"));
            }
            into.add(new Located<>(readElement(p, type, kind, line), line));
        }
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
            String what = kind.equals("link") ? "link " + Link.label(names.get("a"), names.get("b"))
                    : kind + " " + names.getOrDefault("name", "(no name)");
            throw JacksonErrors.binding(file, field == null ? line : keyLines.getOrDefault(field, line), what, e);
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
