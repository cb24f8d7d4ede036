package dev.flowlab.apps.routing;

/**
 * The routing app's config file ({@code --app-config routing=FILE}); both options are off by default.
 *
 * <pre>
 * fast_failover: true   # each hop also gets a backup next hop, in a fast-failover group: a cut link is
 *                       # bypassed by the switch itself, before the controller hears of it
 * ecmp: false           # spread flows over every equal-cost next hop, with select groups (fat-tree)
 * </pre>
 *
 * The two exclude each other: a route is either one path with backups, or all the equal-cost ones.
 * Both need switches with groups (OpenFlow 1.1 to 1.4).
 */
public record RoutingConfig(Boolean fastFailover, Boolean ecmp) {
    static final RoutingConfig DEFAULTS = new RoutingConfig(false, false);

    public RoutingConfig {
        fastFailover = fastFailover != null && fastFailover;
        ecmp = ecmp != null && ecmp;
        if (fastFailover && ecmp) {
            throw new IllegalArgumentException("fast_failover and ecmp exclude each other; turn one of them off");
        }
    }

    /** Whether routes need groups on the switches. */
    boolean usesGroups() {
        return fastFailover || ecmp;
    }
}
