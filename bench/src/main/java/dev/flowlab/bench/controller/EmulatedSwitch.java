package dev.flowlab.bench.controller;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.projectfloodlight.openflow.exceptions.OFParseError;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFHello;
import org.projectfloodlight.openflow.protocol.OFHelloElem;
import org.projectfloodlight.openflow.protocol.OFHelloElemVersionbitmap;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFType;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated OpenFlow 1.3 switch on one TCP connection: answers the controller's handshake and
 * control requests, sends the pre-encoded packet-ins of its {@link PacketInTrain} once started, and
 * counts the FLOW_MODs and PACKET_OUTs that come back (each PACKET_OUT answers one packet-in). Everything runs on the channel's event loop;
 * the counters are published (volatile) once per read batch for the thread that samples them.
 */
final class EmulatedSwitch extends ChannelInboundHandlerAdapter implements MessageScanner.Sink {
    private static final Logger log = LoggerFactory.getLogger(EmulatedSwitch.class);
    /** Top up the window only when this many packet-ins (or a quarter of the window) are missing. */
    private static final int MAX_TOP_UP_AT = 32;
    /**
     * Packet-ins in flight are counted unanswered, and new ones sent, when no PACKET_OUT came for
     * this long: long enough not to pile more load on a controller that is only slow for a moment
     * (a GC pause, a busy machine).
     */
    static final long UNANSWERED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final Pattern ERROR_CODE = Pattern.compile("code=([A-Z0-9_]+)");

    private final int index;
    private final int measuredWindow;
    private final int learningWindow;
    private int window;
    private int topUpAt;
    private final PacketInTrain train;
    private final SwitchReplies replies;
    private final MessageScanner scanner = new MessageScanner(this);

    private volatile Channel channel;
    private boolean sending;
    private int inFlight;
    private boolean answered;
    private long lastProgressNanos;
    private long flowModsLocal;
    private long packetOutsLocal;
    private long sentLocal;
    private long unansweredLocal;

    private volatile boolean helloAccepted;
    private volatile boolean featuresReplied;
    private volatile boolean closedByUs;
    private volatile String failure;
    private volatile String firstError;
    private volatile long lastControlNanos = System.nanoTime();
    private volatile long flowMods;
    private volatile long packetOuts;
    private volatile long packetInsSent;
    private volatile long unanswered;

    EmulatedSwitch(int index, long dpid, LoadSettings settings) {
        this.index = index;
        this.measuredWindow = settings.mode() == Mode.LATENCY ? 1 : settings.window();
        this.learningWindow = settings.window();
        this.train = new PacketInTrain(index, settings.macs(), settings.ports());
        this.replies = new SwitchReplies(index, dpid, settings.ports());
    }

    // ---- read by the sampling thread -------------------------------------------------------

    String name() {
        return "s" + (index + 1);
    }

    boolean handshakeDone() {
        return helloAccepted && featuresReplied;
    }

    /** Why this connection ended or cannot be used, or null while it is fine. */
    String failure() {
        return failure;
    }

    /** The first OFPT_ERROR the controller sent, or null. */
    String firstError() {
        return firstError;
    }

    long lastControlNanos() {
        return lastControlNanos;
    }

    Counters counters() {
        return new Counters(flowMods, packetOuts, packetInsSent, unanswered);
    }

    /**
     * Starts sending packet-ins (any thread), with the throughput window whatever the mode, to get
     * through the hosts' first packet-ins quickly: that part is not measured.
     */
    void start() {
        channel.eventLoop().execute(() -> {
            useWindow(learningWindow);
            sending = true;
            lastProgressNanos = System.nanoTime();
            channel.eventLoop().scheduleAtFixedRate(this::giveUpIfStalled, 100, 100, TimeUnit.MILLISECONDS);
            topUp();
            channel.flush();
        });
    }

    /** Switches to the window of the measured mode (any thread); in latency mode the backlog drains first. */
    void measure() {
        channel.eventLoop().execute(() -> useWindow(measuredWindow));
    }

    private void useWindow(int packets) {
        window = packets;
        topUpAt = Math.max(1, Math.min(MAX_TOP_UP_AT, packets / 4));
    }

    /** Stops sending and closes the connection (any thread). */
    void close() {
        closedByUs = true;
        if (channel != null) {
            channel.eventLoop().execute(() -> {
                sending = false;
                channel.close();
            });
        }
    }

    /** Frees the pre-encoded packet-ins; call after the event loop has shut down. */
    void free() {
        train.free();
    }

    // ---- event loop ------------------------------------------------------------------------

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.writeAndFlush(SwitchReplies.encode(SwitchReplies.hello()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            scanner.scan(in);
        } finally {
            in.release();
        }
    }

    @Override
    public void response(int type) {
        if (type == MessageScanner.OFPT_FLOW_MOD) {
            flowModsLocal++;
        } else {
            packetOutsLocal++;
            if (inFlight > 0) {
                inFlight--;
                answered = true;
            }
        }
    }

    @Override
    public void control(ByteBuf raw) {
        lastControlNanos = System.nanoTime();
        int version = raw.getUnsignedByte(raw.readerIndex());
        OFMessage message;
        try {
            message = OFFactories.getGenericReader().readFrom(raw.duplicate());
        } catch (OFParseError | RuntimeException e) {
            log.debug("{}: ignoring a message openflowj cannot parse (type {}): {}", name(), raw.getUnsignedByte(raw.readerIndex() + 1), e.toString());
            return;
        }
        if (message == null) {
            return;
        }
        log.debug("{}: received {}", name(), message);
        if (message.getType() == OFType.HELLO) {
            acceptHello((OFHello) message, version);
        } else if (message.getType() == OFType.ERROR) {
            String text = "the controller sent " + describe((OFErrorMsg) message);
            log.debug("{}: {}", name(), text);
            if (firstError == null) {
                firstError = text;
            }
        } else {
            replies.answer(message, raw).ifPresent(reply -> channel.write(SwitchReplies.encode(reply), channel.voidPromise()));
            if (message.getType() == OFType.FEATURES_REQUEST) {
                featuresReplied = true;
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (answered) {
            answered = false;
            lastProgressNanos = System.nanoTime();
            if (sending) {
                topUp();
            }
        }
        ctx.flush();
        publish();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        sending = false;
        scanner.release();
        if (!closedByUs && failure == null) {
            failure = "the controller closed the connection of switch " + name()
                    + (firstError != null ? " (after " + firstError + ")" : "");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null && !closedByUs) {
            failure = "switch " + name() + ": " + (cause instanceof BenchException ? cause.getMessage() : cause.toString());
        }
        ctx.close();
    }

    private void acceptHello(OFHello hello, int version) {
        boolean speaks13 = version == OFVersion.OF_13.getWireVersion();
        if (version > OFVersion.OF_13.getWireVersion()) {
            for (OFHelloElem element : hello.getElements()) {
                if (element instanceof OFHelloElemVersionbitmap bitmap && !bitmap.getBitmaps().isEmpty()) {
                    speaks13 |= (bitmap.getBitmaps().get(0).getValue() & (1L << OFVersion.OF_13.getWireVersion())) != 0;
                }
            }
        }
        if (!speaks13) {
            failure = "the controller does not speak OpenFlow 1.3 (its HELLO has version 0x"
                    + Integer.toHexString(version) + "): start it with OpenFlow 1.3 enabled";
            channel.close();
            return;
        }
        helloAccepted = true;
    }

    /** "ERROR BAD_REQUEST/BAD_TYPE": openflowj has one class per error type, all of which print their code. */
    private static String describe(OFErrorMsg error) {
        Matcher code = ERROR_CODE.matcher(error.toString());
        return "ERROR " + error.getErrType() + (code.find() ? "/" + code.group(1) : "");
    }

    /**
     * Sends packet-ins until {@code window} are in flight, once at least {@code topUpAt} are missing:
     * on loopback every write carries the kernel's whole TCP path to the controller, so few big
     * writes leave far more CPU to the controller than one small write per answer.
     */
    private void topUp() {
        int room = window - inFlight;
        if (room < topUpAt) {
            return;
        }
        while (room > 0) {
            ByteBuf packets = train.next(room);
            int n = train.packetsIn(packets);
            channel.write(packets, channel.voidPromise());
            room -= n;
            inFlight += n;
            sentLocal += n;
        }
    }

    /**
     * A controller may answer some packet-ins with no PACKET_OUT at all (it drops the packet, or only
     * installs a flow): after a while without any, the packets in flight are given up on, so the
     * window cannot shrink to nothing.
     */
    private void giveUpIfStalled() {
        if (sending && inFlight > 0 && System.nanoTime() - lastProgressNanos > UNANSWERED_AFTER_NANOS) {
            unansweredLocal += inFlight;
            inFlight = 0;
            lastProgressNanos = System.nanoTime();
            topUp();
            channel.flush();
            publish();
        }
    }

    private void publish() {
        flowMods = flowModsLocal;
        packetOuts = packetOutsLocal;
        packetInsSent = sentLocal;
        unanswered = unansweredLocal;
    }

    /** A consistent-enough snapshot of one switch's counters (each value is exact, they are read one by one). */
    record Counters(long flowMods, long packetOuts, long packetInsSent, long unanswered) {
        long responses() {
            return flowMods + packetOuts;
        }

        /** Packet-ins that are over: answered by a PACKET_OUT, or given up on. */
        long resolved() {
            return packetOuts + unanswered;
        }
    }
}
