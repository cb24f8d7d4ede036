package dev.flowlab.apps.hub;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Verdict;

/** The simplest app: every packet that reaches the controller goes out of every other port. */
public final class Hub implements App {
    /** Stateless: a throwaway copy may warm its code. */
    @Override
    public boolean rehearsable() {
        return true;
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        in.flood();
        return Verdict.HANDLED;
    }
}
