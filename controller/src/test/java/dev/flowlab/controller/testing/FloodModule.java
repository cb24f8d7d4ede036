package dev.flowlab.controller.testing;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppModule;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Verdict;

/** A test app found through ServiceLoader (see src/test/resources/META-INF/services): floods every packet. */
public final class FloodModule extends AppModule {
    public FloodModule() {
        super("test-flood", TestFlood.class);
    }

    public static final class TestFlood implements App {
        @Override
        public Verdict onPacketIn(PacketIn in) {
            in.flood();
            return Verdict.HANDLED;
        }
    }
}
