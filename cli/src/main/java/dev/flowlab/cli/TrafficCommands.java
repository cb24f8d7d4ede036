package dev.flowlab.cli;

import dev.flowlab.cli.output.Console;
import dev.flowlab.cli.output.Step;
import dev.flowlab.cli.shell.CommandTable;
import dev.flowlab.cli.shell.CommandTable.Completes;
import dev.flowlab.cli.shell.HostNames;
import dev.flowlab.cli.shell.ShellException;
import dev.flowlab.cli.traffic.PingMatrixView;
import dev.flowlab.dataplane.DataplaneException;
import dev.flowlab.dataplane.IperfResult;
import dev.flowlab.dataplane.PingResult;
import dev.flowlab.lab.Lab;
import dev.flowlab.lab.traffic.LabHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Traffic between hosts: pingall, pingpair, iperf, and any command run inside a host. Each is the
 * dataplane's own operation on the lab's network; this class only words the results.
 */
final class TrafficCommands {
    static final int DEFAULT_IPERF_SECONDS = 2;
    /** Each ping's wait for its reply: room for ARP plus a reactive controller's first flow set-up under load. */
    static final Duration PING_WAIT = Duration.ofSeconds(3);
    /** Below this a TCP measurement means the path is broken, not slow. */
    private static final double MIN_MBITS = 0.01;

    private final Lab lab;
    private final Console console;

    TrafficCommands(Lab lab, Console console) {
        this.lab = lab;
        this.console = console;
    }

    void register(CommandTable table) {
        table.add("pingall", "pingall", "every host pings every other once: matrix and loss %", Completes.NOTHING,
                inv -> pingall());
        table.add("pingpair", "pingpair [HOST HOST]", "the first two hosts (or the two given) ping each other",
                Completes.HOSTS, inv -> pingpair(inv.words()));
        table.add("iperf", "iperf [CLIENT SERVER] [SECONDS]", "TCP throughput with iperf3 (default: first and last host, "
                + DEFAULT_IPERF_SECONDS + " s)", Completes.HOSTS, inv -> iperf(inv.words()));
    }

    /** Every host pings every other: prints the matrix and the loss line; true when every pair answered. */
    boolean pingall() {
        Step step = console.step("pingall");
        int sources = lab.hosts().size();
        return show(step, lab.network().pingAll(PING_WAIT, done -> step.progress(done + "/" + sources + " hosts done")));
    }

    private boolean pingpair(List<String> words) {
        List<LabHost> hosts = lab.hosts();
        if (!(words.size() == 2 || (words.isEmpty() && hosts.size() >= 2))) {
            throw new ShellException("usage: pingpair [HOST HOST] (and the network needs two hosts)");
        }
        LabHost a = words.isEmpty() ? hosts.get(0) : host(words.get(0));
        LabHost b = words.isEmpty() ? hosts.get(1) : host(words.get(1));
        if (a.equals(b)) {
            throw new ShellException("pingpair needs two different hosts");
        }
        return show(console.step("pingpair"), lab.network().pingPair(a.namespace(), b.namespace(), PING_WAIT));
    }

    private boolean show(Step step, PingResult result) {
        String summary = PingMatrixView.summary(result, console);
        if (result.allReached()) {
            step.done(summary);
        } else {
            step.fail(summary);
        }
        PingMatrixView.rows(result, lab::userName, console).forEach(row -> console.println("      " + row));
        return result.allReached();
    }

    /** Prints the throughput; true when iperf3 measured something. */
    boolean iperf(List<String> words) {
        List<LabHost> hosts = lab.hosts();
        if (hosts.size() < 2) {
            throw new ShellException("iperf needs two hosts; this network has " + hosts.size());
        }
        int seconds = DEFAULT_IPERF_SECONDS;
        List<String> names = words;
        if (!words.isEmpty() && words.get(words.size() - 1).matches("\\d+")) {
            seconds = Math.max(1, Integer.parseInt(words.get(words.size() - 1)));
            names = words.subList(0, words.size() - 1);
        }
        LabHost client = names.size() >= 1 ? host(names.get(0)) : hosts.get(0);
        LabHost server = names.size() >= 2 ? host(names.get(1)) : hosts.get(hosts.size() - 1);
        return iperf(client, server, seconds);
    }

    boolean iperf(LabHost client, LabHost server, int seconds) {
        Step step = console.step("iperf");
        String pair = client.name() + " -> " + server.name();
        step.progress(pair + ", " + seconds + " s");
        try {
            IperfResult r = lab.network().iperfTcp(client.namespace(), server.namespace(), Duration.ofSeconds(seconds));
            if (r.receivedMbits() < MIN_MBITS) {
                step.fail(pair + ": " + mbits(r.receivedMbits()) + ": almost nothing got through");
                return false;
            }
            step.done(pair + ": " + console.bold(mbits(r.receivedMbits())) + " (TCP, " + seconds + " s)");
            return true;
        } catch (DataplaneException | IllegalArgumentException e) {
            step.fail(pair + ": " + e.getMessage());
            return false;
        }
    }

    /** {@code 1534 Mbit/s}, with a decimal below 10 Mbit/s. */
    static String mbits(double value) {
        return value < 10 ? String.format("%.2f Mbit/s", value) : String.format("%.0f Mbit/s", value);
    }

    /**
     * Runs a command line inside a host through {@code sh -c}, host names replaced by their IPs, as
     * the host itself (its network and, with identities, its hostname); output streamed as it comes,
     * interrupting the thread (Ctrl-C) stops it.
     */
    boolean inHost(String hostName, String commandLine) throws InterruptedException {
        LabHost host = host(hostName);
        Map<String, String> ips = lab.hosts().stream().collect(Collectors.toMap(LabHost::name, LabHost::ip));
        return lab.network().host(host.namespace())
                .stream(console::println, "sh", "-c", HostNames.substitute(commandLine, ips)) == 0;
    }

    private LabHost host(String name) {
        return lab.host(name).orElseThrow(() -> new ShellException("no host named '" + name + "': hosts are "
                + lab.hosts().stream().map(LabHost::name).collect(Collectors.joining(" "))));
    }
}
