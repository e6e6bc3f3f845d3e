package dev.stagecraft.examples.workload;

import dev.stagecraft.annotations.Default;
import dev.stagecraft.annotations.Input;
import dev.stagecraft.annotations.Param;
import dev.stagecraft.annotations.Pipeline;
import dev.stagecraft.annotations.Range;
import dev.stagecraft.annotations.Resources;
import dev.stagecraft.annotations.Stage;
import dev.stagecraft.annotations.StageType;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A workload whose times are set from the command line, to try plans, predictions and {@code
 * --optimize} on: each stage sleeps for its {@code ...Ms} parameter, then sorts {@code rows} seeded
 * random numbers of its own (so its work grows with the data size the run is given). Three stages
 * in the middle may run at once, each reserving a core, so two cores make one of them wait.
 *
 * <pre>
 *          ┌── clean ────┐
 *   load ──┼── features ─┼── train ── publish
 *          └── audit ────┘
 * </pre>
 *
 * <pre>
 * ./stagecraft run workload -p trainMs=2000
 * ./stagecraft run workload -p rows=2000000 --profile data_size=16M   # 8 bytes a row
 * </pre>
 */
@Pipeline(description = "Stages that sleep and sort for set times and sizes: try plans on it")
@Resources(cpu = "1", memory = "256Mi")
public class WorkloadPipeline {

  /** What a stage did: how long it slept, how many numbers it sorted, and their checksum. */
  public record Batch(String stage, long sleptMs, long rows, long checksum) {}

  /** Reads the data. */
  @Stage(type = StageType.INGESTION, description = "Sleep loadMs, sort rows")
  public Batch load(
      @Param(value = "loadMs", description = "how long load sleeps") @Default("400") @Range(min = 0)
          long ms,
      @Param(value = "rows", description = "how many numbers each stage sorts")
          @Default("0")
          @Range(min = 0)
          int rows)
      throws InterruptedException {
    return work("load", ms, rows);
  }

  /** Cleans it; runs beside features and audit. */
  @Stage(type = StageType.PREPROCESSING, description = "Sleep cleanMs, sort rows")
  public Batch clean(
      @Input("load") Batch data,
      @Param(value = "cleanMs", description = "how long clean sleeps")
          @Default("900")
          @Range(min = 0)
          long ms,
      @Param("rows") @Default("0") @Range(min = 0) int rows)
      throws InterruptedException {
    return work("clean", ms, rows);
  }

  /** Derives features; runs beside clean and audit. */
  @Stage(type = StageType.FEATURE_ENGINEERING, description = "Sleep featuresMs, sort rows")
  public Batch features(
      @Input("load") Batch data,
      @Param(value = "featuresMs", description = "how long features sleeps")
          @Default("700")
          @Range(min = 0)
          long ms,
      @Param("rows") @Default("0") @Range(min = 0) int rows)
      throws InterruptedException {
    return work("features", ms, rows);
  }

  /** Checks the data; runs beside clean and features. */
  @Stage(type = StageType.VALIDATION, description = "Sleep auditMs, sort rows")
  public Batch audit(
      @Input("load") Batch data,
      @Param(value = "auditMs", description = "how long audit sleeps")
          @Default("500")
          @Range(min = 0)
          long ms,
      @Param("rows") @Default("0") @Range(min = 0) int rows)
      throws InterruptedException {
    return work("audit", ms, rows);
  }

  /** Trains on what the three made. */
  @Stage(type = StageType.TRAINING, description = "Sleep trainMs, sort rows")
  public Batch train(
      @Input("clean") Batch clean,
      @Input("features") Batch features,
      @Input("audit") Batch audit,
      @Param(value = "trainMs", description = "how long train sleeps")
          @Default("1200")
          @Range(min = 0)
          long ms,
      @Param("rows") @Default("0") @Range(min = 0) int rows)
      throws InterruptedException {
    return work("train", ms, rows);
  }

  /** Publishes the result. */
  @Stage(type = StageType.DEPLOYMENT, description = "Sleep publishMs")
  public Batch publish(
      @Input("train") Batch model,
      @Param(value = "publishMs", description = "how long publish sleeps")
          @Default("300")
          @Range(min = 0)
          long ms)
      throws InterruptedException {
    return work("publish", ms, 0);
  }

  /** Sleeps {@code ms}, then sorts {@code rows} numbers seeded by the stage's name. */
  static Batch work(String stage, long ms, int rows) throws InterruptedException {
    Thread.sleep(ms);
    SplittableRandom random = new SplittableRandom(stage.hashCode());
    long[] values = new long[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = random.nextLong();
    }
    Arrays.sort(values);
    long checksum = 0;
    for (int i = 0; i < rows; i += Math.max(1, rows / 1024)) {
      checksum = 31 * checksum + values[i];
    }
    return new Batch(stage, ms, rows, checksum);
  }
}
