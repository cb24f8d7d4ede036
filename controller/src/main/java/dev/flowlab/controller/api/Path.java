package dev.flowlab.controller.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * A loop-free path between two switches: the links to follow, in order. A path from a switch to
 * itself has no links.
 *
 * @param src   the first switch
 * @param dst   the last switch
 * @param links each link's {@code dstDpid} is the next link's {@code srcDpid}
 */
public record Path(DatapathId src, DatapathId dst, List<Link> links) {
    public Path {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        links = List.copyOf(links);
        DatapathId at = src;
        for (Link l : links) {
            if (!l.srcDpid().equals(at)) {
                throw new IllegalArgumentException("link " + l + " does not continue the path at " + at);
            }
            at = l.dstDpid();
        }
        if (!at.equals(dst)) {
            throw new IllegalArgumentException("the links end at " + at + ", not at " + dst);
        }
    }

    /** The switches along the path, {@code src} first and {@code dst} last. */
    public List<DatapathId> switches() {
        List<DatapathId> result = new ArrayList<>(links.size() + 1);
        result.add(src);
        links.forEach(l -> result.add(l.dstDpid()));
        return result;
    }

    /** Number of links (0 when {@code src} is {@code dst}). */
    public int hops() {
        return links.size();
    }
}
