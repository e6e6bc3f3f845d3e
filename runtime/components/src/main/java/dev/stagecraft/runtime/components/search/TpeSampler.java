package dev.stagecraft.runtime.components.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al. 2011) as Optuna 3.1's {@code TPESampler}
 * with its defaults:
 *
 * <ul>
 *   <li>while the history has fewer than {@code startupTrials} (10) finished trials, the trial is
 *       drawn by a {@link RandomSampler} of the same seed, so TPE and random search start alike;
 *   <li>then the history is split: the best {@code min(ceil(0.1 n), 25)} of the {@code n} finished
 *       trials are "good", the rest "bad". Complete trials rank by value, ahead of pruned ones;
 *       pruned trials rank by how far they got, then by their last intermediate value;
 *   <li>a {@link ParzenEstimator} is fitted to the good trials ({@code l}) and one to the bad
 *       trials ({@code g}); {@code eiCandidates} (24) candidates are drawn from {@code l} and the
 *       one with the largest {@code log l - log g} is taken.
 * </ul>
 *
 * <p>{@link Mode#MULTIVARIATE} (the default) models the parameters jointly, as Optuna's {@code
 * multivariate=True} (Falkner et al. 2018); {@link Mode#INDEPENDENT} models each parameter on its
 * own, as Optuna's default. On the test functions of {@code benchmarks/run search} the joint
 * density finds better values (see the benchmarks' README).
 *
 * <p>Determinism: the random draws of a TPE trial come from a stream seeded by the sampler's seed
 * and the trial's number, and its history is what the {@link Study} gives it (the trials of earlier
 * batches), so the same seed, space and results give the same trials whatever the threads.
 */
public final class TpeSampler implements Sampler {
  /** Optuna's {@code n_startup_trials}. */
  public static final int DEFAULT_STARTUP_TRIALS = 10;

  /** Optuna's {@code n_ei_candidates}. */
  public static final int DEFAULT_EI_CANDIDATES = 24;

  private static final int MAX_GOOD = 25;

  /** Whether the densities model the parameters jointly or one at a time. */
  public enum Mode {
    /** One density over all parameters, components shared (Optuna's {@code multivariate=True}). */
    MULTIVARIATE,
    /** One density per parameter, sampled independently (Optuna's default). */
    INDEPENDENT
  }

  private final ParameterSpace space;
  private final long seed;
  private final Mode mode;
  private final int startupTrials;
  private final int eiCandidates;
  private final RandomSampler startup;

  /** A multivariate sampler with Optuna's defaults. */
  public TpeSampler(ParameterSpace space, long seed) {
    this(space, seed, Mode.MULTIVARIATE, DEFAULT_STARTUP_TRIALS, DEFAULT_EI_CANDIDATES);
  }

  /**
   * A sampler with its own mode, start-up length and number of candidates.
   *
   * @param startupTrials finished trials needed before the densities are used (at least 1)
   * @param eiCandidates candidates drawn from the good density (at least 1)
   */
  public TpeSampler(
      ParameterSpace space, long seed, Mode mode, int startupTrials, int eiCandidates) {
    if (startupTrials < 1 || eiCandidates < 1) {
      throw new IllegalArgumentException(
          "TPE needs at least 1 start-up trial and 1 candidate, got "
              + startupTrials
              + " and "
              + eiCandidates);
    }
    this.space = space;
    this.seed = seed;
    this.mode = mode;
    this.startupTrials = startupTrials;
    this.eiCandidates = eiCandidates;
    this.startup = new RandomSampler(space, seed);
  }

  @Override
  public Optional<Map<String, Object>> suggest(
      int number, List<FinishedTrial> history, Direction direction) {
    if (history.size() < startupTrials) {
      return startup.suggest(number, history, direction);
    }
    List<FinishedTrial> ranked = new ArrayList<>(history);
    ranked.sort(rank(direction));
    int good = Math.min((int) Math.ceil(0.1 * history.size()), MAX_GOOD);
    List<FinishedTrial> below = chronological(ranked.subList(0, good));
    List<FinishedTrial> above = chronological(ranked.subList(good, ranked.size()));
    SplittableRandom random = new SplittableRandom(trialSeed(seed, number));
    Map<String, Object> chosen = new LinkedHashMap<>();
    List<Parameter> free = new ArrayList<>();
    for (Parameter p : space.parameters()) {
      if (p.fixed()) {
        chosen.put(p.name(), p.grid().get(0));
      } else {
        free.add(p);
      }
    }
    if (mode == Mode.MULTIVARIATE) {
      chosen.putAll(suggest(free, below, above, random));
    } else {
      for (Parameter p : free) {
        chosen.putAll(suggest(List.of(p), below, above, random));
      }
    }
    Map<String, Object> point = new LinkedHashMap<>();
    space.parameters().forEach(p -> point.put(p.name(), chosen.get(p.name())));
    return Optional.of(point);
  }

  /** The candidate drawn from the good density with the largest {@code log l - log g}. */
  private Map<String, Object> suggest(
      List<Parameter> parameters,
      List<FinishedTrial> below,
      List<FinishedTrial> above,
      SplittableRandom random) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (parameters.isEmpty()) {
      return values;
    }
    boolean multivariate = mode == Mode.MULTIVARIATE;
    ParzenEstimator good =
        new ParzenEstimator(parameters, observations(parameters, below), multivariate);
    ParzenEstimator bad =
        new ParzenEstimator(parameters, observations(parameters, above), multivariate);
    double[][] candidates = good.sample(random, eiCandidates);
    double[] l = good.logPdf(candidates);
    double[] g = bad.logPdf(candidates);
    int best = 0;
    for (int i = 1; i < l.length; i++) {
      if (l[i] - g[i] > l[best] - g[best]) {
        best = i;
      }
    }
    for (int d = 0; d < parameters.size(); d++) {
      values.put(parameters.get(d).name(), external(parameters.get(d), candidates[d][best]));
    }
    return values;
  }

  /**
   * The trials' values in internal scale, {@code [parameter][trial]}; a trial without a valid value
   * for every parameter is left out.
   */
  private static double[][] observations(List<Parameter> parameters, List<FinishedTrial> trials) {
    List<double[]> rows = new ArrayList<>();
    for (FinishedTrial t : trials) {
      double[] row = new double[parameters.size()];
      boolean valid = true;
      for (int d = 0; d < row.length && valid; d++) {
        row[d] = internal(parameters.get(d), t.params().get(parameters.get(d).name()));
        valid = !Double.isNaN(row[d]);
      }
      if (valid) {
        rows.add(row);
      }
    }
    double[][] columns = new double[parameters.size()][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int d = 0; d < parameters.size(); d++) {
        columns[d][i] = rows.get(i)[d];
      }
    }
    return columns;
  }

  /** A value in internal scale (log scale as logarithm, a choice as its index), NaN if invalid. */
  private static double internal(Parameter p, Object value) {
    if (p instanceof Parameter.Categorical c) {
      int index = c.choices().indexOf(value);
      return index >= 0 ? index : Double.NaN;
    }
    if (!(value instanceof Number n)) {
      return Double.NaN;
    }
    return p instanceof Parameter.FloatRange r && r.log()
        ? Math.log(n.doubleValue())
        : n.doubleValue();
  }

  private static Object external(Parameter p, double internal) {
    if (p instanceof Parameter.IntRange) {
      return (int) internal;
    }
    if (p instanceof Parameter.FloatRange r) {
      return r.log() ? Math.min(r.high(), Math.max(r.low(), Math.exp(internal))) : internal;
    }
    return ((Parameter.Categorical) p).choices().get((int) internal);
  }

  /**
   * Better first: complete trials by loss, then pruned trials by the step they reached (further
   * first) and their last intermediate loss; a pruned trial that reported nothing comes last. The
   * sort is stable, so ties keep trial order.
   */
  private static Comparator<FinishedTrial> rank(Direction direction) {
    return Comparator.comparingDouble(TpeSampler::stepKey)
        .thenComparingDouble(t -> lossKey(t, direction));
  }

  private static double stepKey(FinishedTrial t) {
    if (t.state() == TrialState.COMPLETE) {
      return Double.NEGATIVE_INFINITY;
    }
    return t.intermediateValues().isEmpty() ? 1 : -(t.intermediateValues().size() - 1);
  }

  private static double lossKey(FinishedTrial t, Direction direction) {
    if (t.state() == TrialState.PRUNED && t.intermediateValues().isEmpty()) {
      return 0;
    }
    return direction.loss(t.value());
  }

  private static List<FinishedTrial> chronological(List<FinishedTrial> trials) {
    List<FinishedTrial> sorted = new ArrayList<>(trials);
    sorted.sort(Comparator.comparingInt(FinishedTrial::number));
    return sorted;
  }

  /** A well-mixed seed for trial {@code number}'s stream (MurmurHash3's 64-bit finalizer). */
  static long trialSeed(long seed, int number) {
    long h = seed * 0x9E3779B97F4A7C15L + number;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
