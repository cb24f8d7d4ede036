package dev.flowlab.apps.learningswitch;

import dev.flowlab.controller.api.AgeingTable;
import java.time.Duration;

/**
 * The learning switch's config file ({@code --app-config learning-switch=FILE}), with Open vSwitch's
 * names and defaults:
 *
 * <pre>
 * mac_table_size: 8192   # MAC addresses per switch; when full, the one seen longest ago goes
 * mac_aging_time: 300    # seconds a MAC address is remembered after its last packet
 * </pre>
 */
public record LearningSwitchConfig(Integer macTableSize, Integer macAgingTime) {
    static final LearningSwitchConfig DEFAULTS = new LearningSwitchConfig(null, null);

    public LearningSwitchConfig {
        macTableSize = macTableSize == null ? AgeingTable.DEFAULT_SIZE : macTableSize;
        macAgingTime = macAgingTime == null ? (int) AgeingTable.DEFAULT_AGEING.toSeconds() : macAgingTime;
        if (macTableSize < 1) {
            throw new IllegalArgumentException("mac_table_size " + macTableSize + " must be at least 1");
        }
        if (macAgingTime < 1) {
            throw new IllegalArgumentException("mac_aging_time " + macAgingTime + " must be at least 1 second");
        }
    }

    /** {@link #macAgingTime} as a duration. */
    Duration agingTime() {
        return Duration.ofSeconds(macAgingTime);
    }
}
