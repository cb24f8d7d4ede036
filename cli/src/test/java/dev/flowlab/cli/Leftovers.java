package dev.flowlab.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What a test left on the machine: namespaces, OVS bridges and veths whose name starts with a prefix. */
public final class Leftovers {
    private Leftovers() {
    }

    /** Namespaces, bridges and veths on this machine whose name starts with {@code prefix}. */
    public static List<String> named(String prefix) {
        List<String> found = new ArrayList<>();
        for (String line : run("ip", "netns", "list").split("\n")) {
            String name = line.split(" ")[0];
            if (name.startsWith(prefix)) {
                found.add("netns " + name);
            }
        }
        for (String br : run("ovs-vsctl", "list-br").split("\n")) {
            if (br.startsWith(prefix)) {
                found.add("bridge " + br);
            }
        }
        for (String line : run("ip", "-o", "link", "show", "type", "veth").split("\n")) {
            String[] f = line.split(": ");
            if (f.length > 1 && f[1].startsWith(prefix)) {
                found.add("veth " + f[1].split("@")[0]);
            }
        }
        return found;
    }

    private static String run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
