package dev.flowlab.controller.core;

import dev.flowlab.controller.api.FlowFilter;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Switch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFFlowModify;
import org.projectfloodlight.openflow.protocol.OFFlowModifyStrict;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FlowFilter}s apps registered, applied to every flow add and modify a switch handle sends,
 * each filter skipping its own app's entries (known by the app's cookie). Cheap when empty: one volatile
 * read per message.
 */
public final class FlowFilters {
    private static final Logger LOG = LoggerFactory.getLogger(FlowFilters.class);
    private record Owned(U64 appCookie, FlowFilter filter, AtomicBoolean warned) {
    }

    private final List<Owned> filters = new CopyOnWriteArrayList<>();

    /** Adds {@code filter}, owned by the app whose entries carry {@code appCookie}. */
    public void add(U64 appCookie, FlowFilter filter) {
        filters.add(new Owned(appCookie, filter, new AtomicBoolean()));
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
                mod = filtered(f, sw, mod);
            }
        }
        return mod;
    }

    /**
     * One filter's result; {@code mod} unchanged when the filter throws or answers null: one app's broken
     * filter must not stop every other app's entries (its send would throw in their packet-in handlers).
     */
    private static OFFlowMod filtered(Owned f, Switch sw, OFFlowMod mod) {
        try {
            OFFlowMod changed = f.filter().filter(sw, mod);
            if (changed != null) {
                return changed;
            }
            warn(f, sw, "answered null", null);
        } catch (RuntimeException e) {
            warn(f, sw, "threw " + e, e);
        }
        return mod;
    }

    private static void warn(Owned f, Switch sw, String what, RuntimeException e) {
        if (f.warned().compareAndSet(false, true)) {
            LOG.warn("dpid={} the flow filter of the app with cookie {} {}; its entries go out unfiltered (logged once)",
                    sw.id(), f.appCookie(), what, e);
        } else {
            LOG.debug("dpid={} the flow filter of the app with cookie {} {}", sw.id(), f.appCookie(), what);
        }
    }
}
