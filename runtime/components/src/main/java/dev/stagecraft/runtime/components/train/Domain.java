package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The values a hyperparameter search tries for one hyperparameter: a list of choices, an integer
 * range or a real range (optionally log-scaled). Random search samples it; grid search walks its
 * {@link #grid()} points.
 */
public sealed interface Domain permits Domain.Choice, Domain.IntRange, Domain.RealRange {

  /** How many points grid search takes from a range (both ends and the middle). */
  int GRID_POINTS_PER_RANGE = 3;

  /** One value drawn uniformly (log-uniformly for a log-scaled range). */
  Object sample(SplittableRandom random);

  /** The values grid search tries, in ascending (or listed) order. */
  List<Object> grid();

  /** Explicit values: strings, integers or reals. */
  static Choice of(Object... values) {
    return new Choice(List.of(values));
  }

  /** Integers from {@code min} to {@code max} inclusive. */
  static IntRange ints(int min, int max) {
    return new IntRange(min, max);
  }

  /** Reals from {@code min} to {@code max}, uniform. */
  static RealRange reals(double min, double max) {
    return new RealRange(min, max, false);
  }

  /** Reals from {@code min} to {@code max}, log-uniform (both must be positive). */
  static RealRange logReals(double min, double max) {
    return new RealRange(min, max, true);
  }

  /** Explicit values. */
  record Choice(List<Object> values) implements Domain {
    /** Requires at least one value. */
    public Choice {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new TrainingConfigException("a hyperparameter choice needs at least one value");
      }
    }

    @Override
    public Object sample(SplittableRandom random) {
      return values.get(random.nextInt(values.size()));
    }

    @Override
    public List<Object> grid() {
      return values;
    }
  }

  /** Integers from {@code min} to {@code max} inclusive. */
  record IntRange(int min, int max) implements Domain {
    /** Requires {@code min <= max}. */
    public IntRange {
      if (min > max) {
        throw new TrainingConfigException(
            "integer range [" + min + ", " + max + "] is empty; write the smaller bound first");
      }
    }

    @Override
    public Object sample(SplittableRandom random) {
      return min + random.nextInt(max - min + 1);
    }

    @Override
    public List<Object> grid() {
      LinkedHashSet<Object> points = new LinkedHashSet<>();
      for (int i = 0; i < GRID_POINTS_PER_RANGE; i++) {
        points.add((int) Math.round(min + (double) (max - min) * i / (GRID_POINTS_PER_RANGE - 1)));
      }
      return new ArrayList<>(points);
    }
  }

  /** Reals from {@code min} to {@code max}; log-uniform when {@code logScale}. */
  record RealRange(double min, double max, boolean logScale) implements Domain {
    /** Requires {@code min <= max}, and positive bounds on a log scale. */
    public RealRange {
      if (!(min <= max)) {
        throw new TrainingConfigException(
            "real range [" + min + ", " + max + "] is empty; write the smaller bound first");
      }
      if (logScale && min <= 0) {
        throw new TrainingConfigException(
            "log-scaled range [" + min + ", " + max + "] must have a positive lower bound");
      }
    }

    @Override
    public Object sample(SplittableRandom random) {
      if (min == max) {
        return min;
      }
      if (logScale) {
        return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
      }
      return min + random.nextDouble() * (max - min);
    }

    @Override
    public List<Object> grid() {
      LinkedHashSet<Object> points = new LinkedHashSet<>();
      for (int i = 0; i < GRID_POINTS_PER_RANGE; i++) {
        double t = (double) i / (GRID_POINTS_PER_RANGE - 1);
        if (i == 0 || i == GRID_POINTS_PER_RANGE - 1) {
          points.add(i == 0 ? min : max);
        } else {
          points.add(
              logScale
                  ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min)))
                  : min + t * (max - min));
        }
      }
      return new ArrayList<>(points);
    }
  }
}
