package dev.flowlab.apps.learningswitch;

import dev.flowlab.controller.api.AppModule;

/** Registers {@link LearningSwitch} as {@code learning-switch}. */
public final class LearningSwitchModule extends AppModule {
    public LearningSwitchModule() {
        super(LearningSwitch.ID, LearningSwitch.class);
    }
}
