/**
 * A cbench-style OpenFlow 1.3 controller benchmark: emulated switches send packet-ins and count
 * the flow-mods and packet-outs that come back. It reports numbers; it asserts nothing.
 */
package dev.flowlab.bench.controller;
