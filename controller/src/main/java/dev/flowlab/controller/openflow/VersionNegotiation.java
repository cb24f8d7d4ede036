package dev.flowlab.controller.openflow;

import dev.flowlab.controller.api.OpenFlowVersions;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFHello;
import org.projectfloodlight.openflow.protocol.OFHelloElem;
import org.projectfloodlight.openflow.protocol.OFHelloElemVersionbitmap;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.U32;

/**
 * Which OpenFlow version a connection speaks (spec 1.3.1+ section 6.3.1, and 1.0's "the smaller
 * of the two"). We offer 1.0, 1.3, 1.4 and 1.5: a HELLO in our highest version carrying a bitmap of
 * all four ({@link OpenFlowVersions#SPOKEN}). When the switch's HELLO has a bitmap too, the highest
 * version in both wins; without one, the smaller of the two header versions does, and it must be one
 * we speak.
 */
final class VersionNegotiation {
    /** The version a connection agreed on, set when the switch's HELLO came (the keep-alive speaks it too). */
    static final AttributeKey<OFVersion> AGREED = AttributeKey.valueOf("flowlab.ofversion");
    static final Set<OFVersion> SPOKEN = OpenFlowVersions.SPOKEN;
    /** Said in refusals and logs. */
    static final String SPOKEN_NAMES = "OpenFlow 1.0, 1.3, 1.4 and 1.5";
    private static final OFVersion HIGHEST = OFVersion.OF_15;
    private static final long BITMAP = bitmap(SPOKEN);

    private VersionNegotiation() {
    }

    /** Our HELLO: the highest version we speak in the header, every version we speak in the bitmap. */
    static OFHello ourHello() {
        OFFactory of = OFFactories.getFactory(HIGHEST);
        OFHelloElem versions = of.buildHelloElemVersionbitmap().setBitmaps(List.of(U32.of(BITMAP))).build();
        return of.buildHello().setElements(List.of(versions)).build();
    }

    /** The version both sides speak, or empty when there is none (the switch gets HELLO_FAILED). */
    static Optional<OFVersion> agree(OFHello theirs) {
        Optional<Long> bitmap = bitmapOf(theirs);
        if (bitmap.isPresent()) {
            long common = bitmap.get() & BITMAP;
            return common == 0 ? Optional.empty() : Optional.of(versionOf(63 - Long.numberOfLeadingZeros(common)));
        }
        OFVersion lower = theirs.getVersion().compareTo(HIGHEST) < 0 ? theirs.getVersion() : HIGHEST;
        return SPOKEN.contains(lower) ? Optional.of(lower) : Optional.empty();
    }

    /** What a HELLO offers, for a refusal's log line: its bitmap's versions, or its header's version. */
    static String offered(OFHello hello) {
        Optional<Long> bitmap = bitmapOf(hello);
        if (bitmap.isEmpty()) {
            return name(hello.getVersion());
        }
        List<String> names = new ArrayList<>();
        for (int wire = 1; wire < 32; wire++) {
            if ((bitmap.get() & (1L << wire)) != 0) {
                names.add(known(wire) ? name(versionOf(wire)) : "wire version " + wire);
            }
        }
        return String.join(", ", names);
    }

    /** The first 32 versions of the peer's version bitmap, if its HELLO has one (OpenFlow 1.3.1+). */
    private static Optional<Long> bitmapOf(OFHello hello) {
        if (hello.getVersion().compareTo(OFVersion.OF_13) < 0) {   // elements came with 1.3 (openflowj refuses to ask)
            return Optional.empty();
        }
        for (OFHelloElem element : hello.getElements()) {
            if (element instanceof OFHelloElemVersionbitmap versions && !versions.getBitmaps().isEmpty()) {
                return Optional.of(versions.getBitmaps().get(0).getValue());
            }
        }
        return Optional.empty();
    }

    private static long bitmap(Set<OFVersion> versions) {
        long bits = 0;
        for (OFVersion v : versions) {
            bits |= 1L << v.getWireVersion();
        }
        return bits;
    }

    /** The openflowj version of a wire version openflowj knows (1..6). */
    static OFVersion versionOf(int wire) {
        for (OFVersion v : OFVersion.values()) {
            if (v.getWireVersion() == wire) {
                return v;
            }
        }
        throw new IllegalArgumentException("no OpenFlow version " + wire);
    }

    /** Whether openflowj can write a message in this wire version (so a refusal can be read by the peer). */
    static boolean known(int wire) {
        return wire >= 1 && wire <= HIGHEST.getWireVersion();
    }

    /** OF_10 -> "OpenFlow 1.0". */
    static String name(OFVersion version) {
        return OpenFlowVersions.name(version);
    }
}
