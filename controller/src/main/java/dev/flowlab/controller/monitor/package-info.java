/**
 * The port-stats monitor (as Ryu's {@code simple_monitor_13}): every switch's port counters and flow
 * table, polled at a configurable interval, with per-port rates; read by the metrics and the web view.
 */
package dev.flowlab.controller.monitor;
