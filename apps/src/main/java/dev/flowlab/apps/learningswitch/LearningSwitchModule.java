package dev.flowlab.apps.learningswitch;

import dev.flowlab.controller.api.AppModule;
import org.projectfloodlight.openflow.protocol.OFVersion;

/** Registers {@link LearningSwitch} as {@code learning-switch}. */
public final class LearningSwitchModule extends AppModule {
    public LearningSwitchModule() {
        super(LearningSwitch.ID, LearningSwitch.class);
    }

    /** It floods and installs output-only flows: OpenFlow 1.0 has all of that. */
    @Override
    public OFVersion minimumVersion() {
        return OFVersion.OF_10;
    }
}
