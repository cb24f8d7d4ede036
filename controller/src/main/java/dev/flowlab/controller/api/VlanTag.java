package dev.flowlab.controller.api;

/**
 * The outermost 802.1Q tag of a frame.
 *
 * @param vid      VLAN id, 0-4095
 * @param priority PCP, 0-7
 */
public record VlanTag(int vid, int priority) {
    private static final int MACS = 12;

    /** The frame without its outermost 802.1Q or 802.1ad tag (the frame itself when it has none). */
    public static byte[] untagged(byte[] frame) {
        if (frame.length < MACS + 4 || !isTag(FrameBytes.u16(frame, MACS))) {
            return frame;
        }
        byte[] out = new byte[frame.length - 4];
        System.arraycopy(frame, 0, out, 0, MACS);
        System.arraycopy(frame, MACS + 4, out, MACS, frame.length - MACS - 4);
        return out;
    }

    /** The frame with an 802.1Q tag of VLAN {@code vid} pushed outside any it has (after the MACs). */
    public static byte[] tagged(byte[] frame, int vid) {
        byte[] out = new byte[frame.length + 4];
        System.arraycopy(frame, 0, out, 0, MACS);
        out[MACS] = (byte) 0x81;
        out[MACS + 2] = (byte) (vid >> 8 & 0x0f);
        out[MACS + 3] = (byte) vid;
        System.arraycopy(frame, MACS, out, MACS + 4, frame.length - MACS);
        return out;
    }

    private static boolean isTag(int etherType) {
        return etherType == 0x8100 || etherType == 0x88a8;
    }
}
