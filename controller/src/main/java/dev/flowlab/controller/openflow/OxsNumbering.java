package dev.flowlab.controller.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * OpenFlow 1.5 carries a flow's counters as OXS statistics, numbered by the spec (and Open vSwitch)
 * duration 0, idle_time 1, flow_count 3, packet_count 4, byte_count 5. openflowj 3.6 numbers the last
 * three 2, 3, 4: it reads Open vSwitch's packet count as the byte count and fails on the byte count,
 * which would close the connection at the first flow stats reply. This copy of a 1.5 FLOW_REMOVED or
 * flow stats reply renumbers those fields the way openflowj reads them, so its getters mean what they
 * say. Everything else passes through untouched.
 */
final class OxsNumbering {
    private static final int VERSION_15 = 6;
    private static final int TYPE_FLOW_REMOVED = 11;
    private static final int TYPE_MULTIPART_REPLY = 19;
    private static final int MULTIPART_FLOW_DESC = 1;
    private static final int OXS_CLASS_OPENFLOW_BASIC = 0x8002;
    private static final int FLOW_REMOVED_MATCH_AT = 24;   // header, cookie, priority, reason, table, timeouts
    private static final int FLOW_ENTRY_MATCH_AT = 24;      // length, pad, table, pad, priority, timeouts, flags, importance, cookie
    private static final int MULTIPART_BODY_AT = 16;

    private OxsNumbering() {
    }

    /** Whether a message of this wire version and type may hold OXS statistics to renumber. */
    static boolean applies(int wireVersion, int type) {
        return wireVersion == VERSION_15 && (type == TYPE_FLOW_REMOVED || type == TYPE_MULTIPART_REPLY);
    }

    /**
     * The message at {@code start} ({@code length} bytes) with its OXS statistics renumbered for openflowj:
     * a copy, or the slice itself when it holds none. A structure that does not add up is left as it is, for
     * openflowj to reject.
     */
    static ByteBuf forOpenflowj(ByteBuf in, int start, int length) {
        ByteBuf message = in.slice(start, length);
        int type = message.getUnsignedByte(1);
        if (type == TYPE_FLOW_REMOVED) {
            ByteBuf copy = Unpooled.copiedBuffer(message);   // on the heap: no release to forget
            renumberStatsAfterMatch(copy, FLOW_REMOVED_MATCH_AT, length);
            return copy;
        }
        if (length < MULTIPART_BODY_AT || message.getUnsignedShort(8) != MULTIPART_FLOW_DESC) {
            return message;
        }
        ByteBuf copy = Unpooled.copiedBuffer(message);   // on the heap: no release to forget
        int entry = MULTIPART_BODY_AT;
        while (entry + FLOW_ENTRY_MATCH_AT + 4 <= length) {
            int entryLength = copy.getUnsignedShort(entry);
            if (entryLength < FLOW_ENTRY_MATCH_AT || entry + entryLength > length) {
                break;
            }
            renumberStatsAfterMatch(copy, entry + FLOW_ENTRY_MATCH_AT, entry + entryLength);
            entry += entryLength;
        }
        return copy;
    }

    /** The match at {@code matchAt} (padded to 8 bytes) is followed by the statistics; both end before {@code end}. */
    private static void renumberStatsAfterMatch(ByteBuf buf, int matchAt, int end) {
        if (matchAt + 4 > end) {
            return;
        }
        int statsAt = matchAt + padded(buf.getUnsignedShort(matchAt + 2));
        if (statsAt + 4 > end) {
            return;
        }
        int statsEnd = Math.min(end, statsAt + buf.getUnsignedShort(statsAt + 2));
        int field = statsAt + 4;
        while (field + 4 <= statsEnd) {
            int fieldAndMask = buf.getUnsignedByte(field + 2);
            int number = fieldAndMask >>> 1;
            if (buf.getUnsignedShort(field) == OXS_CLASS_OPENFLOW_BASIC && number >= 3 && number <= 5) {
                buf.setByte(field + 2, ((number - 1) << 1) | (fieldAndMask & 1));
            }
            field += 4 + buf.getUnsignedByte(field + 3);
        }
    }

    private static int padded(int length) {
        return (length + 7) / 8 * 8;
    }
}
