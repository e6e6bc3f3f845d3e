package dev.stagecraft.examples.diamond;

import dev.stagecraft.annotations.Default;
import dev.stagecraft.annotations.Input;
import dev.stagecraft.annotations.Param;
import dev.stagecraft.annotations.Pipeline;
import dev.stagecraft.annotations.Range;
import dev.stagecraft.annotations.Resources;
import dev.stagecraft.annotations.Stage;
import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.StageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The smallest interesting pipeline: a diamond of typed stages. {@code sample} draws values; {@code
 * summary} and {@code histogram} read them in parallel; {@code report} joins both.
 *
 * <pre>
 *          sample
 *         /      \
 *    summary    histogram
 *         \      /
 *          report
 * </pre>
 */
@Pipeline(description = "Sample values, summarise and histogram them in parallel, join a report")
@Resources(cpu = "500m", memory = "256Mi")
public class DiamondPipeline {

  /** The drawn values. */
  public record Sample(long seed, List<Double> values) {}

  /** Moments of the sample. */
  public record Summary(int count, double mean, double stdDev, double min, double max) {}

  /** Equal-width bins between the sample's min and max. */
  public record Histogram(double min, double max, List<Integer> counts) {}

  /** Draws {@code size} normally distributed values with the given mean. */
  @Stage(type = StageType.INGESTION, description = "Draw a seeded normal sample")
  public Sample sample(
      @Param(value = "size", description = "how many values to draw")
          @Default("1000")
          @Range(min = 1)
          int size,
      @Param(value = "mean", description = "mean of the distribution") @Default("10.0") double mean,
      @Param(value = "seed", description = "random seed") @Default("42") long seed) {
    Random random = new Random(seed);
    List<Double> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(mean + random.nextGaussian());
    }
    return new Sample(seed, values);
  }

  /** Count, mean, population standard deviation, min and max. */
  @Stage(type = StageType.FEATURE_ENGINEERING, description = "Mean, deviation and range")
  public Summary summary(@Input("sample") Sample sample, StageContext ctx) {
    List<Double> v = sample.values();
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double mean = sum / v.size();
    double squares = 0;
    for (double x : v) {
      squares += (x - mean) * (x - mean);
    }
    double stdDev = Math.sqrt(squares / v.size());
    ctx.metric("mean", mean);
    ctx.metric("std_dev", stdDev);
    return new Summary(v.size(), mean, stdDev, min, max);
  }

  /** Counts per equal-width bin. */
  @Stage(type = StageType.FEATURE_ENGINEERING, description = "Equal-width histogram")
  public Histogram histogram(
      @Input("sample") Sample sample,
      @Param(value = "bins", description = "number of histogram bins")
          @Default("10")
          @Range(min = 1)
          int bins) {
    double min = sample.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = sample.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    int[] counts = new int[bins];
    double width = (max - min) / bins;
    for (double x : sample.values()) {
      int bin = width == 0 ? 0 : (int) ((x - min) / width);
      counts[Math.min(bin, bins - 1)]++;
    }
    List<Integer> list = new ArrayList<>(bins);
    for (int c : counts) {
      list.add(c);
    }
    return new Histogram(min, max, list);
  }

  /** A text report joining both branches. */
  @Stage(type = StageType.EVALUATION, description = "Join summary and histogram into a report")
  public String report(@Input("summary") Summary summary, @Input("histogram") Histogram histogram) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "n=%d mean=%.4f sd=%.4f range=[%.4f, %.4f]%n",
            summary.count(), summary.mean(), summary.stdDev(), summary.min(), summary.max()));
    int peak = histogram.counts().stream().mapToInt(Integer::intValue).max().orElse(1);
    for (int count : histogram.counts()) {
      out.append("#".repeat(peak == 0 ? 0 : (int) Math.round(40.0 * count / peak)))
          .append(' ')
          .append(count)
          .append('\n');
    }
    return out.toString();
  }
}
