package dev.flowlab.topologies;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Egress queues of one switch port (Open vSwitch QoS of type {@code linux-htb} with its Queue records),
 * so that flows can pick a queue with {@code set_queue:N}. Rates are in Mbit/s, like a link's {@code bw}.
 * Queue 0 is where frames go that no flow gave a queue. How much of this a datapath enforces differs:
 * the dataplane's README says what the userspace datapath does.
 *
 * @param switchName  the switch whose port it is
 * @param port        the OpenFlow port number, a port of one of the switch's links
 * @param maxRateMbit the whole port's rate (the htb root class), or null for Open vSwitch's default
 *                    (the link speed, 10 Gbit/s on a veth)
 * @param queues      the queues, each id once; at least one
 */
public record PortQos(String switchName, int port, Double maxRateMbit, List<Queue> queues) {
    /**
     * The highest queue id: Open vSwitch numbers htb classes after the queue ids and keeps
     * class 0xfffe for the root, so its {@code linux-htb} accepts ids below 0xf000.
     */
    public static final int MAX_QUEUE_ID = 0xefff;

    /**
     * One queue of a port. Either rate may be left out (null): then Open vSwitch uses the port's
     * rate as the maximum and a token minimum.
     *
     * @param id          the number {@code set_queue} names, 0..{@value PortQos#MAX_QUEUE_ID}
     * @param minRateMbit the rate it is guaranteed when the port is busy, or null
     * @param maxRateMbit the rate it never exceeds, or null
     */
    public record Queue(int id, Double minRateMbit, Double maxRateMbit) {
        public Queue {
            if (id < 0 || id > MAX_QUEUE_ID) {
                throw new TopologyException("queue id must be 0.." + MAX_QUEUE_ID + ", not " + id);
            }
            checkRate("queue " + id + " min_rate", minRateMbit);
            checkRate("queue " + id + " max_rate", maxRateMbit);
            if (minRateMbit != null && maxRateMbit != null && minRateMbit > maxRateMbit) {
                throw new TopologyException("queue " + id + ": min_rate " + number(minRateMbit)
                        + " is above its max_rate " + number(maxRateMbit));
            }
        }

        /** A queue capped at {@code maxMbit}. */
        public static Queue max(int id, double maxMbit) {
            return new Queue(id, null, maxMbit);
        }
    }

    public PortQos {
        Objects.requireNonNull(switchName, "switch");
        String label = label(switchName, port);
        if (port < 1) {
            throw new TopologyException(switchName, label + ": switch ports start at 1, not " + port);
        }
        try {
            checkRate("max_rate", maxRateMbit);
        } catch (TopologyException e) {
            throw new TopologyException(switchName, label + ": " + e.getMessage());
        }
        if (queues == null || queues.isEmpty()) {
            throw new TopologyException(switchName, label + ": give at least one queue, like "
                    + "queues: [{id: 0, max_rate: 50}]");
        }
        queues = List.copyOf(queues);
        Set<Integer> ids = new HashSet<>();
        for (Queue q : queues) {
            if (!ids.add(q.id())) {
                throw new TopologyException(switchName, label + ": queue " + q.id() + " is given twice");
            }
            for (Double r : new Double[] {q.minRateMbit(), q.maxRateMbit()}) {
                if (maxRateMbit != null && r != null && r > maxRateMbit) {
                    throw new TopologyException(switchName, label + ": queue " + q.id() + " asks for " + number(r)
                            + " Mbit/s, above the port's max_rate " + number(maxRateMbit));
                }
            }
        }
    }

    /** How errors name it: {@code qos on s1 port 2}. */
    public String label() {
        return label(switchName, port);
    }

    /** The switch port's interface name, {@code s1-eth2}. */
    public String interfaceName() {
        return Topology.interfaceName(switchName, port);
    }

    /** A copy on the switch renamed {@code prefix + name}. */
    PortQos renamed(String prefix) {
        return new PortQos(prefix + switchName, port, maxRateMbit, queues);
    }

    static String label(String switchName, int port) {
        return "qos on " + switchName + " port " + port;
    }

    private static void checkRate(String what, Double mbit) {
        if (mbit != null && !(mbit > 0 && Double.isFinite(mbit))) {
            throw new TopologyException(what + " must be > 0 Mbit/s, not " + mbit);
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
