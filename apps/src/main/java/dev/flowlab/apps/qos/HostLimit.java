package dev.flowlab.apps.qos;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;

/**
 * One host's limit: what it sends passes a meter that drops above {@code rate} Mbit/s. The host is named by
 * its MAC or by its IPv4 address (then its MAC is the one the controller saw use that address).
 *
 * @param mac   the host's MAC, or null
 * @param ip    the host's IPv4 address, or null; exactly one of {@code mac} and {@code ip}
 * @param rate  Mbit/s, above 0
 * @param burst kbit the meter lets through at once above the rate, or null for Open vSwitch's default
 *              (one second at the rate)
 */
public record HostLimit(String mac, String ip, Double rate, Long burst) {
    public HostLimit {
        if ((mac == null) == (ip == null)) {
            throw new IllegalArgumentException("a limit names its host by mac or by ip (one of them), like "
                    + "{ip: 10.0.0.1, rate: 10}");
        }
        try {
            if (mac != null) {
                MacAddress.of(mac);
            } else {
                IPv4Address.of(ip);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + (mac != null ? mac : ip) + "' is not "
                    + (mac != null ? "a MAC address like 00:00:00:00:00:01" : "an IPv4 address like 10.0.0.1"));
        }
        if (rate == null || !(rate > 0) || rate.isInfinite()) {
            throw new IllegalArgumentException("the limit of " + (mac != null ? mac : ip)
                    + " needs a rate above 0 in Mbit/s, like rate: 10" + (rate == null ? "" : ", not " + rate));
        }
        if (burst != null && burst < 1) {
            throw new IllegalArgumentException("burst is in kbit and at least 1, not " + burst);
        }
    }

    /** The rate as a meter band's: kbit/s. */
    @JsonIgnore
    public long rateKbps() {
        return Math.max(1, Math.round(rate * 1000));
    }

    /** How logs and REST name the host. */
    @JsonIgnore
    public String host() {
        return mac != null ? mac : ip;
    }
}
