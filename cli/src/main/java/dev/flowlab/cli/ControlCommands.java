package dev.flowlab.cli;

import dev.flowlab.dataplane.FailMode;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.lab.ControllerProcess;
import dev.flowlab.lab.ControllerProcesses;
import dev.flowlab.cli.output.Console;
import dev.flowlab.cli.output.Step;
import dev.flowlab.controller.NotReadyException;
import dev.flowlab.cli.shell.CommandTable;
import dev.flowlab.cli.shell.CommandTable.Completes;
import dev.flowlab.cli.shell.ShellException;
import java.util.List;
import java.time.Duration;
import java.util.function.Supplier;

/** Breaking and inspecting things: link up/down, switch stop/start, controller stop/start, flows. */
final class ControlCommands {
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
        String done = "link " + a + " <-> " + b + " " + (up ? console.green("up") : console.red("down"));
        return settled(done, () -> lab.setLink(a, b, up));
    }

    private boolean switchPower(String name, String action) {
        boolean start = upOrDown(action, "stop", "start", "switch SWITCH stop|start");
        if (!lab.switchNames().contains(name)) {
            throw new ShellException("no switch named '" + name + "': switches are " + String.join(" ", lab.switchNames()));
        }
        if (start == lab.switchOn(name)) {
            throw new ShellException(name + (start ? " is not stopped" : " is already stopped"));
        }
        boolean controlled = !lab.network().bridge(name).controllerTargets().isEmpty();
        String done = start ? "switch " + name + " " + console.green("started") + " (ports up)"
                : "switch " + name + " " + console.red("stopped") + " (ports down"
                        + (controlled ? ", controller connection closed" : "") + ")";
        return settled(done, () -> lab.setSwitch(name, start));
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
            return settled("controller " + console.green("started"), lab::startEmbeddedController);
        }
        lab.stopEmbeddedController();
        console.println("controller " + console.red("stopped") + ": fail-mode " + lab.failMode().ovsName()
                + (lab.failMode() == FailMode.STANDALONE ? " bridges fall back to normal switching after the inactivity probe"
                : " bridges keep their flows but learn nothing new"));
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
            return settled("controller " + number + " " + console.green("started"),
                    () -> lab.restartController(number, Lab.READY_TIMEOUT));
        }
        lab.killController(number);
        List<ControllerProcess> all = lab.controllerProcesses().orElseThrow().members();
        int running = (int) all.stream().filter(ControllerProcess::isAlive).count();
        String done = "controller " + number + " " + console.red("killed") + " (SIGKILL); " + (running == 0
                ? "no controller is left: fail-mode " + lab.failMode().ovsName() + " bridges are on their own"
                : ControllerProcesses.majority(running, all.size()) ? "the others have the switches"
                : running + " of " + all.size() + " running are no majority: no member is master until more are back");
        return running == 0 ? println(done) : settled(done, () -> lab.awaitSettled(Lab.READY_TIMEOUT));
    }

    /**
     * Runs a change to the network that returns once the controller sees it ({@link Lab#awaitSettled}), then prints
     * {@code done} with how long that took, or, when it did not within the bound, one line saying what is missing.
     */
    private boolean settled(String done, Supplier<Duration> change) {
        try {
            Duration took = change.get();
            boolean watched = lab.spec().controller().kind() != ControllerChoice.Kind.NONE;
            return println(done + (watched ? console.dim("; the controller saw it after " + Step.seconds(took)) : ""));
        } catch (NotReadyException e) {
            console.println(done + "; " + console.yellow("the controller did not catch up: " + e.getMessage()));
            return false;
        }
    }

    private boolean println(String line) {
        console.println(line);
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
