package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.ResourceRequest;

/** What is free on the executor; guarded by the run's lock. */
final class Capacity {
  private long milliCpu;
  private long memoryBytes;
  private int gpu;

  Capacity(ResourceRequest total) {
    this.milliCpu = total.milliCpu();
    this.memoryBytes = total.memoryBytes();
    this.gpu = total.gpu();
  }

  boolean fits(ResourceRequest r) {
    return r.milliCpu() <= milliCpu && r.memoryBytes() <= memoryBytes && r.gpu() <= gpu;
  }

  void reserve(ResourceRequest r) {
    milliCpu -= r.milliCpu();
    memoryBytes -= r.memoryBytes();
    gpu -= r.gpu();
  }

  void release(ResourceRequest r) {
    milliCpu += r.milliCpu();
    memoryBytes += r.memoryBytes();
    gpu += r.gpu();
  }
}
