package dev.stagecraft.runtime.plan.optimize;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.plan.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Predicts what a stage will take from its recent executions (newest run first):
 *
 * <ol>
 *   <li>a stage skipped by its condition in most of its recent runs takes no time;
 *   <li>with successful executions at three or more distinct {@code data_size} values and a run
 *       that gives its {@code data_size}, a {@link SizeModel} fitted on them (duration, and memory
 *       when measured), its confidence from the fit's typical error, the number of points and how
 *       far the size lies outside the fitted ones;
 *   <li>else the median of the most recent successful executions (at the run's {@code data_size},
 *       when the history has some there), its confidence from their number and spread;
 *   <li>with no successful execution, the defaults (300 s, 1 core, 2048 MiB) with confidence 0.
 * </ol>
 *
 * A fan-out stage is predicted per instance index, as many instances as its latest run had.
 */
public final class StagePredictor {
  /** The most recent successful executions (or runs) a median is taken over. */
  public static final int MEDIAN_OF = 10;

  /** How CPU and memory are measured, as every prediction from history says. */
  public static final String MEASURED =
      "cpu: CPU time of the stage's thread; memory: peak of the used heap sampled while it ran,"
          + " shared among the stages running at once";

  private StagePredictor() {}

  /**
   * The prediction for a stage.
   *
   * @param samples the stage's executions in the history, newest run first
   * @param dataSize the planned run's {@code data_size}, when its profile gives one
   * @param runs how many of the pipeline's runs the history holds
   */
  public static Prediction predict(List<ExecutionSample> samples, OptionalLong dataSize, int runs) {
    if (runs == 0) {
      return Prediction.NO_HISTORY;
    }
    if (samples.isEmpty()) {
      return Prediction.defaults(
          "no execution in the last " + runs + " runs: " + Prediction.DEFAULTS);
    }
    Map<String, List<ExecutionSample>> byRun = new LinkedHashMap<>();
    samples.forEach(s -> byRun.computeIfAbsent(s.runId(), k -> new ArrayList<>()).add(s));
    Optional<Prediction> skipped = skipped(byRun);
    if (skipped.isPresent()) {
      return skipped.get();
    }
    List<ExecutionSample> ok =
        samples.stream().filter(s -> s.status() == StageStatus.SUCCEEDED).toList();
    if (ok.isEmpty()) {
      Map<StageStatus, Integer> counts = new TreeMap<>();
      samples.forEach(s -> counts.merge(s.status(), 1, Integer::sum));
      List<String> parts = new ArrayList<>();
      counts.forEach((status, n) -> parts.add(n + " " + status));
      return Prediction.defaults(
          "no successful execution in the last "
              + runs
              + " runs ("
              + String.join(", ", parts)
              + "): "
              + Prediction.DEFAULTS);
    }

    // the stage's duration in each run: its longest successful instance
    List<Point> perRun = new ArrayList<>();
    Map<String, Long> outputPerRun = new LinkedHashMap<>();
    for (List<ExecutionSample> run : byRun.values()) {
      double longest = -1;
      long output = 0;
      for (ExecutionSample s : run) {
        if (s.status() == StageStatus.SUCCEEDED) {
          longest = Math.max(longest, s.wallSeconds());
          output += s.outputBytes();
        }
      }
      if (longest >= 0) {
        perRun.add(new Point(run.get(0).dataSize(), longest));
        outputPerRun.put(run.get(0).runId(), output);
      }
    }
    Estimate duration = estimate(perRun, dataSize);

    List<Double> instances = new ArrayList<>();
    int count = instanceCount(byRun);
    for (int k = 0; k < count; k++) {
      int index = k;
      List<Point> points = new ArrayList<>();
      ok.stream()
          .filter(s -> s.index() == index)
          .forEach(s -> points.add(new Point(s.dataSize(), s.wallSeconds())));
      instances.add(points.isEmpty() ? duration.value() : estimate(points, dataSize).value());
    }
    double seconds =
        instances.isEmpty()
            ? duration.value()
            : instances.stream().mapToDouble(Double::doubleValue).max().orElse(0);

    List<Double> cores = new ArrayList<>();
    for (ExecutionSample s : ok.subList(0, Math.min(MEDIAN_OF, ok.size()))) {
      if (s.wallSeconds() > 0) {
        cores.add(s.cpuSeconds() / s.wallSeconds());
      }
    }
    List<Point> memory = new ArrayList<>();
    ok.stream()
        .filter(s -> s.peakMemoryBytes().isPresent())
        .forEach(s -> memory.add(new Point(s.dataSize(), s.peakMemoryBytes().getAsLong())));
    OptionalLong memoryBytes =
        memory.isEmpty()
            ? OptionalLong.empty()
            : OptionalLong.of(Math.round(estimate(memory, dataSize).value()));
    List<Double> outputs =
        outputPerRun.values().stream().limit(MEDIAN_OF).map(Long::doubleValue).toList();

    return new Prediction(
        seconds,
        cores.isEmpty() ? 0 : Statistics.median(cores),
        memoryBytes,
        duration.confidence(),
        duration.description()
            + "; "
            + MEASURED
            + (memory.isEmpty()
                ? "; memory not measured: no execution lasted until the first heap sample"
                : ""),
        duration.source(),
        instances,
        Math.round(Statistics.median(outputs)));
  }

  /**
   * The stage was skipped by its condition in most of its recent decided runs (those where it ran,
   * was skipped or was reused; a plan's exclusion is not a decision of the stage's own).
   */
  private static Optional<Prediction> skipped(Map<String, List<ExecutionSample>> byRun) {
    int decided = 0;
    int skips = 0;
    String reason = "";
    for (List<ExecutionSample> run : byRun.values()) {
      ExecutionSample first = run.get(0);
      StageStatus status = first.status();
      boolean excluded = first.reason().startsWith("excluded by ");
      if (excluded
          || status == StageStatus.UPSTREAM_FAILED
          || status == StageStatus.CANCELLED
          || status == StageStatus.PENDING
          || status == StageStatus.RUNNING) {
        continue;
      }
      decided++;
      if (status == StageStatus.SKIPPED) {
        if (skips == 0) {
          reason = first.reason();
        }
        skips++;
      }
      if (decided == MEDIAN_OF) {
        break;
      }
    }
    if (decided == 0 || 2 * skips <= decided) {
      return Optional.empty();
    }
    return Optional.of(
        new Prediction(
            0,
            0,
            OptionalLong.of(0),
            (double) skips / decided,
            "skipped in "
                + skips
                + " of its last "
                + decided
                + " runs"
                + (reason.isEmpty() ? "" : " (" + reason + ")"),
            Prediction.Source.SKIPPED,
            List.of(),
            0));
  }

  /** A fan-out stage's instances in the newest run where it had some; 0 for a plain stage. */
  private static int instanceCount(Map<String, List<ExecutionSample>> byRun) {
    for (List<ExecutionSample> run : byRun.values()) {
      int most = run.stream().mapToInt(ExecutionSample::index).max().orElse(-1);
      if (most >= 0) {
        return most + 1;
      }
    }
    return 0;
  }

  /** One observed value at the run's data size, if it had one. */
  private record Point(OptionalLong size, double value) {}

  /** An estimated value, how sure it is, and how it was made. */
  private record Estimate(
      double value, double confidence, String description, Prediction.Source source) {}

  /** The estimate of a quantity at {@code size} from points (newest first). */
  private static Estimate estimate(List<Point> points, OptionalLong size) {
    if (size.isPresent()) {
      List<double[]> sized = new ArrayList<>();
      points.stream()
          .filter(p -> p.size().isPresent())
          .forEach(p -> sized.add(new double[] {p.size().getAsLong(), p.value()}));
      Optional<SizeModel> model = SizeModel.fit(sized);
      double at = size.getAsLong();
      if (model.isPresent() && model.get().at(at) > 0) {
        SizeModel m = model.get();
        double confidence =
            m.points() / (m.points() + 1.0) * Math.max(0, 1 - m.typicalError()) * m.coverage(at);
        return new Estimate(
            m.at(at),
            confidence,
            String.format(
                Locale.ROOT,
                "%s over data_size from %d executions at %d sizes (%s, R² %.3f, typical error"
                    + " %.0f%%), at %s",
                m.kind() == SizeModel.Kind.POWER_LAW ? "power law" : "linear model",
                m.points(),
                m.sizes(),
                m.formula(),
                m.rSquared(),
                100 * m.typicalError(),
                Quantities.formatBytes(size.getAsLong())),
            Prediction.Source.SIZE_MODEL);
      }
      List<Point> same =
          points.stream()
              .filter(p -> p.size().isPresent() && p.size().getAsLong() == size.getAsLong())
              .toList();
      if (!same.isEmpty()) {
        return median(same, " at data_size " + Quantities.formatBytes(size.getAsLong()));
      }
    }
    return median(points, "");
  }

  private static Estimate median(List<Point> points, String where) {
    List<Double> values = points.stream().limit(MEDIAN_OF).map(Point::value).toList();
    int n = values.size();
    double spread = Statistics.relativeSpread(values);
    return new Estimate(
        Statistics.median(values),
        n / (n + 1.0) * Math.max(0, 1 - spread),
        String.format(
            Locale.ROOT,
            "median of %d execution%s%s (spread %.0f%%)",
            n,
            n == 1 ? "" : "s",
            where,
            100 * spread),
        Prediction.Source.MEDIAN);
  }
}
