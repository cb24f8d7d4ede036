package dev.flowlab.dataplane;

/** What an OVS bridge does while no controller is connected (OVS {@code fail_mode}). */
public enum FailMode {
    /** Acts as a learning switch by itself (OVS's default). */
    STANDALONE,
    /** Forwards nothing but the flows a controller installed. */
    SECURE;

    /** The value OVS stores: {@code standalone} or {@code secure}. */
    public String ovsName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
