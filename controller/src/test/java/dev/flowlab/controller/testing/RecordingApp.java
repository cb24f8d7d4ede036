package dev.flowlab.controller.testing;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.types.DatapathId;

/** Records the events it sees as short strings ("up 1", "packet-in 1 port 3"...), and answers packet-ins as told. */
public class RecordingApp implements App {
    private final String name;
    private final int order;
    private final Function<PacketIn, Verdict> onPacketIn;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile AppContext context;
    private volatile boolean stopped;

    public RecordingApp(String name, int order, Function<PacketIn, Verdict> onPacketIn) {
        this.name = name;
        this.order = order;
        this.onPacketIn = onPacketIn;
    }

    /** Records and lets the packet go on. */
    public RecordingApp(String name) {
        this(name, 100, in -> Verdict.CONTINUE);
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }

    public AppContext context() {
        return context;
    }

    public boolean stopped() {
        return stopped;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public void start(AppContext context) {
        this.context = context;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public void onSwitchUp(Switch sw) {
        events.add("up " + sw.id().getLong());
    }

    @Override
    public void onSwitchDown(DatapathId dpid) {
        events.add("down " + dpid.getLong());
    }

    @Override
    public void onRoleChanged(DatapathId dpid, dev.flowlab.controller.api.Role role) {
        events.add("role " + dpid.getLong() + " " + role);
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        events.add("packet-in " + in.sw().id().getLong() + " port " + in.inPort().getPortNumber());
        return onPacketIn.apply(in);
    }

    @Override
    public void onPortStatus(Switch sw, OFPortStatus status) {
        events.add("port-status " + sw.id().getLong() + " port " + status.getDesc().getPortNo().getPortNumber() + " "
                + status.getReason());
    }

    @Override
    public void onError(Switch sw, OFErrorMsg error) {
        events.add("error " + sw.id().getLong() + " " + error.getErrType());
    }

    @Override
    public String toString() {
        return name;
    }
}
