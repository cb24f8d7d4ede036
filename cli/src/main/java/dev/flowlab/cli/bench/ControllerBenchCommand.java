package dev.flowlab.cli.bench;

import dev.flowlab.bench.controller.BenchException;
import dev.flowlab.bench.controller.ControllerBench;
import dev.flowlab.bench.controller.LoadSettings;
import dev.flowlab.bench.controller.Mode;
import dev.flowlab.bench.controller.SpawnSpec;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowlab bench controller}: a cbench-style OpenFlow 1.3 load generator. */
@Command(name = "controller", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
                "Benchmarks an OpenFlow 1.3 controller the way cbench does: emulates switches, each a TCP connection "
                        + "that does the switch side of the handshake, then sends unbuffered PACKET_INs whose source and "
                        + "destination MACs cycle through the hosts of each switch, and counts the packet-ins answered "
                        + "per second (each answer carries a PACKET_OUT; FLOW_MODs are shown beside).",
                "Throughput mode keeps --window packet-ins in flight on every connection; latency mode keeps one packet-in outstanding per switch "
                        + "(the next leaves when the PACKET_OUT of the last arrives).",
                "The controller runs elsewhere (--controller) or is started here, as a child stopped at the end "
                        + "(--spawn, repeatable: one command compares controllers in one run)."},
        footer = {"", "Examples:",
                "  flowlab bench controller --controller 127.0.0.1:6653",
                "  flowlab bench controller --spawn flowlab --spawn ovs-testcontroller --mode throughput,latency",
                "  flowlab bench controller --spawn os-ken:/tmp/simple_switch_13.py --loops 5 --switches 4",
                "  flowlab bench controller --spawn flowlab --java-opt=-XX:StartFlightRecording=filename=/tmp/c.jfr"})
public final class ControllerBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--controller"}, paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:6653",
            description = "Controller to benchmark when none is spawned, or besides the spawned ones when given "
                    + "explicitly (default ${DEFAULT-VALUE}). Example: --controller 127.0.0.1:6633")
    String controller;

    @Option(names = "--spawn", paramLabel = "CONTROLLER",
            description = {"Start this controller on 127.0.0.1 for the run and stop it (by PID) after; repeat to compare "
                    + "several, each measured in turn. One of:",
                    "  flowlab[:APPS]            this jar's controller, apps default learning-switch (flowlab:hub)",
                    "  ovs-testcontroller[:ARGS] Open vSwitch's C learning switch, run with -O OpenFlow13 "
                            + "(ovs-testcontroller:--noflow)",
                    "  os-ken:APP.py             os-ken's manager on Debian's python3 running APP.py",
                    "  cmd:COMMAND               any command, {port} replaced by the port "
                            + "('cmd:ryu-manager --ofp-tcp-listen-port {port} app.py')"})
    List<String> spawn = new ArrayList<>();

    @Option(names = {"-m", "--mode"}, split = ",", paramLabel = "MODE", defaultValue = "throughput",
            converter = ModeConverter.class,
            description = "throughput, latency, or both as throughput,latency: each controller is measured in each "
                    + "(default ${DEFAULT-VALUE}). Example: --mode latency")
    List<Mode> modes;

    @Option(names = {"-s", "--switches"}, paramLabel = "N", defaultValue = "16",
            description = "Emulated switches, one TCP connection each, dpids 1..N (default ${DEFAULT-VALUE}). Example: -s 32")
    int switches;

    @Option(names = {"-M", "--macs"}, paramLabel = "N", defaultValue = "1000",
            description = "Host MACs per switch the packet-ins cycle through (default ${DEFAULT-VALUE}). Example: -M 100000")
    int macs;

    @Option(names = "--ports", paramLabel = "N", defaultValue = "4",
            description = "Ports per switch the hosts are spread over (default ${DEFAULT-VALUE}). Example: --ports 48")
    int ports;

    @Option(names = {"-l", "--loops"}, paramLabel = "N", defaultValue = "20",
            description = "Loops per run, warm-up included (default ${DEFAULT-VALUE}). Example: --loops 20")
    int loops;

    @Option(names = "--loop-ms", paramLabel = "MS", defaultValue = "1000",
            description = "Length of one loop in milliseconds (default ${DEFAULT-VALUE}). Example: --loop-ms 500")
    long loopMillis;

    @Option(names = {"-w", "--warmup"}, paramLabel = "N", defaultValue = "10",
            description = "First loops printed but left out of min/median/max: a JVM controller needs seconds of load "
                    + "before its JIT has compiled the packet-in path (default ${DEFAULT-VALUE}). Example: --warmup 10")
    int warmup;

    @Option(names = "--handshake-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "How long the controller may take to finish the handshake with all switches (default ${DEFAULT-VALUE}).")
    int handshakeTimeoutSeconds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Event-loop threads of the generator; 1 leaves the other core to the controller on a 2-core "
                    + "machine (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--window", paramLabel = "N", defaultValue = "256",
            description = "Throughput mode: packet-ins in flight per switch, sent but not yet answered by a PACKET_OUT. "
                    + "Bounds the generator's and the kernel's buffers; larger lets the controller read bigger batches "
                    + "(default ${DEFAULT-VALUE}). Example: --window 1024")
    int window;

    @Option(names = "--pause-us", paramLabel = "MICROS", defaultValue = "100",
            description = "Throughput mode: the generator pauses this long before each round of reads and writes, "
                    + "so that it wakes up less often and handles bigger batches; 0 reacts at once at a higher CPU "
                    + "cost (default ${DEFAULT-VALUE}). Example: --pause-us 0")
    long pauseMicros;

    @Option(names = "--spawn-port", defaultValue = "0", paramLabel = "PORT",
            description = "TCP port on 127.0.0.1 for spawned controllers (default: a free one). Example: --spawn-port 16800")
    int spawnPort;

    @Option(names = "--spawn-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "How long a spawned controller may take to listen (default ${DEFAULT-VALUE}).")
    int spawnTimeoutSeconds;

    @Option(names = "--java-opt", paramLabel = "OPTION",
            description = "JVM option for a spawned flowlab, repeatable. Example: --java-opt=-Xmx1g")
    List<String> javaOptions = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results, loop by loop, as JSON to FILE. Example: --json /tmp/bench.json")
    Path json;

    @Override
    public Integer call() {
        LoadSettings settings = new LoadSettings(switches, macs, ports, Mode.THROUGHPUT, loops, warmup,
                Duration.ofMillis(loopMillis), Duration.ofSeconds(handshakeTimeoutSeconds), threads, window, Duration.ofNanos(pauseMicros * 1000));
        List<SpawnSpec> spawns = spawn.stream().map(SpawnSpec::parse).toList();
        boolean external = spawns.isEmpty() || spec.commandLine().getParseResult().hasMatchedOption("--controller");
        ControllerBench bench = new ControllerBench(settings, modes, external ? parseHostPort(controller) : null, spawns,
                spawnPort, javaOptions, Duration.ofSeconds(spawnTimeoutSeconds), json);
        return bench.run(spec.commandLine().getOut(), spec.commandLine().getErr()) ? 0 : 1;
    }

    static InetSocketAddress parseHostPort(String value) {
        int colon = value.lastIndexOf(':');
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (colon <= 0 || port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(value.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new BenchException("--controller takes HOST:PORT, e.g. 127.0.0.1:6653, not '" + value + "'");
        }
    }

    /** Accepts throughput/latency in any case, with a clear message otherwise. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            for (Mode mode : Mode.values()) {
                if (mode.label().equalsIgnoreCase(value.trim())) {
                    return mode;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a mode: use throughput or latency");
        }
    }
}
