package dev.flowlab.cli;

import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.OvsBridge;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.cli.output.Console;
import dev.flowlab.cli.shell.CommandTable;
import dev.flowlab.cli.shell.CommandTable.Completes;
import dev.flowlab.cli.shell.ShellException;
import java.util.List;
import org.projectfloodlight.openflow.types.DatapathId;

/** Breaking and inspecting things: link up/down, switch stop/start, controller stop/start, flows. */
final class ControlCommands {
    private static final java.time.Duration RECONNECT_WAIT = java.time.Duration.ofSeconds(30);

    private final Lab lab;
    private final Console console;

    ControlCommands(Lab lab, Console console) {
        this.lab = lab;
        this.console = console;
    }

    void register(CommandTable table) {
        table.add("link", "link NODE NODE down|up", "take the link between two nodes down, or bring it back",
                Completes.NODES, inv -> link(inv.word(0, "link NODE NODE down|up"), inv.word(1, "link NODE NODE down|up"),
                        inv.word(2, "link NODE NODE down|up")));
        table.add("switch", "switch SWITCH stop|start", "switch off a switch (ports down, controller gone), or on again",
                Completes.SWITCHES, inv -> switchPower(inv.word(0, "switch SWITCH stop|start"),
                        inv.word(1, "switch SWITCH stop|start")));
        table.add("controller", "controller stop|start", "stop the embedded controller (switches lose it) or start it",
                Completes.NOTHING, inv -> controller(inv.word(0, "controller stop|start")));
        table.add("flows", "flows [SWITCH]", "flow table as the controller sees it (all switches without an argument)",
                Completes.SWITCHES, inv -> flows(inv.words()));
    }

    private boolean link(String a, String b, String state) {
        boolean up = upOrDown(state, "down", "up", "link NODE NODE down|up");
        if (lab.topology().port(a, b).isEmpty()) {
            throw new ShellException("no link between " + a + " and " + b + ": see links");
        }
        lab.setLink(a, b, up);
        console.println("link " + a + " <-> " + b + " " + (up ? console.green("up") : console.red("down")));
        return true;
    }

    private boolean switchPower(String name, String action) {
        boolean start = upOrDown(action, "stop", "start", "switch SWITCH stop|start");
        if (!lab.switchNames().contains(name)) {
            throw new ShellException("no switch named '" + name + "': switches are " + String.join(" ", lab.switchNames()));
        }
        OvsBridge bridge = lab.network().bridge(name);
        if (start != bridge.isStopped()) {
            throw new ShellException(name + (start ? " is not stopped" : " is already stopped"));
        }
        if (start) {
            bridge.start();
            List<String> targets = bridge.controllerTargets();
            console.println("switch " + name + " " + console.green("started") + " (ports up"
                    + (targets.isEmpty() ? "" : ", reconnecting to " + String.join(",", targets)) + ")");
        } else {
            bridge.stop();
            console.println("switch " + name + " " + console.red("stopped") + " (ports down, controller connection closed)");
        }
        return true;
    }

    private boolean controller(String action) {
        boolean start = upOrDown(action, "stop", "start", "controller stop|start");
        var controller = lab.embeddedController().orElseThrow(() -> new ShellException(
                lab.spec().controller().kind() == ControllerChoice.Kind.NONE
                        ? "there is no controller in this run (--controller none)"
                        : "the controller is external (" + lab.controllerName() + "): stop or start it yourself"));
        if (start) {
            controller.startListening();
            console.println("controller " + console.green("started") + ", waiting for the switches (OVS retries with a backoff)");
            long since = System.nanoTime();
            List<DatapathId> dpids = lab.topology().switches().stream().map(s -> DatapathId.of(s.dpid())).toList();
            boolean back = controller.awaitSwitches(dpids, RECONNECT_WAIT);
            long connected = dpids.stream().filter(d -> controller.switchById(d).isPresent()).count();
            String line = connected + "/" + dpids.size() + " switches connected after "
                    + dev.flowlab.cli.output.Step.seconds(java.time.Duration.ofNanos(System.nanoTime() - since));
            console.println(back ? line : console.yellow(line + " (stopped waiting; see dump later)"));
        } else {
            controller.stopListening();
            console.println("controller " + console.red("stopped") + ": fail-mode " + lab.failMode().ovsName()
                    + (lab.failMode() == FailMode.STANDALONE ? " bridges fall back to normal switching after the inactivity probe"
                    : " bridges keep their flows but learn nothing new"));
        }
        return true;
    }

    private boolean flows(List<String> words) throws Exception {
        List<String> switches = words.isEmpty() ? lab.switchNames() : words;
        for (String name : switches) {
            if (!lab.switchNames().contains(name)) {
                throw new ShellException("no switch named '" + name + "': switches are " + String.join(" ", lab.switchNames()));
            }
            Lab.FlowTable table = lab.flows(name);
            console.println(console.bold(name) + console.dim("  (" + Lab.count(table.lines().size(), "flow") + ", " + table.source() + ")"));
            table.lines().forEach(line -> console.println("  " + line));
        }
        return true;
    }

    private static boolean upOrDown(String word, String off, String on, String usage) {
        if (word.equals(on)) {
            return true;
        }
        if (word.equals(off)) {
            return false;
        }
        throw new ShellException("'" + word + "' is neither " + off + " nor " + on + ": usage: " + usage);
    }
}
