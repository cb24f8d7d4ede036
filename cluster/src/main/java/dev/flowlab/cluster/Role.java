package dev.flowlab.cluster;

/** What this member is to every switch: the master (writes) or a slave (watches). */
public enum Role { MASTER, SLAVE }
