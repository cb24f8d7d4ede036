package dev.flowlab.cli;

import dev.flowlab.lab.ControllerProcesses;
import dev.flowlab.lab.Lab;
import dev.flowlab.cli.output.Console;
import dev.flowlab.cli.shell.CommandTable;
import dev.flowlab.cli.shell.CommandTable.Completes;
import dev.flowlab.cli.shell.ShellException;
import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.Switch;
import dev.flowlab.topologies.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.types.DatapathId;

/** What the network looks like: help, nodes, net, links, dump. */
final class ViewCommands {
    private final Lab lab;
    private final Console console;
    ViewCommands(Lab lab, Console console) {
        this.lab = lab;
        this.console = console;
    }

    void register(CommandTable table) {
        table.add("help", "help [COMMAND]", "this list, or one command's usage", Completes.NOTHING,
                inv -> help(table, inv.words()));
        table.add("nodes", "nodes", "the hosts and switches", Completes.NOTHING, inv -> nodes());
        table.add("net", "net", "each node's interfaces and what they connect to", Completes.NOTHING, inv -> net());
        table.add("links", "links", "every link and whether it is up", Completes.NOTHING, inv -> links());
        table.add("dump", "dump", "hosts (addresses, namespace) and switches (bridge, dpid, controller)",
                Completes.NOTHING, inv -> dump());
    }

    private boolean help(CommandTable table, List<String> words) {
        if (!words.isEmpty()) {
            var c = table.find(words.get(0)).orElseThrow(() -> new ShellException("no command '" + words.get(0) + "'"));
            console.println("usage: " + c.usage() + "   " + c.summary());
            return true;
        }
        for (var c : table.all()) {
            console.println(String.format("  %-34s %s", c.usage(), console.dim(c.summary())));
        }
        console.println(String.format("  %-34s %s", "HOST COMMAND...", console.dim(
                "run a command in a host; host names become IPs (h1 ping -c3 h2)")));
        return true;
    }

    private boolean nodes() {
        Topology t = lab.topology();
        console.println("hosts:    " + t.hosts().stream().map(Host::name).collect(Collectors.joining(" ")));
        console.println("switches: " + t.switches().stream().map(Switch::name).collect(Collectors.joining(" ")));
        return true;
    }

    /** Mininet's view: {@code s1 s1-eth1:h1-eth0 s1-eth2:s2-eth1}. */
    private boolean net() {
        Topology t = lab.topology();
        List<String> names = new ArrayList<>();
        t.hosts().forEach(h -> names.add(h.name()));
        t.switches().forEach(s -> names.add(s.name()));
        for (String node : names) {
            StringBuilder row = new StringBuilder(node);
            for (Link l : t.linksOf(node)) {
                boolean aSide = l.nodeA().equals(node);
                row.append(' ').append(aSide ? l.interfaceA() : l.interfaceB())
                        .append(':').append(aSide ? l.interfaceB() : l.interfaceA());
            }
            console.println(row.toString());
        }
        return true;
    }

    private boolean links() {
        for (Link l : lab.topology().links()) {
            boolean down = !lab.linkUp(l.nodeA(), l.nodeB());
            console.println(l.interfaceA() + "<->" + l.interfaceB() + "  " + (down ? console.red("DOWN") : console.green("up")));
        }
        return true;
    }

    private boolean dump() {
        for (var h : lab.topology().hosts()) {
            var host = lab.host(h.name()).orElseThrow();
            console.println(String.format("host   %-6s %s mac %s  netns %s", h.name(), h.ip(),
                    h.mac() == null ? "(kernel's)" : h.mac(), host.namespace()));
        }
        Map<String, Boolean> connections = lab.connections();
        Map<String, Map<Integer, String>> roles = lab.controllerProcesses().map(ControllerProcesses::roles).orElse(null);
        for (Switch s : lab.topology().switches()) {
            Boolean up = connections.get(s.name());
            String state = up == null ? lab.controllerName() : up ? console.green("connected") : console.red("not connected");
            if (roles != null) {   // each member's role: who writes to it
                Map<Integer, String> held = roles.getOrDefault(DatapathId.of(s.dpid()).toString(), Map.of());
                state = held.isEmpty() ? console.red("no controller has it") : String.join(", ", held.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList());
            }
            console.println(String.format("switch %-6s bridge %s dpid %s  ports %d  fail-mode %s  controller %s", s.name(),
                    lab.bridgeName(s.name()), s.dpidHex(), lab.topology().linksOf(s.name()).size(), lab.failMode().ovsName(), state));
        }
        return true;
    }
}
