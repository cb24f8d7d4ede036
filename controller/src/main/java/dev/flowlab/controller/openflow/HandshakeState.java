package dev.flowlab.controller.openflow;

import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFFeaturesReply;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsReply;

/**
 * The steps of the handshake, in order (OpenFlow 1.0 skips the port description: its ports come with
 * the features). Each step knows the one message that moves it on; anything else is held back,
 * rejected or ignored by {@link Handshake#other}.
 */
enum HandshakeState {
    /** We sent HELLO; the switch's HELLO decides the version. */
    WAIT_HELLO {
        @Override
        void handle(Handshake h, Object msg) {
            h.onHello(msg);
        }
    },
    /** We sent FEATURES_REQUEST: the reply carries the datapath id. */
    WAIT_FEATURES {
        @Override
        void handle(Handshake h, Object msg) {
            if (msg instanceof OFFeaturesReply features) {
                h.onFeatures(features);
            } else {
                h.other(msg);
            }
        }
    },
    /** We sent SET_CONFIG and the port description request; parts may come in several replies. */
    WAIT_PORT_DESC {
        @Override
        void handle(Handshake h, Object msg) {
            if (msg instanceof OFPortDescStatsReply ports) {
                h.onPortDesc(ports);
            } else {
                h.other(msg);
            }
        }
    },
    /** We sent a ROLE_REQUEST: the reply (or a stale-claim error) says whether we may write. */
    WAIT_ROLE {
        @Override
        void handle(Handshake h, Object msg) {
            if (msg instanceof OFMessage m && h.isOurRoleAnswer(m)) {
                h.onRoleAnswer(m);
            } else {
                h.other(msg);
            }
        }
    },
    /** We installed the table-miss entry and sent a barrier: its reply means all of it took effect. */
    WAIT_BARRIER {
        @Override
        void handle(Handshake h, Object msg) {
            if (msg instanceof OFBarrierReply barrier && h.isOurBarrier(barrier)) {
                h.onBarrier();
            } else {
                h.other(msg);
            }
        }
    };

    abstract void handle(Handshake h, Object msg);
}
