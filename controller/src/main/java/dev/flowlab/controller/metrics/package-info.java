/** {@code GET /metrics}: the controller's counters in Prometheus text format, through the Prometheus Java client. */
package dev.flowlab.controller.metrics;
