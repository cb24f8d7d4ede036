package dev.flowlab.bench.controller;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.OFBarrierRequest;
import org.projectfloodlight.openflow.protocol.OFCapabilities;
import org.projectfloodlight.openflow.protocol.OFControllerRole;
import org.projectfloodlight.openflow.protocol.OFEchoRequest;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFeaturesRequest;
import org.projectfloodlight.openflow.protocol.OFGetConfigRequest;
import org.projectfloodlight.openflow.protocol.OFHello;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortFeatures;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFRoleRequest;
import org.projectfloodlight.openflow.protocol.OFSetConfig;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.OFBadRequestCode;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFAuxId;
import org.projectfloodlight.openflow.types.OFErrorCauseData;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U32;
import org.projectfloodlight.openflow.types.U64;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The switch side of the OpenFlow 1.3 control conversation: what an emulated switch answers to each
 * request of the controller (features, config, port description, barrier, echo, role). Requests this
 * bench switch does not implement get the error a real switch would send.
 */
final class SwitchReplies {
    static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);
    private static final int ERROR_DATA_BYTES = 64;
    private static final Set<OFPortFeatures> PORT_FEATURES = EnumSet.of(OFPortFeatures.PF_10GB_FD, OFPortFeatures.PF_COPPER);

    private final int switchIndex;
    private final long dpid;
    private final int ports;
    private int missSendLength = 0xffff;

    SwitchReplies(int switchIndex, long dpid, int ports) {
        this.switchIndex = switchIndex;
        this.dpid = dpid;
        this.ports = ports;
    }

    /** Our HELLO: OpenFlow 1.3 in the header and in the version bitmap. */
    static OFHello hello() {
        return OF13.buildHello()
                .setElements(List.of(OF13.buildHelloElemVersionbitmap()
                        .setBitmaps(List.of(U32.of(1L << OFVersion.OF_13.getWireVersion()))).build()))
                .build();
    }

    /**
     * The answer to {@code request}, or empty when the message needs none (SET_CONFIG, flow table
     * changes, echo replies...). {@code raw} is the request's bytes, quoted in an error reply.
     */
    Optional<OFMessage> answer(OFMessage request, ByteBuf raw) {
        switch (request.getType()) {
            case ECHO_REQUEST:
                return Optional.of(OF13.buildEchoReply().setXid(request.getXid())
                        .setData(((OFEchoRequest) request).getData()).build());
            case FEATURES_REQUEST:
                return Optional.of(featuresReply((OFFeaturesRequest) request));
            case GET_CONFIG_REQUEST:
                return Optional.of(OF13.buildGetConfigReply().setXid(((OFGetConfigRequest) request).getXid())
                        .setMissSendLen(missSendLength).build());
            case SET_CONFIG:
                missSendLength = ((OFSetConfig) request).getMissSendLen();
                return Optional.empty();
            case BARRIER_REQUEST:
                return Optional.of(OF13.buildBarrierReply().setXid(((OFBarrierRequest) request).getXid()).build());
            case ROLE_REQUEST:
                OFRoleRequest role = (OFRoleRequest) request;
                OFControllerRole granted = role.getRole() == OFControllerRole.ROLE_NOCHANGE ? OFControllerRole.ROLE_EQUAL : role.getRole();
                return Optional.of(OF13.buildRoleReply().setXid(role.getXid()).setRole(granted)
                        .setGenerationId(role.getGenerationId()).build());
            case STATS_REQUEST:
                return Optional.of(statsReply((OFStatsRequest<?>) request, raw));
            case GET_ASYNC_REQUEST:
                return Optional.of(OF13.buildAsyncGetReply().setXid(request.getXid()).build());
            default:
                return Optional.empty();
        }
    }

    private OFMessage featuresReply(OFFeaturesRequest request) {
        return OF13.buildFeaturesReply()
                .setXid(request.getXid())
                .setDatapathId(DatapathId.of(dpid))
                .setNBuffers(0)                        // unbuffered: every packet-in carries the frame
                .setNTables((short) 254)
                .setAuxiliaryId(OFAuxId.MAIN)
                .setCapabilities(EnumSet.of(OFCapabilities.FLOW_STATS, OFCapabilities.TABLE_STATS, OFCapabilities.PORT_STATS))
                .build();
    }

    private OFMessage statsReply(OFStatsRequest<?> request, ByteBuf raw) {
        switch (request.getStatsType()) {
            case PORT_DESC:
                return OF13.buildPortDescStatsReply().setXid(request.getXid()).setEntries(portDescriptions()).build();
            case DESC:
                return OF13.buildDescStatsReply().setXid(request.getXid())
                        .setMfrDesc("flowlab").setHwDesc("flowlab bench switch").setSwDesc("flowlab bench")
                        .setSerialNum(String.valueOf(dpid)).setDpDesc("bench switch s" + (switchIndex + 1))
                        .build();
            case TABLE_FEATURES:
                return OF13.buildTableFeaturesStatsReply().setXid(request.getXid()).setEntries(List.of()).build();
            case FLOW:
                return OF13.buildFlowStatsReply().setXid(request.getXid()).setEntries(List.of()).build();
            default:
                byte[] quoted = new byte[Math.min(ERROR_DATA_BYTES, raw.readableBytes())];
                raw.getBytes(raw.readerIndex(), quoted);
                return OF13.errorMsgs().buildBadRequestErrorMsg().setXid(request.getXid())
                        .setCode(OFBadRequestCode.BAD_STAT)
                        .setData(OFErrorCauseData.of(quoted, OFVersion.OF_13)).build();
        }
    }

    private List<OFPortDesc> portDescriptions() {
        List<OFPortDesc> list = new ArrayList<>(ports);
        for (int port = 1; port <= ports; port++) {
            list.add(OF13.buildPortDesc()
                    .setPortNo(OFPort.of(port))
                    .setHwAddr(MacAddress.of(new byte[] {0x0a, (byte) (switchIndex >>> 8), (byte) switchIndex, 0, 0, (byte) port}))
                    .setName("s" + (switchIndex + 1) + "-eth" + port)
                    .setState(EnumSet.of(OFPortState.LIVE))
                    .setCurr(PORT_FEATURES).setAdvertised(PORT_FEATURES).setSupported(PORT_FEATURES)
                    .setCurrSpeed(10_000_000).setMaxSpeed(10_000_000)
                    .build());
        }
        return list;
    }

    /** The bytes of {@code message} in a fresh buffer, ready to write. */
    static ByteBuf encode(OFMessage message) {
        ByteBuf out = Unpooled.buffer();
        message.writeTo(out);
        return out;
    }
}
