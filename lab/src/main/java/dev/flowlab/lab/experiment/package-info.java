/**
 * The fail-mode experiment as a library ({@link dev.flowlab.lab.experiment.FailModeExperiment}):
 * standalone against secure, controller lost and back, and its report (Markdown, JSON, PNG plots).
 */
package dev.flowlab.lab.experiment;
