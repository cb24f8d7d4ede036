package dev.flowlab.controller.openflow;

/** A peer broke the OpenFlow conversation (wrong first message, wrong version, rejected handshake). */
final class ProtocolViolation extends RuntimeException {
    ProtocolViolation(String message) {
        super(message, null, false, false);
    }
}
