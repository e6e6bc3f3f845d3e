package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.engine.RunOptions;
import java.util.function.LongSupplier;
import picocli.CommandLine.Option;

/**
 * The capacity options {@code run}, {@code resume} and {@code plan} share: {@code --max-cpu},
 * {@code --max-memory}, {@code --gpus}; unset, the machine's cores, the JVM's max heap and no GPU.
 */
final class CapacityOptions {
  @Option(
      names = "--max-cpu",
      paramLabel = "N",
      description = "CPU capacity: cores (4, 1.5) or millicores (500m).")
  String maxCpu;

  @Option(
      names = "--max-memory",
      paramLabel = "QUANTITY",
      description = "Memory capacity, e.g. 8Gi.")
  String maxMemory;

  @Option(names = "--gpus", paramLabel = "N", description = "GPU capacity (default 0).")
  Integer gpus;

  /** The options with the capacity given on the command line. */
  RunOptions apply(RunOptions options) {
    RunOptions o = options;
    if (maxCpu != null) {
      o = o.withMaxMilliCpu(quantity("--max-cpu", () -> Quantities.cpuMillis(maxCpu)));
    }
    if (maxMemory != null) {
      o = o.withMaxMemoryBytes(quantity("--max-memory", () -> Quantities.memoryBytes(maxMemory)));
    }
    if (gpus != null) {
      if (gpus < 0) {
        throw new UsageException("--gpus " + gpus + " must not be negative");
      }
      o = o.withGpus(gpus);
    }
    return o;
  }

  private static long quantity(String option, LongSupplier parse) {
    try {
      return parse.getAsLong();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }
}
