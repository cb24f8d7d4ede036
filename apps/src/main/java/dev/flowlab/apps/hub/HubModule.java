package dev.flowlab.apps.hub;

import dev.flowlab.controller.api.AppModule;
import org.projectfloodlight.openflow.protocol.OFVersion;

/** Registers {@link Hub} as {@code hub}. */
public final class HubModule extends AppModule {
    public HubModule() {
        super("hub", Hub.class);
    }

    /** It floods and installs output-only flows: OpenFlow 1.0 has all of that. */
    @Override
    public OFVersion minimumVersion() {
        return OFVersion.OF_10;
    }
}
