package dev.flowlab.cli;

import dev.flowlab.cluster.ClusterMastership;
import dev.flowlab.cluster.ClusterMember;
import dev.flowlab.cluster.ClusterSpec;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.openflow.TlsFiles;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.lab.ControllerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.projectfloodlight.openflow.types.DatapathId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowlab controller}: the controller alone, for any Open vSwitch, until Ctrl-C. */
@Command(name = "controller", mixinStandardHelpOptions = true, defaultValueProvider = ControllerCommand.Defaults.class,
        description = {"Run the OpenFlow controller (1.0, 1.3, 1.4, 1.5) with the given apps until Ctrl-C (or SIGTERM).",
                "Point any Open vSwitch at it: a flowlab network, a bridge made by hand",
                "(ovs-vsctl set-controller br0 tcp:127.0.0.1:6653), or Mininet (mn --controller remote,port=6653).",
                "With --cluster it is one member of a cluster of controllers: start each member with the same list."})
public final class ControllerCommand implements Callable<Integer> {

    @Mixin
    AppsOption apps;

    @Mixin
    ListenOption listen;

    @Mixin
    ServiceOptions services;

    @Mixin
    ClusterOptions cluster;

    @CommandLine.Option(names = "--await-go", hidden = true,
            description = "do nothing until the line 'go' arrives on stdin; exit if stdin ends first")
    boolean awaitGo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        // flowlab run --controllers N records each member (pid, start time) and then says go: a run killed in between
        // closes this pipe, and a member it could not record must not run on where flowlab clean cannot find it.
        if (awaitGo && !ControllerProcess.GO.equals(new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.US_ASCII)).readLine())) {
            spec.commandLine().getErr().println("flowlab controller: not started: the run that started it ended first");
            return 1;
        }
        InetSocketAddress address = listen.address();
        PrintWriter out = spec.commandLine().getOut();
        List<String> appIds = apps.given();
        TlsFiles tls = listen.tls();
        ControllerConfig.Builder builder = ControllerConfig.builder().apps(appIds).listen(address.getHostString(), address.getPort())
                .tls(tls).rest(services.rest()).appConfigs(services.appConfigs(appIds))
                .openflowCapture(services.openflowCapture())
                .listenWhenWarm(true);   // nothing else in this JVM to overlap the warm-up with: switches get a warm one
        SwitchPrinter printer = new SwitchPrinter(out);
        ClusterSpec spec = cluster.spec();
        ClusterMember member = spec == null ? null : ClusterMember.start(spec, tls);   // ssl: -> Raft over TLS too
        if (member != null) {
            builder.mastership(new ClusterMastership(member)).configStore(member.store());
            member.onRoleChange((role, generation) -> printer.print("cluster member " + member.id() + " is " + role
                    + " (generation " + generation + ")"));
            out.printf("cluster member %s of %s, Raft on %s%s, log in %s%n", member.id(), spec.members(),
                    tls != null ? "ssl:" : "", spec.selfAddress().hostPort(), spec.storage());
        }
        ControllerConfig config = builder.build();
        Controller controller;
        try {
            controller = Controller.start(config, List.of(printer));
        } catch (RuntimeException e) {
            if (member != null) {
                member.close();
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            controller.close();
            if (member != null) {
                member.close();
            }
            out.println("controller stopped");
            out.flush();
            stopped.countDown();
        }, "flowlab-controller-stop"));
        out.printf("controller listening on %s%s:%d with apps %s (Ctrl-C to stop)%n", config.tls() != null ? "ssl:" : "",
                controller.address().getHostString(), controller.address().getPort(), String.join(", ", appIds));
        controller.restAccess().ifPresent(a -> {
            out.println("REST API on " + a.baseUrl() + "/api");
            out.println(RestBanner.token(a));
        });
        out.flush();
        stopped.await();
        return 0;
    }

    /** The REST API is on by default here: a controller alone is driven through it. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            return arg.isOption() && ((CommandLine.Model.OptionSpec) arg).longestName().equals(ServiceOptions.REST)
                    ? "127.0.0.1:" + RestConfig.DEFAULT_PORT : null;
        }
    }

    /** Prints a line when a switch comes up or goes down: what a user watches for. */
    private static final class SwitchPrinter implements App {
        private final PrintWriter out;

        SwitchPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public int order() {
            return Integer.MIN_VALUE;
        }

        @Override
        public void onSwitchUp(Switch sw) {
            print("switch " + sw.id() + " up from " + sw.remoteAddress().getHostString() + ":" + sw.remoteAddress().getPort()
                    + " with " + sw.ports().size() + " ports");
        }

        @Override
        public void onSwitchDown(DatapathId dpid) {
            print("switch " + dpid + " down");
        }

        /**
         * Up and down events come on the controller's I/O threads; a terminal that is slow (or stopped
         * with Ctrl-S) must not hold them, so a thread of the printer's own does the writing, in order.
         */
        private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flowlab-switch-printer");
            t.setDaemon(true);
            return t;
        });

        private void print(String line) {
            writer.execute(() -> {
                out.println(line);
                out.flush();
            });
        }

        @Override
        public void stop() {
            writer.shutdown();   // the lines already queued are still written
            try {
                writer.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
