package dev.flowlab.dataplane;

import dev.flowlab.topologies.LinkParams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traffic shaping of links with tc, on both ends of each shaped veth: htb for bandwidth, netem for
 * delay/jitter/loss (below htb when both), pfifo for a queue limit. One {@code tc -batch} for the root
 * namespace and one per host that has a shaped interface.
 */
final class LinkShaping {
    private LinkShaping() {
    }

    static boolean anyShaped(Plan plan) {
        return plan.veths().stream().anyMatch(v -> !v.link().params().isNone());
    }

    static boolean needsNetem(Plan plan) {
        return plan.veths().stream().anyMatch(v -> v.link().params().needsNetem());
    }

    /** tc batch input per namespace (key null = root namespace). */
    static Map<String, String> batches(Plan plan) {
        Map<String, StringBuilder> byNamespace = new LinkedHashMap<>();
        for (Plan.Veth v : plan.veths()) {
            LinkParams p = v.link().params();
            if (p.isNone()) {
                continue;
            }
            for (Plan.End e : List.of(v.a(), v.b())) {
                StringBuilder b = byNamespace.computeIfAbsent(e.namespace(), k -> new StringBuilder());
                commands(e.ifname(), p).forEach(c -> b.append(c).append('\n'));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        byNamespace.forEach((ns, b) -> out.put(ns, b.toString()));
        return out;
    }

    /** The tc commands (without the leading {@code tc}) that shape one interface's egress. */
    static List<String> commands(String dev, LinkParams p) {
        List<String> cmds = new ArrayList<>();
        String parent = "root";
        if (p.bandwidthMbit() != null) {
            long kbit = Math.max(1, Math.round(p.bandwidthMbit() * 1000));
            cmds.add("qdisc add dev " + dev + " root handle 1: htb default 1");
            cmds.add("class add dev " + dev + " parent 1: classid 1:1 htb rate " + kbit + "kbit");
            parent = "parent 1:1";
        }
        if (p.needsNetem()) {
            StringBuilder netem = new StringBuilder("qdisc add dev " + dev + " " + parent + " handle 10: netem");
            if (p.delay() != null) {
                netem.append(" delay ").append(micros(p.delay()));
                if (p.jitter() != null) {
                    netem.append(' ').append(micros(p.jitter()));
                }
            }
            if (p.lossPercent() != null) {
                netem.append(" loss ").append(p.lossPercent()).append('%');
            }
            if (p.maxQueuePackets() != null) {
                netem.append(" limit ").append(p.maxQueuePackets());
            }
            cmds.add(netem.toString());
        } else if (p.maxQueuePackets() != null) {
            cmds.add("qdisc add dev " + dev + " " + parent + " handle 10: pfifo limit " + p.maxQueuePackets());
        }
        return cmds;
    }

    /** Runs the batches; returns nothing, throws on the first failure. */
    static void apply(Plan plan, Duration timeout, BuildProgress progress) {
        Map<String, String> batches = batches(plan);
        int done = 0;
        for (Map.Entry<String, String> b : batches.entrySet()) {
            List<String> argv = new ArrayList<>(List.of(Tools.path("tc")));
            if (b.getKey() != null) {
                argv.addAll(List.of("-n", b.getKey()));
            }
            argv.addAll(List.of("-batch", "-"));
            ProcessRunner.check(argv, b.getValue(), timeout);
            progress.update("link shaping", ++done, batches.size());
        }
    }

    private static String micros(Duration d) {
        return (d.toNanos() / 1000) + "us";
    }
}
