package dev.stagecraft.runtime.graph;

import dev.stagecraft.annotations.Resources;
import dev.stagecraft.annotations.syntax.Quantities;

/**
 * What a stage reserves while it runs: CPU in millicores, memory in bytes, whole GPUs.
 *
 * <pre>{@code
 * ResourceRequest r = ResourceRequest.parse("500m", "2Gi", 0);
 * }</pre>
 */
public record ResourceRequest(long milliCpu, long memoryBytes, int gpu) {
  /** The defaults of {@link Resources}. */
  public static final ResourceRequest DEFAULT =
      parse(Resources.DEFAULT_CPU, Resources.DEFAULT_MEMORY, Resources.DEFAULT_GPU);

  /**
   * A capacity without limits (an export's cluster when no largest node is given): large enough for
   * any request, small enough that sums of several stay positive. Printed as "unbounded".
   */
  public static final ResourceRequest UNBOUNDED =
      new ResourceRequest(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Integer.MAX_VALUE);

  public ResourceRequest {
    if (milliCpu < 0 || memoryBytes < 0 || gpu < 0) {
      throw new IllegalArgumentException("resources cannot be negative");
    }
  }

  /**
   * Parses Kubernetes quantities.
   *
   * @throws IllegalArgumentException naming the bad quantity
   */
  public static ResourceRequest parse(String cpu, String memory, int gpu) {
    if (gpu < 0) {
      throw new IllegalArgumentException("gpu " + gpu + " must not be negative");
    }
    return new ResourceRequest(Quantities.cpuMillis(cpu), Quantities.memoryBytes(memory), gpu);
  }

  /** This request with {@code value} millicores of CPU. */
  public ResourceRequest withMilliCpu(long value) {
    return new ResourceRequest(value, memoryBytes, gpu);
  }

  /** This request with {@code value} bytes of memory. */
  public ResourceRequest withMemoryBytes(long value) {
    return new ResourceRequest(milliCpu, value, gpu);
  }

  /** This request with {@code value} GPUs. */
  public ResourceRequest withGpu(int value) {
    return new ResourceRequest(milliCpu, memoryBytes, value);
  }

  /** Whether this request fits within {@code capacity}. */
  public boolean fitsIn(ResourceRequest capacity) {
    return milliCpu <= capacity.milliCpu
        && memoryBytes <= capacity.memoryBytes
        && gpu <= capacity.gpu;
  }

  @Override
  public String toString() {
    return "cpu="
        + (milliCpu >= UNBOUNDED.milliCpu ? "unbounded" : Quantities.formatCpu(milliCpu))
        + ", memory="
        + (memoryBytes >= UNBOUNDED.memoryBytes ? "unbounded" : Quantities.formatBytes(memoryBytes))
        + ", gpu="
        + (gpu == UNBOUNDED.gpu ? "unbounded" : String.valueOf(gpu));
  }
}
