package dev.flowlab.controller.core;

import java.util.concurrent.atomic.LongAdder;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFType;

/**
 * Messages exchanged with one switch since the controller started (kept across reconnects), for
 * the REST counters. Counting costs one uncontended add per message.
 */
public final class SwitchCounters {
    private final LongAdder packetIns = new LongAdder();
    private final LongAdder flowMods = new LongAdder();
    private final LongAdder packetOuts = new LongAdder();
    private final LongAdder errors = new LongAdder();

    /** The switch sent a packet-in. */
    public void packetIn() {
        packetIns.increment();
    }

    /** The switch sent an error message. */
    public void error() {
        errors.increment();
    }

    /** We sent {@code message} to the switch. */
    public void sent(OFMessage message) {
        OFType type = message.getType();
        if (type == OFType.FLOW_MOD) {
            flowMods.increment();
        } else if (type == OFType.PACKET_OUT) {
            packetOuts.increment();
        }
    }

    public long packetIns() {
        return packetIns.sum();
    }

    public long flowMods() {
        return flowMods.sum();
    }

    public long packetOuts() {
        return packetOuts.sum();
    }

    public long errors() {
        return errors.sum();
    }
}
