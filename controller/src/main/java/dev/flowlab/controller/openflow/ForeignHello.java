package dev.flowlab.controller.openflow;

/**
 * A HELLO in an OpenFlow version openflowj cannot parse: passed up so the handshake can answer it
 * with HELLO_FAILED instead of treating it as garbage.
 */
record ForeignHello(int version, long xid) {
}
