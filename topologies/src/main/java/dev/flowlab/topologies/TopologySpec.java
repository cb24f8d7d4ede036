package dev.flowlab.topologies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses Mininet-style topology specs ({@code mn --topo tree,depth=2,fanout=3}) into a {@link Topology}.
 * Arguments go by position or by name, and omitted ones take Mininet's defaults. The forms:
 * <pre>
 * minimal
 * single[,HOSTS]                       (single,k=3)
 * reversed[,HOSTS]                     (reversed,k=3)
 * linear[,SWITCHES[,HOSTS_PER_SWITCH]] (linear,k=4,n=2)
 * tree[,DEPTH[,FANOUT]]                (tree,depth=2,fanout=3)
 * torus,X,Y[,HOSTS_PER_SWITCH]         (torus,x=3,y=3,n=1)
 * ring[,SWITCHES]                      (ring,n=5)
 * mesh[,SWITCHES]                      (mesh,n=4)
 * fat-tree[,K]                         (fat-tree,k=4; also fattree)
 * </pre>
 * Named arguments also accept the long names shown in capitals ({@code linear,switches=4,hosts_per_switch=2}).
 */
public final class TopologySpec {
    /** A parameter: its name in usage text, the names it may be given by, and its default (null = required). */
    private record Param(String usage, List<String> names, Integer fallback) {
    }

    private record Form(List<String> names, List<Param> params, Function<int[], Topology> make) {
        String usage() {
            StringBuilder s = new StringBuilder(names.get(0));
            int optional = 0;
            for (Param p : params) {
                boolean opt = p.fallback() != null;
                s.append(opt ? "[," : ",").append(p.usage());
                optional += opt ? 1 : 0;
            }
            return s.append("]".repeat(optional)).toString();
        }
    }

    private static final Param HOSTS = new Param("HOSTS", List.of("k", "hosts"), 2);
    private static final List<Form> FORMS = List.of(
            new Form(List.of("minimal"), List.of(), a -> Topologies.minimal()),
            new Form(List.of("single"), List.of(HOSTS), a -> Topologies.single(a[0])),
            new Form(List.of("reversed"), List.of(HOSTS), a -> Topologies.reversed(a[0])),
            new Form(List.of("linear"), List.of(new Param("SWITCHES", List.of("k", "switches"), 2),
                    new Param("HOSTS_PER_SWITCH", List.of("n", "hosts_per_switch"), 1)),
                    a -> Topologies.linear(a[0], a[1])),
            new Form(List.of("tree"), List.of(new Param("DEPTH", List.of("depth"), 1),
                    new Param("FANOUT", List.of("fanout"), 2)), a -> Topologies.tree(a[0], a[1])),
            new Form(List.of("torus"), List.of(new Param("X", List.of("x"), null), new Param("Y", List.of("y"), null),
                    new Param("HOSTS_PER_SWITCH", List.of("n", "hosts_per_switch"), 1)),
                    a -> Topologies.torus(a[0], a[1], a[2])),
            new Form(List.of("ring"), List.of(new Param("SWITCHES", List.of("n", "switches"), 3)),
                    a -> Topologies.ring(a[0])),
            new Form(List.of("mesh"), List.of(new Param("SWITCHES", List.of("n", "switches"), 3)),
                    a -> Topologies.mesh(a[0])),
            new Form(List.of("fat-tree", "fattree", "fat_tree"), List.of(new Param("K", List.of("k"), 4)),
                    a -> Topologies.fatTree(a[0])));

    private TopologySpec() {
    }

    /** The topology a spec like {@code tree,2,3} describes; a bad spec throws naming the fault and the valid forms. */
    public static Topology parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw bad(spec, "it is empty");
        }
        String[] parts = spec.split(",", -1);
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        Form form = FORMS.stream().filter(f -> f.names().contains(name)).findFirst()
                .orElseThrow(() -> bad(spec, "unknown topology '" + parts[0].trim() + "'"));
        int[] values = arguments(spec, form, parts);
        try {
            return form.make().apply(values);
        } catch (TopologyException e) {
            throw bad(spec, e.getMessage());
        }
    }

    /** The valid forms, one line: {@code minimal | single[,HOSTS] | ...}. */
    public static String validForms() {
        return String.join(" | ", FORMS.stream().map(Form::usage).toList())
                + " (arguments by position or name, e.g. tree,depth=2,fanout=3)";
    }

    private static int[] arguments(String spec, Form form, String[] parts) {
        Map<Param, Integer> given = new LinkedHashMap<>();
        boolean named = false;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            Param param;
            if (eq < 0) {
                if (named) {
                    throw bad(spec, "positional argument '" + part + "' after a named one");
                }
                if (i > form.params().size()) {
                    throw bad(spec, form.names().get(0) + " takes at most " + form.params().size() + " arguments");
                }
                param = form.params().get(i - 1);
            } else {
                named = true;
                String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                param = form.params().stream().filter(p -> p.names().contains(key)).findFirst()
                        .orElseThrow(() -> bad(spec, form.names().get(0) + " has no argument '" + key + "'"));
                part = part.substring(eq + 1).trim();
            }
            if (given.put(param, number(spec, param, part)) != null) {
                throw bad(spec, param.usage() + " is given twice");
            }
        }
        int[] values = new int[form.params().size()];
        for (int i = 0; i < values.length; i++) {
            Param p = form.params().get(i);
            Integer v = given.getOrDefault(p, p.fallback());
            if (v == null) {
                throw bad(spec, form.names().get(0) + " needs " + p.usage());
            }
            values[i] = v;
        }
        return values;
    }

    private static int number(String spec, Param param, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad(spec, param.usage() + " must be a whole number, not '" + text + "'");
        }
    }

    private static TopologyException bad(String spec, String problem) {
        return new TopologyException("bad topology spec '" + spec + "': " + problem + "; valid forms: " + validForms());
    }
}
