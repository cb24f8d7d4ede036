package dev.flowlab.topologies;

import java.nio.file.Path;

/** What the CLI's {@code --topo SPEC|FILE} accepts: a spec string like {@code tree,2,3} or a topology file path. */
public final class TopologySource {
    private TopologySource() {
    }

    /**
     * Loads {@code specOrPath}: a path (it has a {@code /} or ends in {@code .yaml}, {@code .yml} or
     * {@code .json}) is read with {@link TopologyFiles#read}; anything else is parsed by {@link TopologySpec#parse}.
     */
    public static Topology load(String specOrPath) {
        if (specOrPath == null || specOrPath.isBlank()) {
            throw new TopologyException("no topology given: use a spec (" + TopologySpec.validForms()
                    + ") or a .yaml/.yml/.json file");
        }
        String s = specOrPath.trim();
        if (isPath(s)) {
            return TopologyFiles.read(Path.of(s));
        }
        try {
            return TopologySpec.parse(s);
        } catch (TopologyException e) {
            throw new TopologyException(e.getMessage() + "; or give a .yaml/.yml/.json topology file");
        }
    }

    private static boolean isPath(String s) {
        return s.contains("/") || s.contains("\\") || TopologyFiles.hasTopologyExtension(s);
    }
}
