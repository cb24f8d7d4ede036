package dev.flowlab.lab.traffic;

/**
 * A host as traffic tools need it.
 *
 * @param name      the name the user types ({@code h1})
 * @param namespace the Linux network namespace it lives in (the name, or the name with a run prefix)
 * @param ip        its address without prefix length ({@code 10.0.0.1})
 */
public record LabHost(String name, String namespace, String ip) {
}
