package dev.flowlab.controller.api;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFMeterFlags;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBand;

/**
 * The meters one app owns on each switch ({@link AppContext#meters()}); ids, owners and confirmed
 * changes as in {@link GroupTable}. Meters need OpenFlow 1.3 or later: on an older switch every method
 * throws {@link UnsupportedOperationException} at once, and nothing is sent.
 */
public interface MeterTable {

    /**
     * Adds a meter with the lowest id free on the switch; completes with that id.
     *
     * @param flags {@code KBPS} or {@code PKTPS}, plus {@code BURST} to use the bands' burst sizes and
     *              {@code STATS} for counters
     * @param bands made with {@link Meters}
     */
    CompletableFuture<Long> add(Switch sw, Set<OFMeterFlags> flags, List<OFMeterBand> bands);

    /**
     * Replaces flags and bands of one of this owner's meters.
     *
     * @throws IllegalArgumentException when the meter is not this owner's
     */
    CompletableFuture<Void> modify(Switch sw, long meterId, Set<OFMeterFlags> flags, List<OFMeterBand> bands);

    /**
     * Deletes one of this owner's meters; the switch also deletes the flows that use it.
     *
     * @throws IllegalArgumentException when the meter is not this owner's
     */
    CompletableFuture<Void> delete(Switch sw, long meterId);

    /** Deletes every meter of this owner on the switch; completes with how many there were. */
    CompletableFuture<Integer> deleteAll(Switch sw);

    /** The ids of this owner's meters on the switch, at the moment of the call. */
    Set<Long> ids(Switch sw);
}
