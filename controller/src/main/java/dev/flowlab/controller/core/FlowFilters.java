package dev.flowlab.controller.core;

import dev.flowlab.controller.api.FlowFilter;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFFlowModify;
import org.projectfloodlight.openflow.protocol.OFFlowModifyStrict;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.types.U64;

/**
 * The {@link FlowFilter}s apps registered, applied to every flow add and modify a switch handle sends,
 * each filter skipping its own app's entries (known by the app's cookie). Cheap when empty: one volatile
 * read per message.
 */
public final class FlowFilters {
    private record Owned(U64 appCookie, FlowFilter filter) {
    }

    private final List<Owned> filters = new CopyOnWriteArrayList<>();

    /** Adds {@code filter}, owned by the app whose entries carry {@code appCookie}. */
    public void add(U64 appCookie, FlowFilter filter) {
        filters.add(new Owned(appCookie, filter));
    }

    /** {@code message} as the filters want it to reach {@code sw}; anything but an add or modify unchanged. */
    public OFMessage apply(Switch sw, OFMessage message) {
        if (filters.isEmpty() || !(message instanceof OFFlowAdd || message instanceof OFFlowModify
                || message instanceof OFFlowModifyStrict)) {
            return message;
        }
        OFFlowMod mod = (OFFlowMod) message;
        U64 owner = mod.getCookie().and(Flows.APP_COOKIE_MASK);
        for (Owned f : filters) {
            if (!f.appCookie().equals(owner)) {
                mod = f.filter().filter(sw, mod);
            }
        }
        return mod;
    }
}
