/** {@code learning-switch}: per-switch MAC learning with flows to known destinations (Ryu's simple_switch_13). */
package dev.flowlab.apps.learningswitch;
