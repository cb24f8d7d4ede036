/**
 * A controller plus a network as one object ({@link dev.flowlab.lab.Lab}, described by a
 * {@link dev.flowlab.lab.LabSpec}), started in order, ready when the controller sees the whole
 * topology ({@link dev.flowlab.lab.ExpectedTopology}), torn down in reverse. It reports through a
 * {@link dev.flowlab.lab.Progress}; it prints nothing itself.
 */
package dev.flowlab.lab;
