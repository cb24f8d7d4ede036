package dev.flowlab.bench.controller;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A controller the bench starts as its child, parsed from a {@code --spawn} value:
 * <ul>
 *   <li>{@code flowlab[:APPS]} this jar's {@code controller --apps APPS} (default learning-switch)</li>
 *   <li>{@code ovs-testcontroller[:ARGS]} Open vSwitch's C test controller, OpenFlow 1.3 only</li>
 *   <li>{@code os-ken:APP.py} os-ken's manager (Debian's python3) running the given app file</li>
 *   <li>{@code cmd:COMMAND} any command, split at spaces, {@code {port}} replaced by the port</li>
 * </ul>
 *
 * @param label   the controller's name in the output
 * @param kind    flowlab, ovs-testcontroller, os-ken or cmd
 * @param argument what follows the colon, or empty
 */
public record SpawnSpec(String label, String kind, String argument) {
    static final String OS_KEN_PYTHON = "/usr/bin/python3";
    static final String USAGE = "--spawn takes flowlab[:APPS], ovs-testcontroller[:ARGS], os-ken:APP.py or cmd:COMMAND";

    public static SpawnSpec parse(String value) {
        int colon = value.indexOf(':');
        String kind = colon < 0 ? value : value.substring(0, colon);
        String argument = colon < 0 ? "" : value.substring(colon + 1).trim();
        switch (kind) {
            case "flowlab":
                return new SpawnSpec(argument.isEmpty() ? "flowlab" : "flowlab:" + argument, kind, argument);
            case "ovs-testcontroller":
                return new SpawnSpec(argument.isEmpty() ? kind : kind + " " + argument, kind, argument);
            case "os-ken":
                if (argument.isEmpty()) {
                    throw new BenchException("--spawn os-ken needs the app to run: --spawn os-ken:/path/to/simple_switch_13.py");
                }
                return new SpawnSpec("os-ken:" + Path.of(argument).getFileName(), kind, argument);
            case "cmd":
                if (argument.isEmpty() || !argument.contains("{port}")) {
                    throw new BenchException("--spawn cmd:COMMAND needs a command with {port} where the listening port goes, e.g. "
                            + "--spawn 'cmd:ovs-testcontroller -O OpenFlow13 ptcp:{port}:127.0.0.1'");
                }
                return new SpawnSpec(Path.of(argument.split("\\s+")[0]).getFileName().toString(), kind, argument);
            default:
                throw new BenchException("unknown controller '" + value + "' for --spawn: " + USAGE);
        }
    }

    /** The command line that starts this controller listening on 127.0.0.1:{@code port}. */
    List<String> command(int port, List<String> javaOptions) {
        switch (kind) {
            case "flowlab":
                List<String> java = new ArrayList<>(SelfLauncher.javaCommand(javaOptions));
                // --rest off: the REST default port (8080) may be taken, by another controller or another
                // bench run; the benchmark needs only the OpenFlow port it chose.
                java.addAll(List.of("controller", "--apps", argument.isEmpty() ? "learning-switch" : argument,
                        "--listen", "127.0.0.1:" + port, "--rest", "off"));
                return java;
            case "ovs-testcontroller":
                requireOnPath("ovs-testcontroller", "apt-get install openvswitch-testcontroller");
                List<String> ovs = new ArrayList<>(List.of("ovs-testcontroller", "-O", "OpenFlow13"));
                if (!argument.isEmpty()) {
                    ovs.addAll(Arrays.asList(argument.split("\\s+")));
                }
                ovs.add("ptcp:" + port + ":127.0.0.1");
                return ovs;
            case "os-ken":
                if (!Files.isRegularFile(Path.of(argument))) {
                    throw new BenchException("os-ken app file " + argument + " does not exist: give the path of a Ryu-style app (.py)");
                }
                return List.of(OS_KEN_PYTHON, "-m", "os_ken.cmd.manager", "--ofp-listen-host", "127.0.0.1",
                        "--ofp-tcp-listen-port", String.valueOf(port), argument);
            default:
                return Arrays.asList(argument.replace("{port}", String.valueOf(port)).split("\\s+"));
        }
    }

    private static void requireOnPath(String program, String fix) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        throw new BenchException(program + " is not installed (not on PATH): " + fix);
    }
}
