package dev.flowlab.bench.dataplane;

/**
 * One measured run of one topology by one tool: seconds to build, to get the first ping from the first
 * host to the last answered (NaN when none came within the limit), to tear down, and memory per host.
 */
public record DataplaneRun(String tool, String spec, int hosts, double build, double ping, double teardown,
                           double kibPerHost, String load) {
    /** Build, first ping and teardown: the wall time of the whole command a user runs. */
    public double total() {
        return build + ping + teardown;
    }

    /** Whether the last host answered the first one. */
    public boolean answered() {
        return !Double.isNaN(ping);
    }
}
