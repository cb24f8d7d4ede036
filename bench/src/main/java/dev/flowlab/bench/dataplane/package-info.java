/** Benchmarks of the dataplane: they print numbers (build, first ping, teardown, memory), they assert nothing. */
package dev.flowlab.bench.dataplane;
