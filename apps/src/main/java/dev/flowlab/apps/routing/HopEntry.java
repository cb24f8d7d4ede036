package dev.flowlab.apps.routing;

import java.util.List;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * What one switch does with one leg's frames, before group ids are known: frames from {@code src} to
 * {@code dst} (coming in on {@code inPort}, when it is given) go out of one port, or to a group.
 *
 * @param inPort   null to match any in-port
 * @param priority {@link PathFlows#PRIORITY}, or below it for a backup path's entries
 */
record HopEntry(DatapathId dpid, OFPort inPort, int priority, Next next) {

    /** Where the frames go. */
    sealed interface Next permits Output, Group {
    }

    /** Out of one port. */
    record Output(OFPort port) implements Next {
    }

    /** To a group with these buckets (the same buckets on a switch share one group). */
    record Group(OFGroupType type, List<OFBucket> buckets) implements Next {
    }
}
