package dev.flowlab.controller.api;

import java.util.Objects;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * A directed link between two switches, as link discovery saw it: an LLDP frame sent out of
 * {@code srcPort} of {@code srcDpid} came in on {@code dstPort} of {@code dstDpid}. A working cable
 * shows up as two links, one per direction.
 *
 * @param srcDpid the switch the frame left
 * @param srcPort the port it left by
 * @param dstDpid the switch it reached
 * @param dstPort the port it came in on
 */
public record Link(DatapathId srcDpid, OFPort srcPort, DatapathId dstDpid, OFPort dstPort) {
    public Link {
        Objects.requireNonNull(srcDpid, "srcDpid");
        Objects.requireNonNull(srcPort, "srcPort");
        Objects.requireNonNull(dstDpid, "dstDpid");
        Objects.requireNonNull(dstPort, "dstPort");
    }

    /** The sending end. */
    public SwitchPort src() {
        return new SwitchPort(srcDpid, srcPort);
    }

    /** The receiving end. */
    public SwitchPort dst() {
        return new SwitchPort(dstDpid, dstPort);
    }

    /** The same cable in the other direction. */
    public Link reversed() {
        return new Link(dstDpid, dstPort, srcDpid, srcPort);
    }

    /** Whether {@code end} is either end of this link. */
    public boolean touches(SwitchPort end) {
        return end.equals(src()) || end.equals(dst());
    }

    @Override
    public String toString() {
        return src() + " -> " + dst();
    }
}
