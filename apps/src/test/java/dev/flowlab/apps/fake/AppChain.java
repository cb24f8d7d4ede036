package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import java.util.Comparator;
import java.util.List;
import org.projectfloodlight.openflow.protocol.OFPortStatus;

/** Several apps behind one fake switch, called in {@link App#order()} like the controller's dispatcher. */
public final class AppChain implements App {
    private final List<App> apps;

    public AppChain(App... apps) {
        this.apps = List.of(apps).stream().sorted(Comparator.comparingInt(App::order)).toList();
    }

    @Override
    public void onSwitchUp(Switch sw) {
        apps.forEach(a -> a.onSwitchUp(sw));
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        for (App app : apps) {
            if (app.onPacketIn(in) == Verdict.HANDLED) {
                return Verdict.HANDLED;
            }
        }
        return Verdict.CONTINUE;
    }

    @Override
    public void onPortStatus(Switch sw, OFPortStatus status) {
        apps.forEach(a -> a.onPortStatus(sw, status));
    }
}
