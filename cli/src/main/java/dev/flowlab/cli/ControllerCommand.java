package dev.flowlab.cli;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Switch;
import java.io.PrintWriter;
import dev.flowlab.controller.RestConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.projectfloodlight.openflow.types.DatapathId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowlab controller}: the controller alone, for any Open vSwitch, until Ctrl-C. */
@Command(name = "controller", mixinStandardHelpOptions = true,
        description = {"Run the OpenFlow 1.3 controller with the given apps until Ctrl-C (or SIGTERM).",
                "Point any Open vSwitch at it: a flowlab network, a bridge made by hand",
                "(ovs-vsctl set-controller br0 tcp:127.0.0.1:6653), or Mininet (mn --controller remote,port=6653)."})
public final class ControllerCommand implements Callable<Integer> {

    @Option(names = "--apps", split = ",", paramLabel = "APP", defaultValue = "learning-switch",
            description = "Apps to run (default: ${DEFAULT-VALUE}). An unknown name lists the known ones.")
    List<String> apps;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:6653",
            description = "Address to listen on for switches (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--rest", paramLabel = "HOST:PORT|PORT|off", defaultValue = "127.0.0.1:8080",
            description = "Where to serve the REST API (default: ${DEFAULT-VALUE}; off to switch it off).")
    String rest;

    @Option(names = "--rest-token", paramLabel = "TOKEN",
            description = "The REST API's bearer token (16+ characters); default: a random one, printed at start.")
    String restToken;

    @Option(names = "--app-config", paramLabel = "APP=FILE",
            description = "An app's config file (YAML or JSON), e.g. acl=rules.yaml or router=router.yaml; repeatable.")
    List<String> appConfigs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        InetSocketAddress address = listenAddress(listen);
        PrintWriter out = spec.commandLine().getOut();
        ControllerConfig config = ControllerConfig.builder().apps(apps).listen(address.getHostString(), address.getPort())
                .rest(RestConfig.parse(rest, restToken)).appConfigs(AppConfigs.parse(appConfigs, apps)).build();
        Controller controller = Controller.start(config, List.of(new SwitchPrinter(out)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            controller.close();
            out.println("controller stopped");
            out.flush();
            stopped.countDown();
        }, "flowlab-controller-stop"));
        out.printf("controller listening on %s:%d with apps %s (Ctrl-C to stop)%n",
                controller.address().getHostString(), controller.address().getPort(), String.join(", ", apps));
        controller.restAccess().ifPresent(a -> {
            out.println("REST API on " + a.baseUrl() + "/api");
            out.println(RestBanner.token(a));
        });
        out.flush();
        stopped.await();
        return 0;
    }

    /** {@code HOST:PORT}, {@code [IPv6]:PORT}, or {@code PORT} alone (on 127.0.0.1). */
    static InetSocketAddress listenAddress(String value) {
        String host = ControllerConfig.DEFAULT_HOST;
        String port = value;
        int colon = value.lastIndexOf(':');
        if (colon >= 0) {
            host = value.substring(0, colon).replaceAll("^\\[(.*)]$", "$1");
            port = value.substring(colon + 1);
        }
        try {
            int number = Integer.parseInt(port);
            if (host.isEmpty() || number < 0 || number > 65535) {
                throw new NumberFormatException();
            }
            return InetSocketAddress.createUnresolved(host, number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen '" + value + "' is not HOST:PORT; for example 127.0.0.1:6653");
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

        private void print(String line) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
