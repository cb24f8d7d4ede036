package dev.flowlab.bench.controller;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Splits the controller's byte stream into OpenFlow messages with as little work as possible: for a
 * FLOW_MOD or PACKET_OUT (the responses being counted) it reads only the 8-byte header and skips the
 * body, even when the body spans several reads; any other message is handed on whole, to be parsed.
 * One instance per connection, used on its event loop only.
 */
final class MessageScanner {
    static final int OFPT_PACKET_OUT = 13;
    static final int OFPT_FLOW_MOD = 14;
    private static final int HEADER_LENGTH = 8;

    /** Receives what the scanner finds. */
    interface Sink {
        /** A counted response (FLOW_MOD or PACKET_OUT); its body may not have arrived yet. */
        void response(int type);

        /** Any other message, whole (header included); the sink must not keep it after returning. */
        void control(ByteBuf message);
    }

    private final Sink sink;
    private final byte[] header = new byte[HEADER_LENGTH];
    private int headerFill;
    private int skipRemaining;
    private ByteBuf partial;

    MessageScanner(Sink sink) {
        this.sink = sink;
    }

    /** Consumes all of {@code in}. Throws {@link BenchException} on a message length below 8. */
    void scan(ByteBuf in) {
        while (in.isReadable()) {
            if (skipRemaining > 0) {
                int n = Math.min(skipRemaining, in.readableBytes());
                in.skipBytes(n);
                skipRemaining -= n;
            } else if (partial != null) {
                in.readBytes(partial, Math.min(partial.writableBytes(), in.readableBytes()));
                if (!partial.isWritable()) {
                    deliverPartial();
                }
            } else if (headerFill == 0 && in.readableBytes() >= HEADER_LENGTH) {
                scanAtHeader(in);
            } else {
                int n = Math.min(HEADER_LENGTH - headerFill, in.readableBytes());
                in.readBytes(header, headerFill, n);
                headerFill += n;
                if (headerFill == HEADER_LENGTH) {
                    headerFill = 0;
                    startMessage(header[1] & 0xff, lengthOf(header[2], header[3]), Unpooled.wrappedBuffer(header));
                }
            }
        }
    }

    /** The common case: a whole header is readable in place. */
    private void scanAtHeader(ByteBuf in) {
        int at = in.readerIndex();
        int type = in.getUnsignedByte(at + 1);
        int length = in.getUnsignedShort(at + 2);
        if (length < HEADER_LENGTH) {
            throw new BenchException("the controller sent a message of length " + length + " (below 8): not OpenFlow");
        }
        if (isResponse(type)) {
            sink.response(type);
            int n = Math.min(length, in.readableBytes());
            in.skipBytes(n);
            skipRemaining = length - n;
        } else if (in.readableBytes() >= length) {
            ByteBuf message = in.readSlice(length);
            sink.control(message);
        } else {
            startMessage(type, length, in.readSlice(HEADER_LENGTH));
        }
    }

    /** A message whose header has been read (given in {@code headerBytes}) and whose body is still to come. */
    private void startMessage(int type, int length, ByteBuf headerBytes) {
        if (length < HEADER_LENGTH) {
            throw new BenchException("the controller sent a message of length " + length + " (below 8): not OpenFlow");
        }
        if (isResponse(type)) {
            sink.response(type);
            skipRemaining = length - HEADER_LENGTH;
            return;
        }
        partial = Unpooled.buffer(length, length);
        partial.writeBytes(headerBytes);
        if (length == HEADER_LENGTH) {
            deliverPartial();
        }
    }

    private void deliverPartial() {
        ByteBuf whole = partial;
        partial = null;
        try {
            sink.control(whole);
        } finally {
            whole.release();
        }
    }

    private static boolean isResponse(int type) {
        return type == OFPT_FLOW_MOD || type == OFPT_PACKET_OUT;
    }

    private static int lengthOf(byte high, byte low) {
        return ((high & 0xff) << 8) | (low & 0xff);
    }

    /** Frees a message still being collected (connection closed mid-message). */
    void release() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }
}
