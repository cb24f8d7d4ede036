package dev.flowlab.controller.api;

import org.projectfloodlight.openflow.types.MacAddress;

/** Big-endian reads from a frame; callers check bounds first. */
final class FrameBytes {
    private FrameBytes() {
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    static int u32(byte[] b, int at) {
        return u16(b, at) << 16 | u16(b, at + 2);
    }

    static long u48(byte[] b, int at) {
        return (long) u16(b, at) << 32 | (u32(b, at + 2) & 0xffff_ffffL);
    }

    static MacAddress mac(byte[] b, int at) {
        return MacAddress.of(u48(b, at));
    }

    static boolean has(byte[] b, int at, int length) {
        return at >= 0 && at + length <= b.length;
    }
}
