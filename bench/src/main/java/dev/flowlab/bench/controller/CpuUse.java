package dev.flowlab.bench.controller;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * CPU used by the generator (this JVM) and the controller between two moments, in cores (1.0 = one
 * core busy the whole time). Tells whether the generator could be the bottleneck: on a shared
 * 2-core machine it must leave the controller most of the CPU.
 */
final class CpuUse {
    private final LongSupplier controllerCpu;
    private long startNanos;
    private long startGenerator;
    private long startController;
    private double generatorCores = Double.NaN;
    private double controllerCores = Double.NaN;

    /** {@code controllerCpu}: the controller's CPU time in ns, or null when it runs out of our sight. */
    CpuUse(LongSupplier controllerCpu) {
        this.controllerCpu = controllerCpu;
    }

    void begin() {
        startNanos = System.nanoTime();
        startGenerator = generatorCpuNanos();
        startController = controllerCpu == null ? 0 : controllerCpu.getAsLong();
    }

    void end() {
        double elapsed = System.nanoTime() - startNanos;
        generatorCores = (generatorCpuNanos() - startGenerator) / elapsed;
        if (controllerCpu != null) {
            controllerCores = (controllerCpu.getAsLong() - startController) / elapsed;
        }
    }

    double generatorCores() {
        return generatorCores;
    }

    double controllerCores() {
        return controllerCores;
    }

    private static long generatorCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
