package dev.stagecraft.runtime.plan.optimize;

import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.Cost;
import java.util.List;
import java.util.Objects;

/**
 * What a run costs at given {@link Prices}: compute on the reserved resources for as long as each
 * instance runs, its stored outputs for the retention period, and the bytes stages read from other
 * pods (none when everything runs in one process).
 *
 * <pre>
 * compute = sum over instances of hours x (cores x coreHour + GiB x gibHour + GPUs x gpuHour)
 * storage = output GiB x storageGibMonth x retentionDays / 30
 * network = GiB moved x networkGib
 * </pre>
 */
public final class CostModel {
  private static final double GIB = 1L << 30;

  private CostModel() {}

  /**
   * One stage's work in a run.
   *
   * @param reserved what each instance reserves
   * @param instanceSeconds how long each instance runs
   * @param outputBytes the bytes its outputs take in the store
   * @param bytesMoved the bytes it reads from stages in other pods
   */
  public record Work(
      ResourceRequest reserved, List<Double> instanceSeconds, long outputBytes, long bytesMoved) {
    public Work {
      Objects.requireNonNull(reserved, "reserved");
      instanceSeconds = List.copyOf(instanceSeconds);
    }
  }

  /** The cost of the work at the prices. */
  public static Cost of(List<Work> work, Prices prices) {
    double compute = 0;
    double storage = 0;
    double network = 0;
    for (Work w : work) {
      double perHour =
          w.reserved().milliCpu() / 1000.0 * prices.coreHour()
              + w.reserved().memoryBytes() / GIB * prices.gibHour()
              + w.reserved().gpu() * prices.gpuHour();
      for (double seconds : w.instanceSeconds()) {
        compute += seconds / 3600 * perHour;
      }
      storage += w.outputBytes() / GIB * prices.storageGibMonth() * prices.retentionDays() / 30;
      network += w.bytesMoved() / GIB * prices.networkGib();
    }
    return new Cost(compute, storage, network, compute + storage + network, prices.currency());
  }
}
