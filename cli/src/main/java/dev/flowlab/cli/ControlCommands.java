package dev.flowlab.cli;

import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.OvsBridge;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.ControllerProcess;
import dev.flowlab.lab.ControllerProcesses;
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
        table.add("controller", "controller [N] stop|start", "stop the controller (switches lose it) or start it; with"
                + " --controllers, member N (stop kills its process with SIGKILL, as a crash)",
                Completes.NOTHING, inv -> controller(inv.words()));
        table.add("controllers", "controllers", "the controller processes of --controllers N: pid, target, role per switch",
                Completes.NOTHING, inv -> controllers());
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
            boolean controlled = !bridge.controllerTargets().isEmpty();
            bridge.stop();
            console.println("switch " + name + " " + console.red("stopped") + " (ports down"
                    + (controlled ? ", controller connection closed" : "") + ")");
        }
        return true;
    }

    private boolean controller(List<String> words) {
        if (lab.controllerProcesses().isPresent()) {
            return member(words);
        }
        if (words.size() != 1) {
            throw new ShellException("usage: controller stop|start (this run has one controller)");
        }
        boolean start = upOrDown(words.get(0), "stop", "start", "controller stop|start");
        var controller = lab.embeddedController().orElseThrow(() -> new ShellException(
                lab.spec().controller().kind() == ControllerChoice.Kind.NONE
                        ? "there is no controller in this run (--controller none)"
                        : "the controller is external (" + lab.controllerName() + "): stop or start it yourself"));
        if (start == controller.isListening()) {
            throw new ShellException("the controller " + (start ? "is already running" : "is not running"));
        }
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

    /** {@code controller N stop|start}: kill a member (SIGKILL) or start it again with the same ports and options. */
    private boolean member(List<String> words) {
        String usage = "controller N stop|start (N from 1 to " + lab.controllerProcesses().orElseThrow().members().size() + ")";
        if (words.size() != 2 || !words.get(0).matches("\\d{1,2}")) {
            throw new ShellException("usage: " + usage);
        }
        int number = Integer.parseInt(words.get(0));
        boolean start = upOrDown(words.get(1), "stop", "start", usage);
        ControllerProcess member;
        try {
            member = lab.controllerProcesses().orElseThrow().member(number);
        } catch (IllegalArgumentException e) {
            throw new ShellException(e.getMessage());
        }
        if (start == member.isAlive()) {
            throw new ShellException("controller " + number + (start ? " is already running" : " is not running"));
        }
        if (start) {
            lab.restartController(number, RECONNECT_WAIT);
            console.println("controller " + number + " " + console.green("started") + " (" + member + "); the switches"
                    + " reconnect to it with OVS's backoff: see controllers");
        } else {
            lab.killController(number);
            List<ControllerProcess> all = lab.controllerProcesses().orElseThrow().members();
            int running = (int) all.stream().filter(ControllerProcess::isAlive).count();
            console.println("controller " + number + " " + console.red("killed") + " (SIGKILL); " + (running == 0
                    ? "no controller is left: fail-mode " + lab.failMode().ovsName() + " bridges are on their own"
                    : ControllerProcesses.majority(running, all.size()) ? "the others keep the switches"
                    : running + " of " + all.size() + " running are no majority: no member is master until more are back"));
        }
        return true;
    }

    /** One line per member: process, target and the roles it holds. */
    private boolean controllers() {
        var processes = lab.controllerProcesses().orElseThrow(() -> new ShellException(
                "this run has no controller processes of its own (" + lab.controllerName() + "): see flowlab run --controllers N"));
        var roles = processes.roles();
        for (ControllerProcess m : processes.members()) {
            String held = ControllerProcesses.rolesHeld(roles, m.number());
            if (held.isEmpty() && m.isAlive()) {
                held = "no switches";
            }
            console.println(console.bold("controller " + m.number()) + "  " + m.target() + "  " + m.restUrl() + "  "
                    + m.pid().map(p -> "pid " + p).orElse(console.red("not running")) + "  " + held);
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
