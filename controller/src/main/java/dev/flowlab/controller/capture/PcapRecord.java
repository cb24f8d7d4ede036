package dev.flowlab.controller.capture;

/**
 * One TCP segment to write: who sent it, its sequence and acknowledgement numbers, TCP flags and
 * payload (a copy: the I/O thread's buffer is reused once the record is queued).
 */
record PcapRecord(long epochMicros, TcpEnds ends, boolean fromSwitch, long seq, long ack, int flags, byte[] payload) {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    /** Bytes this record takes in the file: pcap record header, Ethernet, IPv4 and TCP headers, payload. */
    int fileBytes() {
        return 16 + TcpFrames.HEADERS + payload.length;
    }
}
