package dev.flowlab.cli;

import dev.flowlab.lab.Lab;
import dev.flowlab.lab.LabSpec;
import dev.flowlab.lab.ControllerChoice;
import dev.flowlab.cli.output.Console;
import dev.flowlab.dataplane.FailMode;
import dev.flowlab.dataplane.OpenFlowVersion;
import dev.flowlab.topologies.SwitchHops;
import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlab run}: controller + network in one process, then a test or the shell. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Builds a network of namespace hosts and Open vSwitch bridges, points every bridge at the "
                    + "controller (flowlab's own, in this process, by default), waits until the controller "
                    + "has every switch, then runs a test and exits, or opens the flowlab> shell.",
            "Everything is torn down on exit, Ctrl-C or SIGTERM."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  flowlab run --topo tree,2,2",
            "      a tree of 3 switches and 4 hosts, learning switch, then the flowlab> shell",
            "  flowlab run --topo single,3 --test pingall",
            "      pingall and exit: exit code 0 when nothing was lost",
            "  flowlab run --topo linear,4 --apps hub --test iperf",
            "  flowlab run --topo topologies/examples/campus.yaml --fail-mode standalone",
            "  flowlab run --topo single,3 --protocols OpenFlow10 --test pingall",
            "      bridges and controller speak OpenFlow 1.0 (also OpenFlow14, OpenFlow15, or a list)",
            "  flowlab run --topo linear,2 --tls --test pingall",
            "      controller and bridges over TLS (ssl:127.0.0.1:PORT), with throwaway certificates",
            "  flowlab run --topo single,2 --controller tcp:127.0.0.1:6653",
            "      an external controller (Ryu, os-ken, ONOS...) instead of flowlab's own",
            "  flowlab run --topo single,2 --controller tcp:127.0.0.1:6653,tcp:127.0.0.1:6654",
            "      every bridge connects to both (OpenFlow roles decide who may write)",
            "  flowlab run --topo linear,3 --controllers 3",
            "      three flowlab controller processes of this run's own; controller 2 stop kills one",
            "  flowlab run --topo linear,3 --controllers 3 --tls",
            "      the same over TLS: each member has its own certificate from the run's CA, Raft too",
            "  flowlab run --topo linear,3 --script steps.txt",
            "      shell commands from a file, one per line; exit code 1 if one failed",
            "  flowlab run --topo subnets.yaml --apps router,routing --app-config router=router.yaml --rest 8080",
            "      L3 between subnets, REST API on 127.0.0.1:8080",
            "",
            "Topology specs: single,N  linear,N[,K]  tree,DEPTH,FANOUT  reversed,N  torus,X,Y",
            "                ring,N  mesh,N  fat-tree,K  minimal"})
public final class RunCommand implements Callable<Integer> {
    /** Switch hops beyond which first replies are slow or lost on the userspace datapath (see warnAboutLongChains). */
    static final int LONG_CHAIN = 200;

    @Option(names = "--topo", required = true, paramLabel = "SPEC|FILE",
            description = "a topology spec like tree,2,2 or a YAML/JSON topology file")
    String topo;

    @Mixin
    AppsOption apps;

    @Option(names = "--controller", paramLabel = "embedded|none|tcp:HOST:PORT", defaultValue = "embedded",
            description = "where the bridges' controller is (default: ${DEFAULT-VALUE}, on a free port of 127.0.0.1)")
    String controller;

    @Option(names = "--controllers", paramLabel = "N",
            description = "start N flowlab controllers of this run's own, each its own process (so one can be killed:"
                    + " controller 2 stop in the shell), on free ports of 127.0.0.1; every bridge gets them all")
    Integer controllers;

    @Option(names = "--fail-mode", paramLabel = "standalone|secure", converter = FailModeConverter.class,
            description = "OVS fail-mode of every bridge (default: secure with a controller, standalone with none)")
    FailMode failMode;

    @Option(names = "--protocols", split = ",", paramLabel = "OpenFlow10|OpenFlow13|OpenFlow14|OpenFlow15",
            converter = OpenFlowVersionConverter.class,
            description = "the OpenFlow versions every bridge offers, comma-separated (default: OpenFlow13); the embedded"
                    + " controller speaks the newest of them. On OpenFlow 1.0 only hub and learning-switch run, and no VLANs")
    List<OpenFlowVersion> protocols;

    @Option(names = "--test", paramLabel = "pingall|iperf",
            description = "run this test, print the result and exit (non-zero on failure) instead of opening the shell")
    TestKind test;

    @Option(names = "--script", paramLabel = "FILE",
            description = "run the shell commands in FILE (one per line, # comments), then exit")
    Path script;

    @Mixin
    ServiceOptions services;

    @Option(names = "--capture", arity = "0..1", paramLabel = "DIR", fallbackValue = "",
            description = "capture every link from the start, one pcapng file per link (s1-s2.pcapng), into DIR"
                    + " (default: captures/DATE-TIME here); the directory is printed")
    Path capture;

    @Option(names = "--tls",
            description = "the embedded controller (or each of the --controllers, which also speak Raft to each other"
                    + " over TLS) and the bridges speak OpenFlow over mutual TLS, with a CA and"
                    + " certificates made for this run; Open vSwitch's SSL settings are machine-wide: they are put"
                    + " back as they were at exit, and only one --tls run at a time is allowed")
    boolean tls;

    @Option(names = "--prefix", paramLabel = "TEXT", defaultValue = "",
            description = "put TEXT before every namespace and bridge name, to run several networks side by side")
    String prefix;

    enum TestKind { pingall, iperf }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        Console console = Console.system();
        ControllerChoice choice = controllerChoice();
        if (script != null && !Files.isReadable(script)) {
            throw new IllegalArgumentException("--script " + script + ": no such readable file");
        }
        if (test != null && script != null) {
            throw new IllegalArgumentException("--test and --script cannot be used together: pick one");
        }
        warnAboutIgnoredOptions(console, choice);
        boolean embedded = choice.kind() == ControllerChoice.Kind.EMBEDDED;
        boolean processes = choice.kind() == ControllerChoice.Kind.PROCESSES;
        List<String> embeddedApps = embedded || processes ? apps.checked() : List.of();
        if (processes && (services.rest().enabled() || services.openflowCapture() != null)) {
            throw new IllegalArgumentException("--rest, --rest-token and --capture-openflow configure the embedded controller;"
                    + " each of the --controllers processes serves REST on a port of its own, printed at start");
        }
        if (!embedded && !processes && services.anyGiven()) {
            throw new IllegalArgumentException("--rest, --app-config and --capture-openflow configure the embedded controller;"
                    + " with --controller " + controller + " configure that controller instead");
        }
        Topology topology = TopologySource.load(topo);
        warnAboutLongChains(console, topology);
        LabSpec spec = new LabSpec(topology, embeddedApps, choice, failMode(choice), prefix,
                services.rest(), services.appConfigs(embeddedApps), captureDir(), services.openflowCapture(), tls,
                protocols);
        return new LabRun(console).run(spec, test == null ? null : test.name(), script);
    }

    /** {@code --controllers N} starts processes of our own; otherwise {@code --controller} says where it is. */
    private ControllerChoice controllerChoice() {
        if (controllers == null) {
            return ControllerChoice.parse(controller);
        }
        if (commandSpec.commandLine().getParseResult().hasMatchedOption("--controller")) {
            throw new IllegalArgumentException("--controller and --controllers cannot be used together: --controllers N"
                    + " starts N controllers of this run's own; --controller names one running elsewhere");
        }
        return ControllerChoice.processes(controllers, ControllerLauncher.command());
    }

    private Path captureDir() {
        if (capture == null) {
            return null;
        }
        return capture.toString().isEmpty() ? Lab.newCaptureDir() : capture.toAbsolutePath();
    }

    private void warnAboutIgnoredOptions(Console console, ControllerChoice choice) {
        boolean appsGiven = commandSpec.commandLine().getParseResult().hasMatchedOption("--apps");
        if (appsGiven && choice.kind() != ControllerChoice.Kind.EMBEDDED && choice.kind() != ControllerChoice.Kind.PROCESSES) {
            console.println(console.yellow("note: ") + "--apps only configures the embedded controller; "
                    + "with --controller " + choice + " it is ignored");
        }
        if (choice.kind() == ControllerChoice.Kind.NONE && failMode == FailMode.SECURE) {
            console.println(console.yellow("note: ") + "secure bridges without a controller forward nothing: "
                    + "expect every ping to fail (that may be what you want to see)");
        }
    }

    /**
     * Measured on OVS 3.1's userspace datapath (2 cores): each switch a packet crosses is one pass of
     * ovs-vswitchd's main loop, and each pass polls every port, so a first reply across hundreds of switches
     * takes tens of seconds or never comes (linear,500: none within 120 s, Mininet neither). Said before the build.
     */
    private static void warnAboutLongChains(Console console, Topology topology) {
        int hops = SwitchHops.longest(topology);
        if (hops > LONG_CHAIN) {
            console.println(console.yellow("warning: ") + "packets here cross up to " + hops + " switches; on the "
                    + "userspace datapath each hop is one pass of ovs-vswitchd's main loop over every port, so first "
                    + "replies across more than " + LONG_CHAIN + " switches are slow or time out (linear,500: none in 120 s)");
        }
    }

    private FailMode failMode(ControllerChoice choice) {
        if (failMode != null) {
            return failMode;
        }
        // Without a controller a secure bridge forwards nothing: standalone is the only useful default.
        return choice.kind() == ControllerChoice.Kind.NONE ? FailMode.STANDALONE : FailMode.SECURE;
    }
}
