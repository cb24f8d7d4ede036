package dev.flowlab.topologies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyFilesTest {
    static final String GOOD = """
            hosts:
              - name: h1
                ip: 10.0.1.1/24
                mac: 00:00:00:00:00:01
                gateway: 10.0.1.254
              - {name: h2}
            switches:
              - name: s1
                dpid: "00:00:00:00:00:00:00:0a"
              - name: s2
            links:
              - a: h1
                b: s1
                params: {bw: 100, delay: 5ms, jitter: 500us, loss: 0.5, max_queue: 1000}
              - {a: s1, b: s2}
              - {a: h2, b: s2, port_b: 5}
            """;

    @Test
    void readsEveryFieldOfAYamlFile() {
        Topology t = TopologyFiles.parse(GOOD, "good.yaml");
        assertThat(t.hosts()).containsExactly(new Host("h1", "10.0.1.1/24", "00:00:00:00:00:01", "10.0.1.254"),
                new Host("h2", "10.0.0.2/8", null, null));
        assertThat(t.switches()).containsExactly(new Switch("s1", 10), new Switch("s2", 2));
        assertThat(t.links()).containsExactly(
                new Link("h1", 0, "s1", 1, new LinkParams(100.0, Duration.ofMillis(5), Duration.ofNanos(500_000), 0.5, 1000)),
                new Link("s1", 2, "s2", 1, LinkParams.NONE),
                new Link("h2", 0, "s2", 5, LinkParams.NONE));
    }

    @Test
    void readsJsonToo() {
        Topology t = TopologyFiles.parse("""
                {"hosts": [{"name": "h1"}], "switches": [{"name": "s1", "dpid": 7}],
                 "links": [{"a": "h1", "b": "s1", "params": {"bw": 2.5}}]}
                """, "t.json");
        assertThat(t.switches()).containsExactly(new Switch("s1", 7));
        assertThat(t.links().get(0).params().bandwidthMbit()).isEqualTo(2.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "7;                        7",
            "0x0a;                     10",
            "000000000000000a;         10",
            "0000000000000010;         16",
            "00:00:00:00:00:00:01:00;  256",
    })
    void dpidsAreDecimalOrUnambiguousHex(String written, long dpid) {
        String text = GOOD.replace("\"00:00:00:00:00:00:00:0a\"", written);
        assertThat(TopologyFiles.parse(text, "t.yaml").switches().get(0).dpid()).isEqualTo(dpid);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // what to change in GOOD; line; the message after "bad.yaml, line N: "
            "    ip: 10.0.1.1/24 |    ipaddr: 10.0.1.1/24 |   3 |  host h1: unknown key 'ipaddr' (valid keys of a host: name, ip, mac, gateway, aliases, vlans, nat)",
            "bw: 100 |                bandwidth: 100 |        14 | link h1 <-> s1: unknown key 'bandwidth' (valid keys of link params: bw, delay, jitter, loss, max_queue)",
            "bw: 100 |                bw: fast |              14 | link h1 <-> s1: 'fast' is not a valid bw (expected a number)",
            "max_queue: 1000 |        max_queue: 1.5 |        14 | link h1 <-> s1: '1.5' is not a valid max_queue (expected a whole number)",
            "delay: 5ms |             delay: 5 |              12 | link h1 <-> s1: delay '5' is not a time like 5ms (units: s, ms, us, ns)",
            "loss: 0.5 |              loss: 120 |             12 | link h1 <-> s1: loss must be between 0 and 100 %, not 120.0",
            "ip: 10.0.1.1/24 |        ip: 10.0.1.300/24 |     2 |  host h1: address '10.0.1.300/24' is not an IPv4 address with prefix length, like 10.0.0.1/8",
            "gateway: 10.0.1.254 |    gateway: 10.0.2.254 |   2 |  host h1: gateway 10.0.2.254 is outside its subnet 10.0.1.0/24; pick a gateway in the host's subnet",
            "mac: 00:00:00:00:00:01 | mac: 00:00:00:00:01 |   2 |  host h1: MAC '00:00:00:00:01' is not like 00:00:00:00:00:01",
            "{a: s1, b: s2} |         {a: s1, b: s9} |        15 | link s1 <-> s9 names s9, which is not a host or switch of this topology; add it first",
            "{a: s1, b: s2} |         {a: s1} |               15 | a link needs both ends, like {a: h1, b: s1}",
            "port_b: 5 |              port_b: 0 |             16 | link h2 <-> s2: port 0 of s2 is out of range; switch ports start at 1",
            "  - name: s2 |           - name: s1 |            10 | node s1 is defined twice: node names must be unique",
            "  - {name: h2} |         - {name: h1} |          6 |  node h1 is defined twice: node names must be unique",
            "  - {name: h2} |         - {name: h2, ip: 10.0.1.1/24} | 6 | hosts h1 and h2 both have address 10.0.1.1: give each host its own address",
            "  - name: s2 |           - {name: s2, dpid: 10} |10 | switch s2: datapath id 10 is already another switch's; give each switch its own dpid",
            "  - name: s2 |           - {name: s2, dpid: 010} |10 | switch s2: dpid '010' is not decimal (10), 0x hex (0xa), 16 hex digits (000000000000000a) or hex bytes (00:00:00:00:00:00:00:0a)",
            "  - name: s2 |           - name: distribution2 | 10 | switch name 'distribution2' is too long: its interface distribution2-eth0 would exceed Linux's 15 characters; use at most 10 characters",
            "  - {a: h2, b: s2, port_b: 5} |   ~~ |           6 |  host h2 has no link, so its address has no interface: link it to a switch",
            "links: |                 linkz: |                11 | unknown key 'linkz' (valid keys: hosts, switches, links, taps, tunnels, qos, identity)",
            "  - {name: h2} |         - {name: h2 |           7 |  syntax error: while parsing a flow mapping; expected ',' or '}', but got :",
            "    dpid: |              name: x\\n    dpid: |     9 |  syntax error: duplicate key 'name'",
            "  - {name: h2} |         - h2 |                  6 |  each entry of 'hosts' must be a mapping, like {name: h1}",
            "gateway: 10.0.1.254 |    gateway: [1, 2] |       5 |  host h1: bad value for 'gateway': expected text",
    })
    void badFilesNameTheFileLineAndElement(String from, String to, int line, String message) {
        String text = GOOD.replace(from, to.replace("\\n", "\n"));
        assertThat(text).isNotEqualTo(GOOD);
        assertThatThrownBy(() -> TopologyFiles.parse(text, "bad.yaml"))
                .isInstanceOf(TopologyFileException.class)
                .hasMessage("bad.yaml, line " + line + ": " + message)
                .satisfies(e -> assertThat(((TopologyFileException) e).line()).isEqualTo(line));
    }

    @Test
    void badJsonNamesTheLineToo() {
        assertThatThrownBy(() -> TopologyFiles.parse("{\"hosts\": [\n {\"name\": \"h1\",\n \"oops\": 1}]}", "b.json"))
                .hasMessage("b.json, line 3: host h1: unknown key 'oops' (valid keys of a host: name, ip, mac, gateway, aliases, vlans, nat)");
        assertThatThrownBy(() -> TopologyFiles.parse("{\"hosts\": [\n {\"name\": \"h1\"}]\n", "b.json"))
                .hasMessage("b.json, line 3: syntax error: Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void wholeFileProblemsSaySo() {
        assertThatThrownBy(() -> TopologyFiles.parse("", "e.yaml"))
                .hasMessage("e.yaml: the file is empty; a topology file is a mapping with keys hosts, switches, links, taps, tunnels, qos, identity");
        assertThatThrownBy(() -> TopologyFiles.parse("- a\n", "e.yaml"))
                .hasMessage("e.yaml, line 1: a topology file is a mapping with keys hosts, switches, links, taps, tunnels, qos, identity");
        assertThatThrownBy(() -> TopologyFiles.parse("hosts: 3\n", "e.yaml"))
                .hasMessage("e.yaml, line 1: 'hosts' must be a list of entries");
        assertThatThrownBy(() -> TopologyFiles.parse("hosts: []", "e.txt"))
                .hasMessage("e.txt: unknown file type; a topology file ends in .yaml, .yml or .json");
        assertThatThrownBy(() -> TopologyFiles.read(Path.of("no/such/file.yaml")))
                .hasMessageStartingWith("no/such/file.yaml: no such file;");
        assertThat(TopologyFiles.parse("hosts:\nswitches:\nlinks:\n", "empty.yml").hosts()).isEmpty();
    }

    @Test
    void yamlRoundTripGivesAnEqualTopologyAndLeavesOutDefaultPorts() {
        Topology t = TopologyFiles.parse(GOOD, "good.yaml");
        String yaml = TopologyFiles.toYaml(t);
        assertThat(TopologyFiles.parse(yaml, "again.yaml")).isEqualTo(t);
        assertThat(yaml).contains("delay: 5ms", "jitter: 500us", "bw: 100\n", "port_b: 5")
                .doesNotContain("port_a", "---");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "reversed,4", "linear,3,2", "tree,2,3", "torus,3,3,2", "ring,5", "mesh,4", "fat-tree,4"})
    void everyGeneratorRoundTripsThroughYamlAndJson(String spec) {
        Topology t = TopologySpec.parse(spec).withDeterministicMacs();
        assertThat(TopologyFiles.parse(TopologyFiles.toYaml(t), "t.yaml")).isEqualTo(t);
        assertThat(TopologyFiles.parse(TopologyFiles.toJson(t), "t.json")).isEqualTo(t);
    }

    @Test
    void writesAndReadsFilesByExtension(@TempDir Path dir) {
        Topology t = Topology.builder().addSwitch("s1").addSwitch("s2").addHost("h1")
                .addLink("h1", "s1", LinkParams.bandwidth(1.5).withDelay(Duration.ofSeconds(1)))
                .addLink("s1", "s2", LinkParams.NONE.withDelay(Duration.ofNanos(1500)).withLoss(1)).build();
        for (String name : new String[] {"t.yaml", "t.yml", "t.json"}) {
            TopologyFiles.write(t, dir.resolve(name));
            assertThat(TopologyFiles.read(dir.resolve(name))).isEqualTo(t);
        }
        assertThat(TopologyFiles.toJson(t)).contains("\"delay\" : \"1s\"", "\"delay\" : \"1500ns\"", "\"bw\" : 1.5");
    }

    @Test
    void campusExampleLoads() {
        Topology t = TopologyFiles.read(Path.of("examples/campus.yaml"));
        assertThat(t.hosts()).hasSize(8);
        assertThat(t.switches()).extracting(Switch::name)
                .containsExactly("core1", "dist1", "dist2", "acc1", "acc2", "acc3", "acc4");
        assertThat(t.switchNamed("acc4").orElseThrow().dpid()).isEqualTo(0x24);
        assertThat(Shape.link(t, "core1", "dist1").params().bandwidthMbit()).isEqualTo(1000.0);
        assertThat(Shape.link(t, "srv1", "acc4").params()).isEqualTo(LinkParams.bandwidth(100).withMaxQueue(1000));
        assertThat(Shape.neighbours(t, "eng1")).containsExactly("acc1");
        assertThat(Shape.neighbours(t, "core1")).containsExactly("dist1", "dist2");
        assertThat(Shape.switchLinks(t)).as("a tree of 7 switches").isEqualTo(6);
        assertThat(t.links()).noneMatch(l -> l.params().needsNetem());   // runs on kernels without netem
    }

    @Test
    void fatTreeExampleIsTheGeneratedFatTree() {
        assertThat(TopologyFiles.read(Path.of("examples/fat-tree-k4.yaml"))).isEqualTo(Topologies.fatTree(4));
    }

    @Test
    void ringExampleLoads() {
        Topology t = TopologyFiles.read(Path.of("examples/ring.json"));
        assertThat(t.hosts()).hasSize(6);
        assertThat(t.switches()).hasSize(6);
        assertThat(Shape.switchLinks(t)).as("a ring of 6 switches").isEqualTo(6);
        assertThat(Shape.neighbours(t, "s1")).containsExactly("h1", "s2", "s6");
        assertThat(Shape.link(t, "s6", "s1").params()).isEqualTo(LinkParams.bandwidth(100));
    }
}
