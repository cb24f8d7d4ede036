package dev.flowlab.cli;

import dev.flowlab.lab.Lab;
import dev.flowlab.cli.output.Console;
import dev.flowlab.cli.output.Step;
import dev.flowlab.cli.shell.CommandTable;
import dev.flowlab.cli.shell.CommandTable.Completes;
import dev.flowlab.cli.shell.HostNames;
import dev.flowlab.cli.shell.ShellException;
import dev.flowlab.lab.traffic.Iperf;
import dev.flowlab.lab.traffic.IperfResult;
import dev.flowlab.lab.traffic.LabHost;
import dev.flowlab.lab.traffic.Netns;
import dev.flowlab.lab.traffic.PingAll;
import dev.flowlab.lab.traffic.PingMatrix;
import dev.flowlab.cli.traffic.PingMatrixView;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Traffic between hosts: pingall, pingpair, iperf, and any command run inside a host. */
final class TrafficCommands {
    static final int DEFAULT_IPERF_SECONDS = 2;
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
                inv -> pingall("pingall", lab.hosts()));
        table.add("pingpair", "pingpair [HOST HOST]", "the first two hosts (or the two given) ping each other",
                Completes.HOSTS, inv -> pingall("pingpair", pair(inv.words())));
        table.add("iperf", "iperf [CLIENT SERVER] [SECONDS]", "TCP throughput with iperf3 (default: first and last host, "
                + DEFAULT_IPERF_SECONDS + " s)", Completes.HOSTS, inv -> iperf(inv.words()));
    }

    /** Prints the matrix and the loss line; true when every pair answered. */
    boolean pingall(String label, List<LabHost> hosts) throws InterruptedException {
        Step step = console.step(label);
        PingMatrix m = PingAll.run(hosts, done -> step.progress(done + "/" + hosts.size() + " hosts done"));
        if (m.allReached()) {
            step.done(PingMatrixView.summary(m, console));
        } else {
            step.fail(PingMatrixView.summary(m, console));
        }
        PingMatrixView.rows(m, console).forEach(row -> console.println("      " + row));
        return m.allReached();
    }

    /** Prints the throughput; true when iperf3 measured something. */
    boolean iperf(List<String> words) throws Exception {
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

    boolean iperf(LabHost client, LabHost server, int seconds) throws Exception {
        Step step = console.step("iperf");
        step.progress(client.name() + " -> " + server.name() + ", " + seconds + " s");
        try {
            IperfResult r = Iperf.measure(client, server, seconds);
            if (r.receivedMbits() < MIN_MBITS) {
                step.fail(client.name() + " -> " + server.name() + ": " + IperfResult.mbits(r.receivedMbits())
                        + ": almost nothing got through");
                return false;
            }
            step.done(client.name() + " -> " + server.name() + ": " + console.bold(IperfResult.mbits(r.receivedMbits()))
                    + " (TCP, " + seconds + " s)");
            return true;
        } catch (IllegalStateException e) {
            step.fail(client.name() + " -> " + server.name() + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Runs a command line inside a host through {@code sh -c}, host names replaced by their IPs,
     * output streamed as it comes; interrupting the thread (Ctrl-C) stops it.
     */
    boolean inHost(String hostName, String commandLine) throws Exception {
        LabHost host = host(hostName);
        Map<String, String> ips = lab.hosts().stream().collect(Collectors.toMap(LabHost::name, LabHost::ip));
        Process p = Netns.start(host.namespace(), List.of("sh", "-c", HostNames.substitute(commandLine, ips)));
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    console.println(line);
                }
            } catch (java.io.IOException ignored) {
                // The process ended or was stopped: nothing more to show.
            }
        }, "host-output");
        pump.start();
        try {
            int exit = p.waitFor();
            pump.join();
            return exit == 0;
        } catch (InterruptedException e) {
            Netns.stop(p);
            pump.join(1000);
            throw e;
        }
    }

    private List<LabHost> pair(List<String> words) {
        List<LabHost> hosts = lab.hosts();
        if (words.size() == 2) {
            return List.of(host(words.get(0)), host(words.get(1)));
        }
        if (!words.isEmpty() || hosts.size() < 2) {
            throw new ShellException("usage: pingpair [HOST HOST] (and the network needs two hosts)");
        }
        return hosts.subList(0, 2);
    }

    private LabHost host(String name) {
        return lab.host(name).orElseThrow(() -> new ShellException("no host named '" + name + "': hosts are "
                + lab.hosts().stream().map(LabHost::name).collect(Collectors.joining(" "))));
    }
}
